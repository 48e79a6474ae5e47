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

/**
 * A community's stage is "not set" (null, 未设定) until someone sets it (issue #17, migration
 * 004): the demo import leaves every community unset; a planner sets one with
 * PUT /api/communities/:id/stage, which the district register and its CSV show; null unsets it.
 * All inside one transaction that is rolled back, so other files never see a set stage.
 */
describe('community stage: not set until someone sets it', () => {
  it('starts unset, is set and unset by a planner, never by a reviewer', async () => {
    await withRollback(t.db, async (db) => {
      const { app } = makeTestApp(db);
      const [c] = await db.query<{ id: number; district: number }>(
        "SELECT id, district_id AS district FROM community WHERE name = '双泉嘉苑'",
      );
      const id = Number(c!.id);
      const district = Number(c!.district);
      const stages = await db.query<{ stage: string | null }>(
        'SELECT stage FROM community WHERE district_id = $1',
        [district],
      );
      expect(stages).toHaveLength(11);
      expect(stages.every((s) => s.stage === null)).toBe(true);
      // The column has no default any more: a new community is unset too.
      const [def] = await db.query<{ d: string | null }>(
        `SELECT column_default AS d FROM information_schema.columns
         WHERE table_name = 'community' AND column_name = 'stage'`,
      );
      expect(def?.d ?? null).toBeNull();

      const planner = request.agent(app);
      await loginAs(planner, 'planner');
      const reviewer = request.agent(app);
      await loginAs(reviewer, 'reviewer');

      const set = await planner.put(`/api/communities/${id}/stage`).send({ stage: 'construction' });
      expect(set.status).toBe(200);
      expect(set.body).toEqual({ id, stage: 'construction' });
      const one = await request(app).get(`/api/communities/${id}`).expect(200);
      expect(JSON.parse(one.text).properties.stage).toBe('construction');

      const register = await request(app).get(`/api/districts/${district}/register`).expect(200);
      const rows = register.body.communities as { id: number; stage: string | null }[];
      expect(rows.filter((r) => r.stage === 'construction').map((r) => r.id)).toEqual([id]);
      expect(rows.filter((r) => r.stage === null)).toHaveLength(10);
      const csv = await request(app).get(`/api/districts/${district}/register.csv`).expect(200);
      const lines = csv.text.split(/\r?\n/);
      expect(lines.filter((l) => l.includes(',施工,'))).toHaveLength(1);
      expect(lines.filter((l) => l.includes(',未设定,'))).toHaveLength(10);

      const bad = await planner.put(`/api/communities/${id}/stage`).send({ stage: 'done' });
      expect(bad.status).toBe(400);
      expect(bad.body.error.code).toBe('VALIDATION');
      expect(bad.body.error.message).toContain('未设定');
      const refused = await reviewer.put(`/api/communities/${id}/stage`).send({ stage: null });
      expect(refused.status).toBe(403);
      const missing = await planner.put('/api/communities/999999999/stage').send({ stage: null });
      expect(missing.status).toBe(404);

      const unset = await planner.put(`/api/communities/${id}/stage`).send({ stage: null });
      expect(unset.body).toEqual({ id, stage: null });
      const audit = await db.query<{ summary: string }>(
        `SELECT summary::text FROM audit_log
         WHERE route = '/api/communities/:id/stage' AND status = 200 AND entity_id = $1
         ORDER BY id`,
        [id],
      );
      const after = audit.map((a) => JSON.parse(a.summary).after as Record<string, unknown>);
      expect(after.map(({ fromStage, toStage }) => ({ fromStage, toStage }))).toEqual([
        { fromStage: null, toStage: 'construction' },
        { fromStage: 'construction', toStage: null },
      ]);
    });
  });
});
