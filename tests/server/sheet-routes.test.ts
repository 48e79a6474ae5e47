import request from 'supertest';
import type { Express } from 'express';
import { extractText, getDocumentProxy } from 'unpdf';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderCommunitySheet } from '../../server/presentation/render-community-sheet';
import type { ScenarioIndicators } from '../../server/presentation/scenario-indicators';

/** GET /api/scenarios/:id/indicators: the indicators with the diff's summary as `changes`. */
type IndicatorsBody = Omit<ScenarioIndicators, 'diff'> & {
  changes: ScenarioIndicators['diff']['summary'];
};
import { loginAs } from '../helpers/login-as';
import { makeTestApp } from '../helpers/test-app';
import { openTestDatabase, type TestDatabase } from '../helpers/test-db';

let t: TestDatabase;
let app: Express;
let communityId: number;
let districtId: number;
let proposalId: number;
let communities: number;

// Noto CJK maps some hanzi and the radical of the same shape to one glyph, and Chromium's PDF
// names the glyph by the radical (⽅ for 方, ⻋ for 车): NFKC folds the Kangxi radicals back;
// the supplement radicals have no decomposition, so the ones the sheet uses are listed.
const RADICALS: Record<string, string> = {
  '⼾': '户',
  '⻚': '页',
  '⻋': '车',
  '⻓': '长',
  '⻔': '门',
};
const fold = (s: string): string =>
  s
    .replace(/[\u2e80-\u2fdf]/g, (c) => RADICALS[c] ?? c)
    .normalize('NFKC')
    .replace(/\s+/g, '');

/** The only writes of this file (a role check will guard them). */
/** The demo planner's session: every write of this file goes through it. */
let planner: ReturnType<typeof request.agent>;
const writes = {
  proposal: (baseline: number, name: string) =>
    planner.post(`/api/scenarios/${baseline}/proposals`).send({ name }),
  stall: (scenario: number, coordinates: number[][][]) =>
    planner.post(`/api/scenarios/${scenario}/features`).send({
      kind: 'parking_stall',
      category: 'standard',
      geometry: { type: 'Polygon', coordinates },
    }),
};

const binary = (req: request.Test) =>
  req.buffer(true).parse((res, cb) => {
    const chunks: Buffer[] = [];
    res.on('data', (c: Buffer) => chunks.push(c));
    res.on('end', () => cb(null, Buffer.concat(chunks)));
  });

const pdfText = async (bytes: Buffer): Promise<{ pages: number; text: string[] }> => {
  const pdf = await getDocumentProxy(new Uint8Array(bytes));
  const { totalPages, text } = await extractText(pdf, { mergePages: false });
  return { pages: totalPages, text: text.map(fold) };
};

beforeAll(async () => {
  t = await openTestDatabase();
  app = makeTestApp(t.db).app;
  planner = request.agent(app);
  await loginAs(planner, 'planner');
  const [row] = await t.db.query<{ id: number; cid: number; did: number }>(
    `SELECT s.id, c.id AS cid, c.district_id AS did FROM scenario s
     JOIN community c ON c.id = s.community_id
     WHERE s.kind = 'baseline' AND c.name = '静淑苑'`,
  );
  communityId = Number(row!.cid);
  districtId = Number(row!.did);
  proposalId = (await writes.proposal(Number(row!.id), '一页纸方案').expect(201)).body.id;
  const [spot] = await t.db.query<{ lon: number; lat: number }>(
    'SELECT ST_X(ST_PointOnSurface(geom)) AS lon, ST_Y(ST_PointOnSurface(geom)) AS lat FROM community WHERE id = $1',
    [communityId],
  );
  const [x, y] = [Number(spot!.lon), Number(spot!.lat)];
  const [dx, dy] = [2.5 / 85_000, 5.3 / 111_000];
  for (const k of [0, 1]) {
    const x0 = x + k * dx;
    await writes
      .stall(proposalId, [
        [
          [x0, y],
          [x0 + dx, y],
          [x0 + dx, y + dy],
          [x0, y + dy],
          [x0, y],
        ],
      ])
      .expect(201);
  }
  const [{ n }] = (await t.db.query<{ n: number }>(
    'SELECT count(*)::int AS n FROM community WHERE district_id = $1',
    [districtId],
  )) as [{ n: number }];
  communities = n;
});

afterAll(async () => {
  await t?.db.query('DELETE FROM scenario WHERE id = $1', [proposalId]);
  await t?.close();
});

describe('one-page sheet per community', () => {
  it('HTML: before and after maps, ledger with the two new stalls, compliance, coverage, phase', async () => {
    const res = await request(app)
      .get(`/report/communities/${communityId}/sheet?scenario=${proposalId}`)
      .expect(200);
    expect(res.headers['content-type']).toMatch(/html/);
    expect(res.text).toContain('静淑苑');
    expect(res.text).toContain('一页纸方案');
    expect(res.text.match(/<svg /g)).toHaveLength(2);
    expect(res.text).toMatch(/<td>\+2<\/td><td class="net">\+2<\/td>/);
    expect(res.text).toContain('15分钟生活圈覆盖率');
    expect(res.text).toContain('宣传发动');
    // Nothing fetched: no external stylesheet, script or image.
    expect(res.text).not.toMatch(/<(link|script|img)\b[^>]*(href|src)=/);
    const en = await request(app)
      .get(`/report/communities/${communityId}/sheet?scenario=${proposalId}&lang=en`)
      .expect(200);
    expect(en.text).toContain('Parking ledger');
  });

  it('PDF: one A4 page printed by headless Chromium, with the text of the sheet', async () => {
    const res = await binary(
      request(app).get(`/api/communities/${communityId}/sheet.pdf?scenario=${proposalId}`),
    ).expect(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    const bytes = res.body as Buffer;
    expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
    const { pages, text } = await pdfText(bytes);
    expect(pages).toBe(1);
    expect(text[0]).toContain('静淑苑');
    expect(text[0]).toContain('停车账');
    expect(text[0]).toContain('一页纸方案');
  }, 60_000);

  it('a data-edge community prints 数据边缘 and its shares as lower bounds, not gaps (issue 12 §3)', async () => {
    // 静淑苑 reaches past the extract's west edge (116.34403 E): its 1 km buffer leaves the data.
    const ind = (await planner.get(`/api/scenarios/${proposalId}/indicators`).expect(200))
      .body as IndicatorsBody;
    expect(ind.coverage.baseline.dataEdge).toBe(true);
    expect(ind.coverage.proposal.dataEdge).toBe(true);
    const zh = await request(app)
      .get(`/report/communities/${communityId}/sheet?scenario=${proposalId}`)
      .expect(200);
    expect(zh.text).toContain('⚠ 数据边缘');
    expect(zh.text).toContain('覆盖率不完整');
    // Every share under 100 % is printed as a lower bound: no bare "0%" reads as a gap.
    const values = [...zh.text.matchAll(/<span class="v">([^<]*)<\/span>/g)].map((m) => m[1]!);
    expect(values.length).toBeGreaterThan(0);
    for (const v of values) {
      for (const side of v.split(' → ')) expect(side).toMatch(/^(≥\d+%|100%|–)$/);
    }
    expect(values.some((v) => v.includes('≥0%'))).toBe(true);
    expect(zh.text.match(/class="bar incomplete"/g)).toHaveLength(values.length);
    const en = await request(app)
      .get(`/report/communities/${communityId}/sheet?scenario=${proposalId}&lang=en`)
      .expect(200);
    expect(en.text).toContain('⚠ data edge');
    // The same sheet without the flag: plain shares, no mark.
    const { changes, ...rest } = ind;
    const inside: ScenarioIndicators = {
      ...rest,
      diff: { type: 'FeatureCollection', features: [], summary: changes },
      coverage: {
        baseline: { ...ind.coverage.baseline, dataEdge: false },
        proposal: { ...ind.coverage.proposal, dataEdge: false },
      },
    };
    const empty = { type: 'FeatureCollection' as const, features: [] };
    const plain = renderCommunitySheet(
      {
        community: {
          name: '静淑苑',
          builtYear: null,
          households: null,
          buildingCount: null,
          floorAreaSqM: null,
          stage: null,
          budgetWan: null,
        },
        districtName: '海淀',
        outline: null,
        indicators: inside,
        before: empty,
        after: empty,
      },
      'zh',
    );
    expect(plain).not.toContain('数据边缘');
    expect(plain).not.toContain('≥');
    expect(plain).toMatch(/<span class="v">0% → 0%<\/span>/);
  });

  it('a facility added outside the community (across its east road) is kept in the proposal and raises its shares (issue 12 §3)', async () => {
    // On 学清路's service side, ≈ 60 m east of 静淑苑's boundary, inside no community.
    const at = [116.346, 40.005];
    const [where] = await t.db.query<{ inside: boolean; anywhere: boolean }>(
      `SELECT ST_Intersects(geom, ST_SetSRID(ST_MakePoint($2, $3), 4326)) AS inside,
              EXISTS (SELECT 1 FROM community o WHERE o.district_id = c.district_id
                      AND ST_Intersects(o.geom, ST_SetSRID(ST_MakePoint($2, $3), 4326))) AS anywhere
       FROM community c WHERE id = $1`,
      [communityId, at[0], at[1]],
    );
    expect(where).toEqual({ inside: false, anywhere: false });
    const [base] = await t.db.query<{ id: number }>(
      `SELECT id FROM scenario WHERE kind = 'baseline' AND community_id = $1`,
      [communityId],
    );
    const outside = (await writes.proposal(Number(base!.id), '街对面的养老驿站').expect(201)).body
      .id as number;
    try {
      const before = (await planner.get(`/api/scenarios/${outside}/indicators`).expect(200))
        .body as IndicatorsBody;
      expect(before.coverage.proposal.byCategory['elderly_care']).toBe(0);
      const created = await planner
        .post(`/api/scenarios/${outside}/features`)
        .send({
          kind: 'facility',
          category: 'elderly_care',
          name: '养老驿站',
          geometry: { type: 'Point', coordinates: at },
        })
        .expect(201);
      expect(Number(JSON.parse(created.text).properties.scenarioId)).toBe(outside);
      const stored = await planner
        .get(`/api/scenarios/${outside}/features?kind=facility`)
        .expect(200);
      expect(
        stored.body.features.filter(
          (f: { properties: { category: string } }) => f.properties.category === 'elderly_care',
        ),
      ).toHaveLength(1);
      const after = (await planner.get(`/api/scenarios/${outside}/indicators`).expect(200))
        .body as IndicatorsBody;
      // The baseline side is unchanged; the proposal's buildings now reach the station.
      expect(after.coverage.baseline.byCategory['elderly_care']).toBe(0);
      expect(after.coverage.proposal.byCategory['elderly_care']).toBeGreaterThan(0);
      expect(after.coverage.proposal.households).toBe(before.coverage.proposal.households);
      expect(after.changes.added).toBe(1);
      const sheet = await request(app)
        .get(`/report/communities/${communityId}/sheet?scenario=${outside}`)
        .expect(200);
      const share = Math.round(after.coverage.proposal.byCategory['elderly_care']! * 100);
      expect(sheet.text).toContain(`≥0% → ≥${share}%`);
    } finally {
      await t.db.query('DELETE FROM scenario WHERE id = $1', [outside]);
    }
  });

  it('a scenario of another community or an unknown community is refused clearly', async () => {
    const [other] = await t.db.query<{ id: number }>(
      `SELECT id FROM scenario WHERE kind = 'baseline' AND community_id <> $1 LIMIT 1`,
      [communityId],
    );
    const r = await request(app)
      .get(`/report/communities/${communityId}/sheet?scenario=${other!.id}`)
      .expect(400);
    expect(r.body.error.message).toContain(String(other!.id));
    await request(app).get('/api/communities/999999999/sheet.pdf').expect(404);
  });
});

describe('atlas of a district', () => {
  it('PDF: one page per community', async () => {
    const res = await binary(request(app).get(`/api/districts/${districtId}/atlas.pdf`)).expect(
      200,
    );
    const { pages, text } = await pdfText(res.body as Buffer);
    expect(pages).toBe(communities);
    expect(text.filter((p) => p.includes('停车账'))).toHaveLength(communities);
    expect(text.some((p) => p.includes('静淑苑'))).toBe(true);
    await request(app).get('/api/districts/999999999/atlas.pdf').expect(404);
  }, 120_000);
});
