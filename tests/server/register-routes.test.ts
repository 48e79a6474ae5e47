import request from 'supertest';
import type { Express } from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loginAs } from '../helpers/login-as';
import { makeTestApp } from '../helpers/test-app';
import { openTestDatabase, type TestDatabase } from '../helpers/test-db';

type Agent = ReturnType<typeof request.agent>;

let t: TestDatabase;
let app: Express;
let planner: Agent;
let districtId: number;
let community: { id: number; baselineId: number; households: number; buildings: number };
let otherFeature: number;
let proposalId: number;

beforeAll(async () => {
  t = await openTestDatabase();
  app = makeTestApp(t.db).app;
  planner = request.agent(app);
  await loginAs(planner, 'planner');
  const [row] = await t.db.query<{
    id: number;
    district: number;
    baseline: number;
    households: number;
    buildings: number;
  }>(
    `SELECT c.id, c.district_id AS district, s.id AS baseline, c.households,
            c.building_count AS buildings
     FROM community c JOIN scenario s ON s.community_id = c.id AND s.kind = 'baseline'
     WHERE c.name = '石科院生活区'`,
  );
  districtId = Number(row!.district);
  community = {
    id: Number(row!.id),
    baselineId: Number(row!.baseline),
    households: Number(row!.households),
    buildings: Number(row!.buildings),
  };
  const [other] = await t.db.query<{ id: number }>(
    `SELECT f.id FROM feature f JOIN scenario s ON s.id = f.scenario_id
     JOIN community c ON c.id = s.community_id WHERE c.name = '静淑苑' LIMIT 1`,
  );
  otherFeature = Number(other!.id);
});

afterAll(async () => {
  await t?.db.query('DELETE FROM register_item WHERE community_id = $1', [community.id]);
  if (proposalId) await t?.db.query('DELETE FROM scenario WHERE id = $1', [proposalId]);
  await t?.close();
});

const item = (over: Record<string, unknown> = {}) => ({
  name: '屋面防水及外墙保温',
  category: 'basic',
  quantity: 12,
  unit: '栋',
  budgetWan: 120,
  ...over,
});

describe('the renewal register of a community', () => {
  it('keeps items with category, quantity, budget, features, phase and progress; releases funds by progress', async () => {
    const [building] = await t.db.query<{ id: number }>(
      `SELECT id FROM feature WHERE scenario_id = $1 AND kind = 'building' ORDER BY id LIMIT 1`,
      [community.baselineId],
    );
    const a = await planner
      .post(`/api/communities/${community.id}/register/items`)
      .send(item({ featureIds: [Number(building!.id)], phase: 'construction', progressPct: 80 }))
      .expect(201);
    expect(a.body).toMatchObject({
      category: 'basic',
      quantity: 12,
      unit: '栋',
      budgetWan: 120,
      featureIds: [Number(building!.id)],
      phase: 'construction',
      progressPct: 80,
      version: 1,
    });
    expect(a.body.funds.releasedWan).toBe(72);
    await planner
      .post(`/api/communities/${community.id}/register/items`)
      .send(
        item({
          name: '新增停车位',
          category: 'improvement',
          quantity: 26,
          unit: '个',
          budgetWan: 60,
          progressPct: 50,
          phase: 'construction',
        }),
      )
      .expect(201);
    const c = await planner
      .post(`/api/communities/${community.id}/register/items`)
      .send(
        item({
          name: '社区养老服务站',
          category: 'upgrade',
          quantity: 1,
          unit: '处',
          budgetWan: 30,
          phase: 'acceptance',
          progressPct: 100,
          acceptedOn: '2026-03-01',
        }),
      )
      .expect(201);

    const reg = (
      await request(app)
        .get(`/api/communities/${community.id}/register?asOf=2026-12-01`)
        .expect(200)
    ).body;
    expect(reg.items).toHaveLength(3);
    expect(reg.summary).toEqual({
      items: 3,
      budgetWan: 210,
      releasedWan: 117,
      heldWan: 3,
      byCategoryWan: { basic: 120, improvement: 60, upgrade: 30 },
      progressPct: 74.3,
    });
    // A year after acceptance the 10 % warranty of the upgrade item is released too.
    const later = (
      await request(app)
        .get(`/api/communities/${community.id}/register?asOf=2027-03-01`)
        .expect(200)
    ).body;
    expect(later.summary.releasedWan).toBe(120);

    // Versioned edits: a stale version changes nothing.
    const moved = await planner
      .patch(`/api/register/items/${a.body.id}`)
      .send(item({ version: 1, progressPct: 90, phase: 'construction' }))
      .expect(200);
    expect(moved.body).toMatchObject({ version: 2, progressPct: 90 });
    const stale = await planner
      .patch(`/api/register/items/${a.body.id}`)
      .send(item({ version: 1, progressPct: 10 }))
      .expect(409);
    expect(stale.body.error.code).toBe('CONFLICT');
    expect(stale.body.error.details.current.progressPct).toBe(90);
    await planner.delete(`/api/register/items/${c.body.id}?version=1`).expect(204);
  });

  it('refuses bad items with a bilingual error and saves nothing', async () => {
    const before = (await request(app).get(`/api/communities/${community.id}/register`)).body.items
      .length;
    const bad = [
      item({ category: 'luxury' }),
      item({ budgetWan: -5 }),
      item({ progressPct: 120 }),
      item({ acceptedOn: '2026-01-01', phase: 'construction' }),
      item({ featureIds: [otherFeature] }),
    ];
    for (const body of bad) {
      const res = await planner.post(`/api/communities/${community.id}/register/items`).send(body);
      expect(res.status).toBe(400);
      expect(res.body.error.code).toBe('VALIDATION');
    }
    const en = await planner
      .post(`/api/communities/${community.id}/register/items`)
      .set('Accept-Language', 'en')
      .send(item({ featureIds: [otherFeature] }))
      .expect(400);
    expect(en.body.error.message).toMatch(/not in this community/);
    const after = (await request(app).get(`/api/communities/${community.id}/register`)).body.items
      .length;
    expect(after).toBe(before);
  });
});

describe('the district register', () => {
  it('lists every community with metrics from the domain functions and a totals row', async () => {
    // A proposal with 3 added stalls in 石科院生活区 (no other test plans it): the register
    // reads the latest proposal.
    proposalId = (
      await planner
        .post(`/api/scenarios/${community.baselineId}/proposals`)
        .send({ name: '方案 台账' })
        .expect(201)
    ).body.id;
    const stalls = [0, 1, 2].map((i) => ({
      kind: 'parking_stall',
      category: 'standard',
      geometry: {
        type: 'Polygon',
        coordinates: [
          [
            [116.35 + i * 3e-5, 40.0],
            [116.35 + i * 3e-5 + 2.93e-5, 40.0],
            [116.35 + i * 3e-5 + 2.93e-5, 40.0000477],
            [116.35 + i * 3e-5, 40.0000477],
            [116.35 + i * 3e-5, 40.0],
          ],
        ],
      },
    }));
    await planner
      .post(`/api/scenarios/${proposalId}/features/batch`)
      .send({ create: stalls })
      .expect(200);

    const reg = (await request(app).get(`/api/districts/${districtId}/register`).expect(200)).body;
    expect(reg.communities).toHaveLength(11);
    const row = reg.communities.find((c: { id: number }) => c.id === community.id);
    expect(row).toMatchObject({
      name: '石科院生活区',
      households: community.households,
      buildings: community.buildings,
      proposalId,
      metricsScenarioId: proposalId,
      reviewState: 'draft',
      parkingAdded: 3,
      budgetWan: 180,
      categoryMixWan: { basic: 120, improvement: 60, upgrade: 0 },
    });
    expect(row.budgetPerHouseholdWan).toBeCloseTo(180 / community.households, 3);
    expect(typeof row.violations).toBe('number');
    expect(Array.isArray(row.coverageGaps)).toBe(true);
    const sum = (k: string) =>
      reg.communities.reduce((s: number, c: Record<string, number | null>) => s + (c[k] ?? 0), 0);
    expect(reg.totals.communities).toBe(11);
    expect(reg.totals.buildings).toBe(sum('buildings'));
    expect(reg.totals.parkingAdded).toBe(sum('parkingAdded'));
    expect(reg.totals.floorAreaWanSqM).toBeCloseTo(sum('floorAreaSqM') / 10_000, 1);
    expect(reg.totals.budgetWan).toBeCloseTo(sum('budgetWan'), 2);
    expect(reg.totals.violations).toBe(sum('violations'));

    // The fire-lane count is checkFireLanes on the same scenario the report route checks.
    const fire = (await request(app).get(`/api/scenarios/${proposalId}/fire-lanes`)).body;
    expect(row.violations).toBe(fire.summary.total);
  });

  it('exports CSV for Excel: UTF-8 with BOM, zh-CN headers, a totals row', async () => {
    const res = await request(app)
      .get(`/api/districts/${districtId}/register.csv`)
      .buffer(true)
      .parse((r, cb) => {
        const chunks: Buffer[] = [];
        r.on('data', (c: Buffer) => chunks.push(c));
        r.on('end', () => cb(null, Buffer.concat(chunks)));
      })
      .expect(200);
    expect(res.headers['content-type']).toMatch(/text\/csv; charset=utf-8/);
    expect(res.headers['content-disposition']).toMatch(/attachment; filename="register-/);
    const bytes = res.body as Buffer;
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = bytes.toString('utf8').slice(1).trimEnd().split('\r\n');
    expect(lines).toHaveLength(13);
    expect(lines[0]!.startsWith('小区,建成年代,户数,楼栋数')).toBe(true);
    expect(lines.some((l) => l.startsWith('石科院生活区,'))).toBe(true);
    expect(lines[12]).toMatch(/^"?合计: 11 个小区, \d+ 栋, [\d.]+万 m², [\d.]+万元/);
  });
});
