import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loginAs } from '../helpers/login-as';
import { withRollback } from '../helpers/rollback-db';
import { makeTestApp } from '../helpers/test-app';
import { openTestDatabase, type TestDatabase } from '../helpers/test-db';

let t: TestDatabase;
beforeAll(async () => {
  t = await openTestDatabase();
});
afterAll(() => t?.close());

/** A square of `sideDeg` degrees with its south-west corner at [lon, lat]. */
const square = (lon: number, lat: number, sideDeg: number) => ({
  type: 'Polygon' as const,
  coordinates: [
    [
      [lon, lat],
      [lon + sideDeg, lat],
      [lon + sideDeg, lat + sideDeg],
      [lon, lat + sideDeg],
      [lon, lat],
    ],
  ],
});

interface Edit {
  type: 'edit';
  text: string;
  sentence: { zh: string; en: string };
  link: { type: string; id: number } | null;
}

/**
 * GET /api/scenarios/:id/history reads as sentences (issue #17): a lot saved with its stalls is
 * "规划师 planner 在 方案 N「…」 新增 3 个车位（停车场）" linking to the lot, a deleted stall
 * names its kind, and the language follows Accept-Language. Inside a rolled-back transaction.
 */
describe('history: every edit as a sentence with a link', () => {
  it('describes a lot with its stalls, a deleted stall, in zh-CN and en', async () => {
    await withRollback(t.db, async (db) => {
      const { app } = makeTestApp(db);
      const [c] = await db.query<{ baseline: number; lon: number; lat: number }>(
        `SELECT s.id AS baseline, ST_X(ST_PointOnSurface(c.geom)) AS lon,
                ST_Y(ST_PointOnSurface(c.geom)) AS lat
         FROM community c JOIN scenario s ON s.community_id = c.id AND s.kind = 'baseline'
         WHERE c.name = '双泉嘉苑'`,
      );
      const planner = request.agent(app);
      await loginAs(planner, 'planner');
      const proposal = (
        await planner
          .post(`/api/scenarios/${c!.baseline}/proposals`)
          .send({ name: '停车改造' })
          .expect(201)
      ).body.id as number;
      const lon = Number(c!.lon);
      const lat = Number(c!.lat);
      const batch = await planner
        .post(`/api/scenarios/${proposal}/features/batch`)
        .send({
          create: [
            ...[0, 1, 2].map((i) => ({
              kind: 'parking_stall',
              geometry: square(lon + i * 0.00003, lat, 0.00002),
              category: 'standard',
            })),
            {
              kind: 'parking_area',
              geometry: square(lon, lat, 0.0001),
              name: '停车场',
              capacity: 3,
            },
          ],
        })
        .expect(200);
      const [s1, , , lot] = batch.body.created as number[];
      const stall = JSON.parse(
        (await request(app).get(`/api/scenarios/${proposal}/features`).expect(200)).text,
      ).features.find((f: { properties: { id: number } }) => f.properties.id === s1);
      await planner.delete(`/api/features/${s1}?version=${stall.properties.version}`).expect(204);

      const zh = await request(app).get(`/api/scenarios/${proposal}/history`).expect(200);
      const edits = (zh.body.entries as { type: string }[]).filter(
        (e): e is Edit => e.type === 'edit',
      );
      expect(edits.map((e) => e.text)).toEqual([
        `规划师 planner 在 方案 ${proposal}「停车改造」 新增 3 个车位（停车场）`,
        `规划师 planner 在 方案 ${proposal}「停车改造」 删除 车位 #${s1}`,
      ]);
      expect(edits[0]!.link).toEqual({ type: 'feature', id: lot });
      expect(edits[1]!.link).toEqual({ type: 'scenario', id: proposal });
      expect(edits[0]!.sentence.en).toBe(
        `planner added 3 parking stalls (lot) to proposal ${proposal} "停车改造"`,
      );

      const en = await request(app)
        .get(`/api/scenarios/${proposal}/history`)
        .set('Accept-Language', 'en')
        .expect(200);
      const enEdits = (en.body.entries as Edit[]).filter((e) => e.type === 'edit');
      expect(enEdits[1]!.text).toBe(
        `planner removed parking stall #${s1} from proposal ${proposal} "停车改造"`,
      );
    });
  });
});
