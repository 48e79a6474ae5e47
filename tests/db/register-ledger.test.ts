import ExcelJS from 'exceljs';
import request from 'supertest';
import type { Express } from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { saveImportedDistrict } from '../../server/db/save-imported-district';
import { readOsmFile } from '../../server/import/read-osm-file';
import { DEMO } from '../global-setup';
import { buildLedgerFixture } from '../helpers/ledger-fixture';
import { loginAs } from '../helpers/login-as';
import { makeTestApp } from '../helpers/test-app';
import { openTestDatabase, type TestDatabase } from '../helpers/test-db';

type Agent = ReturnType<typeof request.agent>;

/**
 * The district register from and to Excel (issue #11 item 2) on the demo district's communities
 * (data/beijing-haidian-cau.osm), imported here as a district of this file's own so that a
 * shared server database's demo district is never touched while other files read it.
 */
let t: TestDatabase;
let app: Express;
let official: Agent;
let admin: Agent;
let planner: Agent;
let districtId: number;
let ledger: Buffer;
const ids: Record<string, number> = {};

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

interface Snapshot {
  communities: Record<string, unknown>[];
  items: Record<string, unknown>[];
}

const snapshot = async (): Promise<Snapshot> => ({
  communities: await t.db.query(
    `SELECT id, name, code, households, households_estimated, building_count,
            floor_area_sqm::float8 AS floor_area, built_year, stage, budget_wan::float8 AS budget
     FROM community WHERE district_id = $1 ORDER BY id`,
    [districtId],
  ),
  items: await t.db.query(
    `SELECT id, community_id, name, category, quantity::float8 AS quantity, unit,
            budget_wan::float8 AS budget, progress_pct::float8 AS progress, version
     FROM register_item WHERE district_id = $1 ORDER BY id`,
    [districtId],
  ),
});

const upload = (agent: Agent, bytes: Buffer, type = XLSX) =>
  agent
    .post(`/api/districts/${districtId}/register/import`)
    .set('Content-Type', type)
    .set('X-File-Name', encodeURIComponent('海淀区台账.xlsx'))
    .send(bytes);

/** Known stored figures before each scenario: estimates from the map, one recorded year. */
async function resetFigures(): Promise<void> {
  await t.db.query('DELETE FROM register_item WHERE district_id = $1', [districtId]);
  await t.db.query(
    `UPDATE community SET code = NULL, street = NULL, funding_source = NULL,
       renewal_content = NULL, built_year = NULL, budget_wan = NULL, stage = 'publicity'
     WHERE district_id = $1`,
    [districtId],
  );
  const set = (name: string, sqlSet: string) =>
    t.db.query(`UPDATE community SET ${sqlSet} WHERE district_id = $1 AND name = $2`, [
      districtId,
      name,
    ]);
  await set(
    '石科院生活区',
    `households = 1200, households_estimated = true, building_count = 15,
     floor_area_sqm = 100000.0, floor_area_estimated = true, built_year = 1983`,
  );
  await set(
    '静淑苑',
    `households = 912, households_estimated = true, building_count = 12,
     floor_area_sqm = 72973.3, floor_area_estimated = true`,
  );
}

beforeAll(async () => {
  t = await openTestDatabase();
  const district = await readOsmFile(DEMO.file, { name: '台账测试片区' });
  districtId = (await saveImportedDistrict(t.db, district)).districtId;
  for (const r of await t.db.query<{ id: number; name: string }>(
    'SELECT id, name FROM community WHERE district_id = $1',
    [districtId],
  ))
    ids[r.name] = Number(r.id);
  app = makeTestApp(t.db).app;
  official = request.agent(app);
  admin = request.agent(app);
  planner = request.agent(app);
  await loginAs(official, 'reviewer');
  await loginAs(admin, 'admin');
  const me = await loginAs(planner, 'planner');
  // The planner of this file's district: 石科院生活区 only.
  await t.db.query(
    'INSERT INTO community_assignment (district_id, community_id, user_id) VALUES ($1, $2, $3)',
    [districtId, ids['石科院生活区'], me.id],
  );
  ledger = await buildLedgerFixture();
});

afterAll(async () => {
  if (districtId) {
    await t?.db.query('DELETE FROM register_import WHERE district_id = $1', [districtId]);
    await t?.db.query('DELETE FROM district WHERE id = $1', [districtId]);
  }
  await t?.close();
});

describe('importing the district ledger (.xlsx)', () => {
  it('previews matches, unmatched rows, duplicates, conflicts and cell errors exactly', async () => {
    await resetFigures();
    const before = await snapshot();
    const res = await upload(official, ledger).expect(201);
    const p = res.body;
    expect(p.token).toMatch(/^[0-9a-f]{32}$/);
    expect(p.format).toBe('xlsx');
    expect(p.fileName).toBe('海淀区台账.xlsx');
    expect(
      p.sheets.map((s: { name: string; kind: string; headerRow: number }) => [
        s.name,
        s.kind,
        s.headerRow,
      ]),
    ).toEqual([
      ['小区台账', 'communities', 2],
      ['项目库', 'items', 2],
    ]);
    expect(p.sheets[0].totalsRows).toEqual([10]);
    const fields = p.sheets[0].columns.map(
      (c: { column: string; field: string | null }) => `${c.column}:${c.field}`,
    );
    expect(fields).toEqual([
      'A:null',
      'B:name',
      'C:code',
      'D:households',
      'E:buildings',
      'F:floorAreaSqM',
      'G:builtYear',
      'H:stage',
      'I:budgetWan',
    ]);
    // 7 community rows + 3 item rows. The official writes figures; items are the planner's.
    expect(p.summary).toEqual({
      rows: 10,
      matched: 3,
      unmatched: 1,
      invalid: 1,
      duplicate: 2,
      forbidden: 3,
      changedRows: 3,
      // 石科院生活区 7 (code, households, buildings, floor area, year, stage, budget),
      // 静淑苑 6 (its 12 buildings are unchanged), 学士居 2 (year, budget; blank cells kept).
      changes: 15,
      // Only the recorded built year of 石科院生活区 (1983 → 1985) overwrites a record: the
      // households and floor areas were estimates, stages move forward, budgets were empty.
      conflicts: 1,
      cellErrors: 1,
      communitiesUpdated: 3,
      itemsInserted: 0,
      itemsUpdated: 0,
    });
    const row = (n: number) =>
      p.rows.find((r: { sheet: string; row: number }) => r.sheet === '小区台账' && r.row === n);
    expect(row(3)).toMatchObject({
      status: 'matched',
      matchedBy: 'name',
      communityId: ids['石科院生活区'],
    });
    expect(row(4)).toMatchObject({
      status: 'matched',
      matchedBy: 'normalized',
      communityId: ids['静淑苑'],
    });
    expect(row(5)).toMatchObject({
      status: 'matched',
      matchedBy: 'name',
      communityId: ids['学士居'],
    });
    expect(row(6).status).toBe('invalid');
    expect(row(6).errors).toEqual([
      {
        cell: 'D6',
        field: 'households',
        code: 'NOT_A_NUMBER',
        message: { zh: 'D6 户数: 「三百」不是数字', en: 'D6 households: "三百" is not a number' },
      },
    ]);
    expect(row(7)).toMatchObject({ status: 'unmatched', communityId: null, label: '清华园小区' });
    expect([row(8).status, row(9).status]).toEqual(['duplicate', 'duplicate']);
    const year = row(3).changes.find((c: { field: string }) => c.field === 'builtYear');
    expect(year).toEqual({ field: 'builtYear', old: 1983, new: 1985, conflict: true });
    const households = row(3).changes.find((c: { field: string }) => c.field === 'households');
    expect(households).toEqual({
      field: 'households',
      old: 1200,
      new: 1300,
      oldEstimated: true,
      conflict: false,
    });
    expect(row(4).changes.find((c: { field: string }) => c.field === 'floorAreaSqM')).toMatchObject(
      {
        old: 72973.3,
        new: 72000,
      },
    );
    const items = p.rows.filter((r: { kind: string }) => r.kind === 'items');
    expect(items.map((r: { status: string; action: string }) => r.status)).toEqual([
      'forbidden',
      'forbidden',
      'forbidden',
    ]);
    // A preview writes nothing.
    expect(await snapshot()).toEqual(before);
  });

  it('commits exactly the matched values in one transaction, from any app instance', async () => {
    await resetFigures();
    const before = await snapshot();
    const preview = (await upload(admin, ledger).expect(201)).body;
    expect(preview.summary).toMatchObject({
      matched: 6,
      forbidden: 0,
      itemsInserted: 3,
      communitiesUpdated: 3,
    });
    // Another process (a second app over the same database) commits the stored preview.
    const other = request.agent(makeTestApp(t.db).app);
    await loginAs(other, 'admin');
    const res = await other
      .post(`/api/districts/${districtId}/register/import/${preview.token}/commit`)
      .expect(200);
    expect(res.body).toMatchObject({
      committed: true,
      communitiesUpdated: 3,
      itemsInserted: 3,
      itemsUpdated: 0,
    });

    const after = await snapshot();
    const by = (s: Snapshot, name: string) => s.communities.find((c) => c.name === name)!;
    expect(by(after, '石科院生活区')).toMatchObject({
      code: 'HD-001',
      households: 1300,
      households_estimated: false,
      building_count: 16,
      floor_area: 102000,
      built_year: 1985,
      stage: 'construction',
      budget: 850.5,
    });
    expect(by(after, '静淑苑')).toMatchObject({
      code: 'HD-002',
      households: 900,
      building_count: 12,
      floor_area: 72000,
      built_year: 1992,
      stage: 'planning',
      budget: 420,
    });
    const xueshi = by(before, '学士居');
    expect(by(after, '学士居')).toEqual({ ...xueshi, built_year: 1998, budget: 60 });
    // Invalid, unmatched and duplicated rows wrote nothing; neither did the other communities.
    for (const c of before.communities)
      if (!['石科院生活区', '静淑苑', '学士居'].includes(String(c.name)))
        expect(after.communities.find((x) => x.id === c.id)).toEqual(c);
    expect(
      after.items.map((i) => [
        i.community_id,
        i.name,
        i.category,
        i.quantity,
        i.unit,
        i.budget,
        i.progress,
      ]),
    ).toEqual([
      [ids['石科院生活区'], '屋面防水及外墙保温', 'basic', 15, '栋', 300, 50],
      [ids['石科院生活区'], '增设停车位', 'improvement', 120, '个', 180.25, 0],
      [ids['静淑苑'], '养老服务站', 'upgrade', 1, '处', 95, 0],
    ]);
    // One audit entry for the commit, with its counts.
    const [audit] = await t.db.query<{ summary: { after: Record<string, unknown> } }>(
      `SELECT summary FROM audit_log WHERE route = '/api/districts/:id/register/import/:token/commit'
       ORDER BY id DESC LIMIT 1`,
    );
    expect(audit?.summary.after).toMatchObject({
      token: preview.token,
      communitiesUpdated: 3,
      itemsInserted: 3,
    });
    // A token commits once.
    const again = await other.post(
      `/api/districts/${districtId}/register/import/${preview.token}/commit`,
    );
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('IMPORT_STALE');
  });

  it('a stale preview commits nothing: 409 IMPORT_STALE, every figure as it was', async () => {
    await resetFigures();
    const preview = (await upload(admin, ledger).expect(201)).body;
    // Someone records 石科院生活区's households after the preview.
    await t.db.query('UPDATE community SET households = 1234 WHERE id = $1', [ids['石科院生活区']]);
    const before = await snapshot();
    const res = await admin
      .post(`/api/districts/${districtId}/register/import/${preview.token}/commit`)
      .set('Accept-Language', 'en');
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('IMPORT_STALE');
    expect(res.body.error.message).toMatch(/nothing was written/);
    expect(res.body.error.details.stale).toEqual([
      { communityId: ids['石科院生活区'], field: 'households', expected: 1200, found: 1234 },
    ]);
    expect(await snapshot()).toEqual(before);
  });

  it('a database error mid-way rolls back the writes before it', async () => {
    await resetFigures();
    const preview = (await upload(admin, ledger).expect(201)).body;
    // The last write of the plan breaks a CHECK constraint (negative budget) after the three
    // community updates and two item inserts have run inside the transaction.
    await t.db.query(
      `UPDATE register_import SET plan = jsonb_set(plan, '{itemInserts,2,values,budgetWan}', '-1')
       WHERE district_id = $1 AND token = $2`,
      [districtId, preview.token],
    );
    const before = await snapshot();
    const res = await admin.post(
      `/api/districts/${districtId}/register/import/${preview.token}/commit`,
    );
    expect(res.status).toBeGreaterThanOrEqual(400);
    expect(await snapshot()).toEqual(before);
    const [row] = await t.db.query<{ committed: boolean }>(
      'SELECT committed_at IS NOT NULL AS committed FROM register_import WHERE token = $1',
      [preview.token],
    );
    expect(row?.committed).toBe(false);
  });

  it('a planner imports the items of assigned communities only, never the figures', async () => {
    await resetFigures();
    const p = (await upload(planner, ledger).expect(201)).body;
    const statuses = p.rows
      .filter((r: { status: string }) => r.status === 'matched' || r.status === 'forbidden')
      .map((r: { kind: string; label: string; status: string; itemName: string | null }) =>
        [r.kind, r.label, r.itemName, r.status].filter(Boolean).join(' '),
      );
    expect(statuses).toEqual([
      'communities 石科院生活区 forbidden',
      'communities 静淑苑小区 forbidden',
      'communities 学士居 forbidden',
      'items 石科院生活区 屋面防水及外墙保温 matched',
      'items 石科院生活区 增设停车位 matched',
      'items 静淑苑 养老服务站 forbidden',
    ]);
    expect(p.summary).toMatchObject({ itemsInserted: 2, communitiesUpdated: 0 });
    // A presenter may not import at all.
    const presenter = request.agent(app);
    await loginAs(presenter, 'presenter');
    expect((await upload(presenter, ledger)).status).toBe(403);
  });

  it('reads CSV (UTF-8 with BOM, English headers) and refuses unreadable files in the user language', async () => {
    await resetFigures();
    const csv = Buffer.from(
      '\uFEFFCommunity,Households,Floor area (m²),Budget (10k CNY)\r\n静淑苑,"1,001",73000,12.5\r\n',
      'utf8',
    );
    const p = (await upload(official, csv, 'text/csv').expect(201)).body;
    expect(p.format).toBe('csv');
    expect(p.summary).toMatchObject({ rows: 1, matched: 1, changes: 3, cellErrors: 0 });
    expect(p.rows[0].changes.map((c: { field: string; new: unknown }) => [c.field, c.new])).toEqual(
      [
        ['households', 1001],
        ['floorAreaSqM', 73000],
        ['budgetWan', 12.5],
      ],
    );
    const xls = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]);
    const bad = await upload(official, xls, 'application/vnd.ms-excel');
    expect(bad.status).toBe(422);
    expect(bad.body.error).toMatchObject({ code: 'UNREADABLE_FILE' });
    expect(bad.body.error.message).toMatch(/\.xlsx/);
    const none = await upload(official, Buffer.from('a,b\n1,2\n'), 'text/csv').set(
      'Accept-Language',
      'en',
    );
    expect(none.status).toBe(422);
    expect(none.body.error.message).toMatch(/no ledger table/);
    // JSON is not a ledger type its OpenAPI entry lists (issue 18): 415, before it is read.
    const empty = await official.post(`/api/districts/${districtId}/register/import`).send({});
    expect(empty.status).toBe(415);
    expect(empty.body.error.code).toBe('UNSUPPORTED_MEDIA_TYPE');
  });

  it('takes multipart uploads (field "file")', async () => {
    await resetFigures();
    const res = await official
      .post(`/api/districts/${districtId}/register/import`)
      .attach('file', ledger, { filename: '台账.xlsx', contentType: XLSX })
      .expect(201);
    expect(res.body.fileName).toBe('台账.xlsx');
    expect(res.body.summary.rows).toBe(10);
  });
});

describe('exporting the district register (.xlsx)', () => {
  it('writes typed cells, frozen headers, autofilter and a totals row whose cached values are the totals', async () => {
    await resetFigures();
    const preview = (await upload(admin, ledger).expect(201)).body;
    await admin
      .post(`/api/districts/${districtId}/register/import/${preview.token}/commit`)
      .expect(200);
    const register = (await request(app).get(`/api/districts/${districtId}/register`).expect(200))
      .body;
    const res = await request(app)
      .get(`/api/districts/${districtId}/register.xlsx`)
      .buffer(true)
      .parse((r, cb) => {
        const chunks: Buffer[] = [];
        r.on('data', (c: Buffer) => chunks.push(c));
        r.on('end', () => cb(null, Buffer.concat(chunks)));
      })
      .expect(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.body as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['片区台账', '改造项目', '说明']);
    const ws = wb.worksheets[0]!;
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 2, xSplit: 3 });
    expect(ws.autoFilter).toBeTruthy();
    const header = (ws.getRow(2).values as unknown[]).slice(1);
    expect(header.slice(0, 10)).toEqual([
      '序号',
      '小区编码',
      '小区名称',
      '街道',
      '建成年份',
      '户数',
      '楼栋数',
      '建筑面积(㎡)',
      '改造阶段',
      '投资估算(万元)',
    ]);
    const col = (name: string) => header.indexOf(name) + 1;
    const n = register.communities.length;
    // The demo: 10 named 小区 and the importer's one provisional community (issue 17).
    expect(n).toBe(11);
    const totals = ws.getRow(3 + n);
    expect(String(totals.getCell(col('小区名称')).value)).toMatch(/^合计/);
    const cached = (name: string) => {
      const v = totals.getCell(col(name)).value as { formula: string; result: number };
      expect(v.formula).toBe(
        `SUM(${ws.getColumn(col(name)).letter}3:${ws.getColumn(col(name)).letter}${2 + n})`,
      );
      // The file holds <v>0</v> for a zero total, but exceljs's reader drops a cached 0.
      return v.result ?? 0;
    };
    expect(cached('户数')).toBe(register.totals.households);
    expect(cached('楼栋数')).toBe(register.totals.buildings);
    expect(cached('建筑面积(㎡)')).toBeCloseTo(register.totals.floorAreaSqM, 1);
    expect(cached('预算合计(万元)')).toBeCloseTo(register.totals.budgetWan, 2);
    expect(cached('已拨付(万元)')).toBeCloseTo(register.totals.releasedWan, 2);
    expect(cached('新增车位')).toBe(register.totals.parkingAdded);
    // Typed cells with number formats: 万元 with two decimals, counts, % shares.
    const sky = register.communities.findIndex((c: { name: string }) => c.name === '石科院生活区');
    const skyRow = ws.getRow(3 + sky);
    expect(skyRow.getCell(col('户数')).value).toBe(1300);
    expect(skyRow.getCell(col('投资估算(万元)')).value).toBe(850.5);
    expect(skyRow.getCell(col('投资估算(万元)')).numFmt).toBe('#,##0.00');
    expect(skyRow.getCell(col('户数')).numFmt).toBe('#,##0');
    expect(skyRow.getCell(col('拨付比例')).numFmt).toBe('0.0%');
    const items = wb.worksheets[1]!;
    const itemHeader = (items.getRow(2).values as unknown[]).slice(1);
    const progress = items.getRow(3).getCell(itemHeader.indexOf('进度') + 1);
    expect(progress.numFmt).toBe('0.0%');
    const itemTotals = items.getRow(6).getCell(itemHeader.indexOf('投资(万元)') + 1).value as {
      result: number;
    };
    expect(itemTotals.result).toBeCloseTo(300 + 180.25 + 95, 2);
  });

  it('exports the items as CSV that re-imports with nothing to change', async () => {
    const csv = await request(app)
      .get(`/api/districts/${districtId}/register-items.csv`)
      .expect(200);
    // Communities in zh-CN collation order (静 jìng before 石 shí), items by id.
    expect(csv.text.split('\r\n')).toEqual([
      '\uFEFF小区编码,小区名称,改造类别,改造内容,数量,单位,投资(万元),阶段,进度(%),竣工验收日期',
      'HD-002,静淑苑,提升类,养老服务站,1,处,95,宣传发动,0,',
      'HD-001,石科院生活区,基础类,屋面防水及外墙保温,15,栋,300,宣传发动,50,',
      'HD-001,石科院生活区,完善类,增设停车位,120,个,180.25,宣传发动,0,',
      '',
    ]);
    const p = (await upload(admin, Buffer.from(csv.text, 'utf8'), 'text/csv').expect(201)).body;
    expect(p.sheets.map((s: { kind: string }) => s.kind)).toEqual(['items']);
    expect(p.summary).toMatchObject({ rows: 3, matched: 3, changes: 0, cellErrors: 0 });
  });

  it('re-imports cleanly (round trip, Chinese and English headers): everything matched, nothing to change', async () => {
    for (const lang of ['zh', 'en']) {
      const file = await request(app)
        .get(`/api/districts/${districtId}/register.xlsx?lang=${lang}`)
        .buffer(true)
        .parse((r, cb) => {
          const chunks: Buffer[] = [];
          r.on('data', (c: Buffer) => chunks.push(c));
          r.on('end', () => cb(null, Buffer.concat(chunks)));
        })
        .expect(200);
      const p = (await upload(admin, file.body as Buffer).expect(201)).body;
      expect(p.sheets.map((s: { kind: string }) => s.kind)).toEqual(['communities', 'items']);
      expect(p.ignoredSheets.map((s: { name: string }) => s.name)).toEqual([
        lang === 'zh' ? '说明' : 'About',
      ]);
      expect(p.summary).toEqual({
        rows: 14,
        matched: 14,
        unmatched: 0,
        invalid: 0,
        duplicate: 0,
        forbidden: 0,
        changedRows: 0,
        changes: 0,
        conflicts: 0,
        cellErrors: 0,
        communitiesUpdated: 0,
        itemsInserted: 0,
        itemsUpdated: 0,
      });
    }
  });
});
