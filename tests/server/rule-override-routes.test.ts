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

const LOCAL = '某市地方标准 DB/T 0000-2024 §5.1 "消防车道净宽不应小于4.5m"';

interface Violation {
  properties: { ruleId: string; measured?: number; required?: number };
}
const narrow = (body: { violations: { features: Violation[] } }) =>
  body.violations.features.filter(
    (v) => v.properties.ruleId === 'clear-width' && v.properties.measured === 4.2,
  );

/**
 * Issue 12 §1: a district's local rules (本项目地方标准) through PUT
 * /api/districts/:id/rule-overrides (migration 014) reach every server engine run: a 4.2 m
 * lane passes the table's 4.0 m and fails a local 4.5 m, in the fire-lane check, the scenario
 * indicators, the compliance report and the sheet, which print the override and its source.
 * All inside one rolled-back transaction.
 */
describe('project-level rule overrides', () => {
  it('a local 4.5 m minimum width turns a 4.2 m lane into a violation everywhere', async () => {
    await withRollback(t.db, async (db) => {
      const { app } = makeTestApp(db);
      const [row] = await db.query<{ id: number; district: number; community: number }>(
        `SELECT s.id, s.district_id AS district, s.community_id AS community FROM scenario s
         WHERE s.kind = 'baseline' AND s.community_id IS NOT NULL ORDER BY s.id LIMIT 1`,
      );
      const districtId = Number(row!.district);
      const planner = request.agent(app);
      await loginAs(planner, 'planner');
      const presenter = request.agent(app);
      await loginAs(presenter, 'presenter');

      const prop = await planner
        .post(`/api/scenarios/${row!.id}/proposals`)
        .send({ name: '地方标准' })
        .expect(201);
      const proposalId = Number(prop.body.id);
      const [c] = await db.query<{ lon: number; lat: number }>(
        `SELECT ST_X(ST_Centroid(geom)) AS lon, ST_Y(ST_Centroid(geom)) AS lat
         FROM community WHERE id = $1`,
        [row!.community],
      );
      // A 4.2 m fire lane, ≈ 60 m east–west through the community's centre.
      await planner
        .post(`/api/scenarios/${proposalId}/features`)
        .send({
          kind: 'fire_lane',
          widthM: 4.2,
          geometry: {
            type: 'LineString',
            coordinates: [
              [Number(c!.lon) - 0.00035, Number(c!.lat)],
              [Number(c!.lon) + 0.00035, Number(c!.lat)],
            ],
          },
        })
        .expect(201);

      // The plain table: 4.2 m ≥ 4.0 m passes.
      const empty = await request(app)
        .get(`/api/districts/${districtId}/rule-overrides`)
        .expect(200);
      expect(empty.body).toEqual({ districtId, context: 'new-build', overrides: [] });
      const lanes0 = await planner.get(`/api/scenarios/${proposalId}/fire-lanes`).expect(200);
      expect(narrow(lanes0.body)).toHaveLength(0);
      const ind0 = await planner.get(`/api/scenarios/${proposalId}/indicators`).expect(200);

      // Only planners and admins write; the value and the key are checked.
      const body = {
        context: 'renovation',
        overrides: { 'fireLane.minClearWidthM': { value: 4.5, source: LOCAL } },
      };
      await presenter.put(`/api/districts/${districtId}/rule-overrides`).send(body).expect(403);
      await request(app).put(`/api/districts/${districtId}/rule-overrides`).send(body).expect(401);
      const tooWide = await planner
        .put(`/api/districts/${districtId}/rule-overrides`)
        .set('Accept-Language', 'en')
        .send({ overrides: { 'fireLane.minClearWidthM': { value: 45, source: LOCAL } } })
        .expect(400);
      expect(tooWide.body.error.code).toBe('VALIDATION');
      await planner
        .put(`/api/districts/${districtId}/rule-overrides`)
        .send({ overrides: { 'fireLane.noSuchRule': { value: 1, source: LOCAL } } })
        .expect(400);
      await planner.put(`/api/districts/999999999/rule-overrides`).send(body).expect(404);

      const put = await planner
        .put(`/api/districts/${districtId}/rule-overrides`)
        .send(body)
        .expect(200);
      expect(put.body.context).toBe('renovation');
      expect(put.body.overrides).toHaveLength(1);
      expect(put.body.overrides[0]).toMatchObject({
        key: 'fireLane.minClearWidthM',
        value: 4.5,
        source: LOCAL,
        defaultValue: RULES.fireLane.minClearWidthM.value,
        defaultSource: RULES.fireLane.minClearWidthM.source,
      });
      expect(put.body.overrides[0].by).toBeTruthy();
      expect(Number.isNaN(Date.parse(put.body.overrides[0].at))).toBe(false);
      const read = await presenter.get(`/api/districts/${districtId}/rule-overrides`).expect(200);
      expect(read.body).toEqual(put.body);
      const [audit] = await db.query<{ entity: string; entity_id: number }>(
        `SELECT entity, entity_id FROM audit_log WHERE route LIKE '%rule-overrides' AND status = 200 ORDER BY id DESC LIMIT 1`,
      );
      expect(audit).toMatchObject({ entity: 'district' });
      expect(Number(audit!.entity_id)).toBe(districtId);

      // Every engine run on the server now reads 4.5 m.
      const lanes1 = await planner.get(`/api/scenarios/${proposalId}/fire-lanes`).expect(200);
      const found = narrow(lanes1.body);
      expect(found).toHaveLength(1);
      expect(found[0]!.properties.required).toBe(4.5);
      const ind1 = await planner.get(`/api/scenarios/${proposalId}/indicators`).expect(200);
      expect(ind1.body.fireLanes.proposal.errors).toBeGreaterThanOrEqual(
        ind0.body.fireLanes.proposal.errors + 1,
      );
      expect(ind1.body.rules).toEqual({
        context: 'renovation',
        overrides: put.body.overrides.map(({ by: _b, at: _a, ...l }: Record<string, unknown>) => l),
      });
      const report = await planner.get(`/report/scenarios/${proposalId}/compliance`).expect(200);
      expect(report.text).toContain('本项目地方标准');
      expect(report.text).toContain('fireLane.minClearWidthM</code> = 4.5 (默认 4)');
      expect(report.text).toContain('DB/T 0000-2024 §5.1');
      expect(report.text).toContain('项目类型: 既有建筑改造');
      const sheet = await planner
        .get(`/report/communities/${row!.community}/sheet?scenario=${proposalId}`)
        .expect(200);
      expect(sheet.text).toContain('本项目地方标准');
      expect(sheet.text).toContain('DB/T 0000-2024 §5.1');

      // An empty set restores the table.
      await planner
        .put(`/api/districts/${districtId}/rule-overrides`)
        .send({ overrides: {} })
        .expect(200);
      const lanes2 = await planner.get(`/api/scenarios/${proposalId}/fire-lanes`).expect(200);
      expect(narrow(lanes2.body)).toHaveLength(0);
    });
  });
});
