import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RULES } from '../../domain/standards/rules';
import { loginAs } from '../helpers/login-as';
import { withRollback } from '../helpers/rollback-db';
import { makeTestApp } from '../helpers/test-app';
import { openTestDatabase, type TestDatabase } from '../helpers/test-db';

let t: TestDatabase;
beforeAll(async () => {
  t = await openTestDatabase();
});
afterAll(() => t?.close());

/**
 * Issue 12 §2: the demo's surface lots carry no `capacity`, so `existing` is estimated from their
 * area (GB/T 51149-2016, 25 m² a stall) and flagged; a planner's survey count (现状调查) through
 * PUT /api/features/:id/parking-survey replaces the estimate, stored on the baseline feature with
 * who and when (migration 009), audited. All inside one rolled-back transaction.
 */
describe('parking survey counts (现状调查)', () => {
  it('estimates a lot without capacity, and a survey recorded through a proposal replaces it', async () => {
    await withRollback(t.db, async (db) => {
      const { app } = makeTestApp(db);
      // A surface lot without capacity in a community's baseline, with its area in m².
      const [lot] = await db.query<{ id: number; scenario: number; areaSqM: number }>(
        `SELECT f.id, f.scenario_id AS scenario, ST_Area(f.geom::geography) AS "areaSqM"
         FROM feature f JOIN scenario s ON s.district_id = f.district_id AND s.id = f.scenario_id
         WHERE s.kind = 'baseline' AND s.community_id IS NOT NULL AND f.kind = 'parking_area'
           AND f.capacity IS NULL AND coalesce(f.category, 'surface') = 'surface'
           AND ST_Area(f.geom::geography) >= 100
         ORDER BY f.id LIMIT 1`,
      );
      expect(lot).toBeDefined();
      const baselineId = Number(lot!.scenario);
      const lotId = Number(lot!.id);
      const perStall = RULES.parkingExisting.areaPerSurfaceStallSqM.value;

      const planner = request.agent(app);
      await loginAs(planner, 'planner');
      const reviewer = request.agent(app);
      await loginAs(reviewer, 'reviewer');

      const before = await request(app).get(`/api/scenarios/${baselineId}/indicators`).expect(200);
      const p0 = before.body.parking;
      expect(p0.existing).toBeGreaterThan(0);
      expect(p0.existingEstimated).toBeGreaterThan(0);
      const item = (p0.existingItems as { id: number; source: string; stalls: number }[]).find(
        (i) => i.id === lotId,
      );
      // floor(area / 25), the area measured by PostGIS on the spheroid (within 0.5 %).
      expect(item?.source).toBe('area_estimate');
      expect(Math.abs(item!.stalls - lot!.areaSqM / perStall)).toBeLessThan(
        1 + (0.005 * lot!.areaSqM) / perStall,
      );

      // A proposal; the survey is recorded through the lot's copy there.
      const prop = await planner
        .post(`/api/scenarios/${baselineId}/proposals`)
        .send({ name: '调查' })
        .expect(201);
      const proposalId = Number(prop.body.id);
      const [copy] = await db.query<{ id: number }>(
        'SELECT id FROM feature WHERE scenario_id = $1 AND source_id = $2',
        [proposalId, lotId],
      );
      const copyId = Number(copy!.id);
      const surveyed = item!.stalls + 7;
      const put = await planner
        .put(`/api/features/${copyId}/parking-survey`)
        .send({ count: surveyed, note: '夜间清点' })
        .expect(200);
      const survey = JSON.parse(put.text).properties.parkingSurvey;
      expect(survey).toMatchObject({ count: surveyed, note: '夜间清点' });
      expect(survey.by).toBeTruthy();
      expect(Number.isNaN(Date.parse(survey.at))).toBe(false);
      // Stored once, on the baseline lot (the survey describes today).
      const rows = await db.query<{ feature_id: number; user_id: number | null }>(
        'SELECT feature_id, user_id FROM parking_survey',
      );
      expect(rows.map((r) => Number(r.feature_id))).toEqual([lotId]);
      expect(rows[0]!.user_id).not.toBeNull();

      // Baseline and proposal both count the survey; nothing added or removed by it.
      for (const id of [baselineId, proposalId]) {
        const ind = await request(app).get(`/api/scenarios/${id}/indicators`).expect(200);
        const p = ind.body.parking;
        expect(p.existing).toBe(p0.existing + 7);
        expect(p.existingBySource.survey).toBe(surveyed);
        expect(p.existingEstimated).toBe(p0.existingEstimated - item!.stalls);
        expect(p).toMatchObject({ removed: 0, added: 0, net: 0 });
      }
      const audit = await db.query<{ summary: string }>(
        `SELECT summary::text FROM audit_log
         WHERE route = '/api/features/:id/parking-survey' AND status = 200
           AND at >= now()`,
      );
      // (now() is this transaction's start: rows of other tests on a shared database, such as
      // the parking-existing e2e's, are older.)
      expect(audit).toHaveLength(1);
      expect(audit[0]!.summary).toContain(String(surveyed));

      // Refusals: a reviewer, a bad count, a building.
      await reviewer.put(`/api/features/${lotId}/parking-survey`).send({ count: 3 }).expect(403);
      const bad = await planner.put(`/api/features/${lotId}/parking-survey`).send({ count: -1 });
      expect(bad.status).toBe(400);
      expect(bad.body.error.message).toContain('整数');
      const [building] = await db.query<{ id: number }>(
        "SELECT id FROM feature WHERE scenario_id = $1 AND kind = 'building' LIMIT 1",
        [baselineId],
      );
      const wrong = await planner
        .put(`/api/features/${building!.id}/parking-survey`)
        .send({ count: 3 });
      expect(wrong.status).toBe(400);
      await planner.put('/api/features/999999999/parking-survey').send({ count: 3 }).expect(404);
    });
  });
});
