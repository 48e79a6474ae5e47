import request from 'supertest';
import type { Express } from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loginAs } from '../helpers/login-as';
import { makeTestApp } from '../helpers/test-app';
import { openTestDatabase, type TestDatabase } from '../helpers/test-db';

let t: TestDatabase;
let app: Express;
/** Signed in as the demo planner (assigned to every demo community). */
let agent: ReturnType<typeof request.agent>;
let proposalId: number;
let building: { id: number; lon: number; lat: number };

beforeAll(async () => {
  t = await openTestDatabase();
  app = makeTestApp(t.db).app;
  agent = request.agent(app);
  await loginAs(agent, 'planner');
  const [row] = await t.db.query<{ id: number }>(
    `SELECT s.id FROM scenario s JOIN community c ON c.id = s.community_id
     WHERE s.kind = 'baseline' AND c.name = '静淑苑'`,
  );
  const created = await agent
    .post(`/api/scenarios/${row!.id}/proposals`)
    .send({ name: '打通生命通道' })
    .expect(201);
  proposalId = created.body.id;
  // The proposal's copy of one of its buildings, and a point inside it.
  const [b] = await t.db.query<{ id: number; lon: number; lat: number }>(
    `SELECT id, ST_X(ST_PointOnSurface(geom)) AS lon, ST_Y(ST_PointOnSurface(geom)) AS lat
     FROM feature WHERE scenario_id = $1 AND kind = 'building' ORDER BY id LIMIT 1`,
    [proposalId],
  );
  building = { id: Number(b!.id), lon: Number(b!.lon), lat: Number(b!.lat) };
  // A 4 m fire lane drawn straight through that building (≈ 60 m east–west).
  await agent
    .post(`/api/scenarios/${proposalId}/features`)
    .send({
      kind: 'fire_lane',
      widthM: 4,
      geometry: {
        type: 'LineString',
        coordinates: [
          [building.lon - 0.00035, building.lat],
          [building.lon + 0.00035, building.lat],
        ],
      },
    })
    .expect(201);
});

afterAll(async () => {
  await t?.db.query(`DELETE FROM scenario WHERE id = $1`, [proposalId]);
  await t?.close();
});

describe('fire-lane compliance of a stored scenario', () => {
  it('finds the building the lane runs through, by the same engine the browser uses', async () => {
    const res = await agent.get(`/api/scenarios/${proposalId}/fire-lanes`).expect(200);
    const blocking = res.body.violations.features.filter(
      (v: { properties: { ruleId: string; featureId: unknown } }) =>
        v.properties.ruleId === 'clear-width' && v.properties.featureId === building.id,
    );
    expect(blocking).toHaveLength(1);
    expect(blocking[0].properties.clause).toMatch(/GB 50016/);
    expect(res.body.summary.byRule['clear-width']).toBeGreaterThanOrEqual(1);
  });

  it('prints a report page with each finding, its clause and a mini-map, in zh-CN or English', async () => {
    const zh = await agent.get(`/report/scenarios/${proposalId}/compliance`).expect(200);
    expect(zh.headers['content-type']).toMatch(/text\/html/);
    expect(zh.text).toContain('消防车通道合规报告');
    expect(zh.text).toContain('静淑苑');
    expect(zh.text).toContain(`#${building.id}`);
    expect(zh.text).toMatch(/<svg[^>]*width="220"/);
    expect(zh.text).toContain('© OpenStreetMap contributors');
    const en = await agent.get(`/report/scenarios/${proposalId}/compliance?lang=en`).expect(200);
    expect(en.text).toContain('Fire-lane compliance report');
    await agent.get(`/report/scenarios/999999999/compliance`).expect(404);
  });
});
