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
let baselineId: number;
let proposalId: number;

// A 2.5 × 5.3 m stall near 富润家园 (≈116.35 E, 40.0 N): 1 m ≈ 1.17e-5° lon, 0.9e-5° lat.
const stall = (lon = 116.35, lat = 40.0) => ({
  type: 'Polygon',
  coordinates: [
    [
      [lon, lat],
      [lon + 2.93e-5, lat],
      [lon + 2.93e-5, lat + 4.77e-5],
      [lon, lat + 4.77e-5],
      [lon, lat],
    ],
  ],
});

const count = async (sqlText: string, params: unknown[]) =>
  Number((await t.db.query<{ n: number }>(sqlText, params))[0]?.n);

beforeAll(async () => {
  t = await openTestDatabase();
  app = makeTestApp(t.db).app;
  agent = request.agent(app);
  await loginAs(agent, 'planner');
  const [row] = await t.db.query<{ id: number }>(
    `SELECT s.id FROM scenario s JOIN community c ON c.id = s.community_id
     WHERE s.kind = 'baseline' AND c.name = '富润家园'`,
    [],
  );
  baselineId = Number(row!.id);
  const created = await agent
    .post(`/api/scenarios/${baselineId}/proposals`)
    .send({ name: '方案 edit test' })
    .expect(201);
  proposalId = created.body.id;
});

afterAll(async () => {
  await t?.db.query(`DELETE FROM scenario WHERE id = $1`, [proposalId]);
  await t?.close();
});

describe('feature writes with optimistic versions', () => {
  it('adds a stall to a proposal, updates it, and refuses a stale version without losing the newer one', async () => {
    const add = await agent
      .post(`/api/scenarios/${proposalId}/features`)
      .send({ kind: 'parking_stall', category: 'standard', geometry: stall() })
      .expect(201);
    const f = JSON.parse(add.text);
    expect(f.properties).toMatchObject({
      kind: 'parking_stall',
      version: 1,
      sourceId: null,
      scenarioId: proposalId,
    });

    const v2 = await agent
      .patch(`/api/features/${f.id}`)
      .send({ version: 1, category: 'ev', name: 'A-01' })
      .expect(200);
    expect(JSON.parse(v2.text).properties).toMatchObject({
      version: 2,
      category: 'ev',
      name: 'A-01',
    });

    // A second user still holding version 1 moves the stall: refused, told what changed.
    const stale = await agent
      .patch(`/api/features/${f.id}`)
      .send({ version: 1, geometry: stall(116.351) })
      .expect(409);
    expect(stale.body.error.code).toBe('CONFLICT');
    expect(stale.body.error.message).toMatch(/未保存也未丢失/);
    expect(stale.body.error.details.current.properties).toMatchObject({
      version: 2,
      category: 'ev',
    });
    const [lon] = await t.db.query<{ x: number }>(
      `SELECT ST_XMin(geom) AS x FROM feature WHERE id = $1`,
      [f.id],
    );
    expect(Number(lon!.x)).toBeCloseTo(116.35, 6);

    // Clearing a field with null.
    const v3 = await agent
      .patch(`/api/features/${f.id}`)
      .send({ version: 2, name: null })
      .expect(200);
    expect(JSON.parse(v3.text).properties).toMatchObject({
      version: 3,
      name: null,
      category: 'ev',
    });

    await agent.delete(`/api/features/${f.id}?version=2`).expect(409);
    await agent.delete(`/api/features/${f.id}?version=3`).expect(204);
    await agent.delete(`/api/features/${f.id}?version=3`).expect(404);
  });

  it('rejects a self-intersecting polygon with the reason, saving nothing', async () => {
    const before = await count(`SELECT count(*)::int AS n FROM feature WHERE scenario_id = $1`, [
      proposalId,
    ]);
    const bowtie = {
      type: 'Polygon',
      coordinates: [
        [
          [116.35, 40],
          [116.3501, 40.0001],
          [116.3501, 40],
          [116.35, 40.0001],
          [116.35, 40],
        ],
      ],
    };
    const res = await agent
      .post(`/api/scenarios/${proposalId}/features`)
      .send({ kind: 'parking_area', geometry: bowtie })
      .expect(422);
    expect(res.body.error.code).toBe('INVALID_GEOMETRY');
    expect(res.body.error.message).toMatch(/自相交.*Self-intersection/);
    expect(
      await count(`SELECT count(*)::int AS n FROM feature WHERE scenario_id = $1`, [proposalId]),
    ).toBe(before);
  });

  it.each([
    ['swapped coordinates', { type: 'Point', coordinates: [40.0, 116.35] }, /写反/],
    [
      'an open ring',
      {
        type: 'Polygon',
        coordinates: [
          [
            [116.35, 40],
            [116.351, 40],
            [116.351, 40.001],
            [116.35, 40.001],
          ],
        ],
      },
      /闭合/,
    ],
    ['a one-point line', { type: 'LineString', coordinates: [[116.35, 40]] }, /两个点/],
    ['an unknown type', { type: 'Circle', coordinates: [116.35, 40] }, /请求参数有误/],
  ])('explains %s', async (_name, geometry, message) => {
    const res = await agent
      .post(`/api/scenarios/${proposalId}/features`)
      .send({ kind: 'obstacle', geometry })
      .expect(400);
    expect(res.body.error.code).toBe('VALIDATION');
    expect(res.body.error.message).toMatch(message);
  });

  it('keeps the baseline read-only unless the user explicitly edits it', async () => {
    const [b] = await t.db.query<{ id: number; version: number; name: string | null }>(
      `SELECT id, version, name FROM feature WHERE scenario_id = $1 AND kind = 'building' ORDER BY id LIMIT 1`,
      [baselineId],
    );
    const refused = await agent
      .patch(`/api/features/${b!.id}`)
      .send({ version: b!.version, name: '改名' })
      .expect(403);
    expect(refused.body.error.code).toBe('BASELINE_READ_ONLY');
    await agent
      .post(`/api/scenarios/${baselineId}/features`)
      .send({ kind: 'tree', geometry: { type: 'Point', coordinates: [116.35, 40] } })
      .expect(403);
    const ok = await agent
      .patch(`/api/features/${b!.id}?baseline=edit`)
      .send({ version: b!.version, levels: 7 })
      .expect(200);
    expect(JSON.parse(ok.text).properties.levels).toBe(7);
    await agent.delete(`/api/scenarios/${baselineId}?version=1`).expect(403);
  });

  it('renames a proposal with a version check and deletes it with its features', async () => {
    const created = await agent
      .post(`/api/scenarios/${baselineId}/proposals`)
      .send({ name: '临时方案' })
      .expect(201);
    const id = created.body.id as number;
    expect(created.body.version).toBe(1);
    const renamed = await agent
      .patch(`/api/scenarios/${id}`)
      .send({ version: 1, name: '方案二' })
      .expect(200);
    expect(renamed.body).toMatchObject({ name: '方案二', version: 2 });
    const stale = await agent
      .patch(`/api/scenarios/${id}`)
      .send({ version: 1, name: '方案三' })
      .expect(409);
    expect(stale.body.error.details.current.name).toBe('方案二');
    await agent.delete(`/api/scenarios/${id}?version=1`).expect(409);
    await agent.delete(`/api/scenarios/${id}?version=2`).expect(204);
    expect(await count(`SELECT count(*)::int AS n FROM feature WHERE scenario_id = $1`, [id])).toBe(
      0,
    );
    await agent.get(`/api/scenarios/${id}`).expect(404);
  });

  it('saves a batch all or nothing: a stale version or one bad geometry writes nothing', async () => {
    const stalls = [0, 1, 2].map((i) => ({
      kind: 'parking_stall',
      category: 'standard',
      geometry: stall(116.35 + i * 3e-5),
    }));
    const created = await agent
      .post(`/api/scenarios/${proposalId}/features/batch`)
      .send({ create: stalls })
      .expect(200);
    expect(created.body.created).toHaveLength(3);
    const [a, b, c] = created.body.created as number[];

    const before = await count(`SELECT count(*)::int AS n FROM feature WHERE scenario_id = $1`, [
      proposalId,
    ]);
    // Deleting two stalls while someone else's edit made the third one's version stale.
    await agent.patch(`/api/features/${c}`).send({ version: 1, category: 'ev' }).expect(200);
    const stale = await agent
      .post(`/api/scenarios/${proposalId}/features/batch`)
      .send({
        delete: [
          { id: a, version: 1 },
          { id: b, version: 1 },
        ],
        update: [{ id: c, version: 1, category: 'accessible' }],
      })
      .expect(409);
    expect(stale.body.error.details.conflicts).toEqual([{ id: c, reason: 'stale' }]);
    expect(
      await count(`SELECT count(*)::int AS n FROM feature WHERE scenario_id = $1`, [proposalId]),
    ).toBe(before);

    const bowtie = {
      type: 'Polygon',
      coordinates: [
        [
          [116.35, 40],
          [116.3501, 40.0001],
          [116.3501, 40],
          [116.35, 40.0001],
          [116.35, 40],
        ],
      ],
    };
    const bad = await agent
      .post(`/api/scenarios/${proposalId}/features/batch`)
      .send({ create: [stalls[0], { kind: 'parking_area', geometry: bowtie }] })
      .expect(422);
    expect(bad.body.error.details.problems[0].index).toBe(1);
    expect(bad.body.error.message).toMatch(/第 2 个几何图形无效/);
    expect(
      await count(`SELECT count(*)::int AS n FROM feature WHERE scenario_id = $1`, [proposalId]),
    ).toBe(before);

    // A feature of another scenario cannot be deleted through this one.
    const [other] = await t.db.query<{ id: number }>(
      `SELECT id FROM feature WHERE scenario_id = $1 LIMIT 1`,
      [baselineId],
    );
    const foreign = await agent
      .post(`/api/scenarios/${proposalId}/features/batch`)
      .send({ delete: [{ id: Number(other!.id), version: 1 }] })
      .expect(409);
    expect(foreign.body.error.details.conflicts[0].reason).toBe('other-scenario');

    const done = await agent
      .post(`/api/scenarios/${proposalId}/features/batch`)
      .send({
        delete: [
          { id: a, version: 1 },
          { id: b, version: 1 },
          { id: c, version: 2 },
        ],
      })
      .expect(200);
    expect(done.body.deleted).toEqual([a, b, c]);
    expect(
      await count(`SELECT count(*)::int AS n FROM feature WHERE scenario_id = $1`, [proposalId]),
    ).toBe(before - 3);
  });

  it('restores a deleted copy with its lineage (undo), once, and only from the baseline', async () => {
    const [copy] = await t.db.query<{ id: number; version: number; source_id: number }>(
      `SELECT id, version, source_id FROM feature WHERE scenario_id = $1 AND source_id IS NOT NULL ORDER BY id LIMIT 1`,
      [proposalId],
    );
    const got = JSON.parse((await agent.get(`/api/scenarios/${proposalId}/features`)).text) as {
      features: { id: number; geometry: unknown; properties: { kind: string } }[];
    };
    const original = got.features.find((f) => f.id === Number(copy!.id))!;
    await agent.delete(`/api/features/${copy!.id}?version=${copy!.version}`).expect(204);
    const restored = await agent
      .post(`/api/scenarios/${proposalId}/features`)
      .send({
        kind: original.properties.kind,
        geometry: original.geometry,
        sourceId: Number(copy!.source_id),
      })
      .expect(201);
    expect(JSON.parse(restored.text).properties.sourceId).toBe(Number(copy!.source_id));
    // A second copy of the same baseline feature, or a source outside the baseline, is refused.
    const again = await agent
      .post(`/api/scenarios/${proposalId}/features`)
      .send({
        kind: original.properties.kind,
        geometry: original.geometry,
        sourceId: Number(copy!.source_id),
      })
      .expect(400);
    expect(again.body.error.message).toMatch(/已有副本/);
    await agent
      .post(`/api/scenarios/${proposalId}/features/batch`)
      .send({
        create: [
          {
            kind: 'tree',
            geometry: { type: 'Point', coordinates: [116.35, 40] },
            sourceId: JSON.parse(restored.text).id,
          },
        ],
      })
      .expect(400);
  });
});
