import { resolve } from 'node:path';
import request from 'supertest';
import type { Express } from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importOsmFile } from '../../server/import/import-osm-file';
import { loginAs } from '../helpers/login-as';
import { makeTestApp } from '../helpers/test-app';
import { openTestDatabase, type TestDatabase } from '../helpers/test-db';

// The district register as a cached lookup that is never stale (issue 13 item 2, migration 020).
// A district of its own (data/beijing-bupt.osm, 3 communities), so that on a shared server
// database no other test file's edit changes its stamp between two reads.

type Agent = ReturnType<typeof request.agent>;

let t: TestDatabase;
let app: Express;
let admin: Agent;
let districtId: number;
let community: { id: number; baselineId: number };

const register = async () => {
  const res = await request(app).get(`/api/districts/${districtId}/register`).expect(200);
  return {
    cache: res.headers['x-register-cache'],
    body: res.body as {
      communities: {
        id: number;
        parkingAdded: number;
        budgetWan: number | null;
        stage: string | null;
        violations: number;
      }[];
      totals: { parkingAdded: number };
    },
    text: res.text,
  };
};
const row = (b: Awaited<ReturnType<typeof register>>['body']) =>
  b.communities.find((c) => c.id === community.id)!;
const changes = async () =>
  Number(
    (
      await t.db.query<{ n: number }>(
        'SELECT count(*)::int AS n FROM district_change WHERE district_id = $1',
        [districtId],
      )
    )[0]?.n,
  );

const stall = (i: number) => ({
  kind: 'parking_stall',
  category: 'standard',
  geometry: {
    type: 'Polygon',
    coordinates: [
      [
        [116.35 + i * 3e-5, 39.96],
        [116.35 + i * 3e-5 + 2.93e-5, 39.96],
        [116.35 + i * 3e-5 + 2.93e-5, 39.9600477],
        [116.35 + i * 3e-5, 39.9600477],
        [116.35 + i * 3e-5, 39.96],
      ],
    ],
  },
});

beforeAll(async () => {
  t = await openTestDatabase();
  app = makeTestApp(t.db).app;
  admin = request.agent(app);
  await loginAs(admin, 'admin');
  const r = await importOsmFile(t.db, resolve(import.meta.dirname, '../../data/beijing-bupt.osm'), {
    name: '台账缓存测试',
  });
  districtId = r.districtId;
  const [c] = await t.db.query<{ id: number; baseline: number }>(
    `SELECT c.id, s.id AS baseline FROM community c
     JOIN scenario s ON s.community_id = c.id AND s.kind = 'baseline'
     WHERE c.district_id = $1 ORDER BY c.id LIMIT 1`,
    [districtId],
  );
  community = { id: Number(c!.id), baselineId: Number(c!.baseline) };
});

afterAll(async () => {
  if (districtId) await t?.db.query('DELETE FROM district WHERE id = $1', [districtId]);
  await t?.close();
});

describe('the district register cache', () => {
  it('computes once, then answers from register_cache with the same body', async () => {
    const first = await register();
    expect(first.cache).toBe('miss');
    expect(first.body.communities).toHaveLength(3);
    const second = await register();
    expect(second.cache).toBe('hit');
    expect(second.text).toBe(first.text);
    // Another asOf date is another entry (fund release depends on the date), kept beside it.
    const other = await request(app)
      .get(`/api/districts/${districtId}/register?asOf=2020-01-01`)
      .expect(200);
    expect(other.headers['x-register-cache']).toBe('miss');
    expect((await register()).cache).toBe('hit');
  });

  it('shows every kind of edit on the next read: a proposal, stalls, a register item, the stage, a local rule', async () => {
    const before = await register();
    expect(before.cache).toBe('hit');
    expect(row(before.body).parkingAdded).toBe(0);

    // A proposal with 3 stalls: one batch write.
    const proposalId = (
      await admin
        .post(`/api/scenarios/${community.baselineId}/proposals`)
        .send({ name: '方案 缓存' })
        .expect(201)
    ).body.id as number;
    expect((await register()).cache).toBe('miss');
    expect((await register()).cache).toBe('hit');
    await admin
      .post(`/api/scenarios/${proposalId}/features/batch`)
      .send({ create: [0, 1, 2].map(stall) })
      .expect(200);
    const planned = await register();
    expect(planned.cache).toBe('miss');
    expect(row(planned.body).parkingAdded).toBe(3);
    expect(planned.body.totals.parkingAdded).toBe(3);

    // One stall deleted: 2.
    const [s] = await t.db.query<{ id: number; version: number }>(
      `SELECT id, version FROM feature WHERE scenario_id = $1 AND kind = 'parking_stall'
       ORDER BY id LIMIT 1`,
      [proposalId],
    );
    await admin.delete(`/api/features/${s!.id}?version=${s!.version}`).expect(204);
    const deleted = await register();
    expect(deleted.cache).toBe('miss');
    expect(row(deleted.body).parkingAdded).toBe(2);

    // A register item with a budget.
    await admin
      .post(`/api/communities/${community.id}/register/items`)
      .send({ name: '雨污分流', category: 'basic', quantity: 1, unit: '项', budgetWan: 88 })
      .expect(201);
    const budget = await register();
    expect(budget.cache).toBe('miss');
    expect(row(budget.body).budgetWan).toBe(88);

    // The stage.
    await admin
      .put(`/api/communities/${community.id}/stage`)
      .send({ stage: 'planning' })
      .expect(200);
    const staged = await register();
    expect(staged.cache).toBe('miss');
    expect(row(staged.body).stage).toBe('planning');

    // A local rule (本项目地方标准): the engines run with it, so the register is recomputed.
    const overridden = await admin.put(`/api/districts/${districtId}/rule-overrides`).send({
      overrides: { 'fireLane.minClearWidthM': { value: 6, source: '本市地方标准 (测试)' } },
    });
    expect(overridden.status).toBe(200);
    const strict = await register();
    expect(strict.cache).toBe('miss');
    expect((await register()).cache).toBe('hit');
  });

  it('logs one change per write transaction, not one per row', async () => {
    const n0 = await changes();
    // 200 rows in one statement (one transaction): one log row.
    await t.db.query(
      `INSERT INTO feature (district_id, scenario_id, kind, geom)
       SELECT $1, $2, 'tree', ST_SetSRID(ST_MakePoint(116.35 + g * 1e-6, 39.96), 4326)
       FROM generate_series(1, 200) g`,
      [districtId, community.baselineId],
    );
    expect(await changes()).toBe(n0 + 1);
    // Two statements in one transaction touching the same district: still one.
    await t.db.transaction(async (tx) => {
      await tx.query(`UPDATE feature SET name = 'x' WHERE scenario_id = $1 AND kind = 'tree'`, [
        community.baselineId,
      ]);
      await tx.query(`DELETE FROM feature WHERE scenario_id = $1 AND kind = 'tree'`, [
        community.baselineId,
      ]);
    });
    expect(await changes()).toBe(n0 + 2);
    expect((await register()).cache).toBe('miss');
  });

  it('a rolled-back write leaves the stamp and the cache as they were', async () => {
    await register();
    const n0 = await changes();
    await expect(
      t.db.transaction(async (tx) => {
        await tx.query(`UPDATE community SET households = 1 WHERE id = $1`, [community.id]);
        throw new Error('rolled back');
      }),
    ).rejects.toThrow('rolled back');
    expect(await changes()).toBe(n0);
    expect((await register()).cache).toBe('hit');
  });

  it.skipIf(!process.env.DATABASE_URL)(
    'a long transaction that began first and commits last still invalidates (server PostgreSQL: two connections)',
    async () => {
      await register();
      // T1 writes first (takes the smaller rev) but commits after T2.
      let release!: () => void;
      const held = new Promise<void>((ok) => (release = ok));
      let wrote!: () => void;
      const written = new Promise<void>((ok) => (wrote = ok));
      const t1 = t.db.transaction(async (tx) => {
        await tx.query(`UPDATE community SET households = 4321 WHERE id = $1`, [community.id]);
        wrote();
        await held;
      });
      await written;
      // T2 (another row: the same row would wait for T1's lock) commits at once.
      await t.db.query(
        `UPDATE community SET built_year = 1990 WHERE district_id = $1 AND id <> $2`,
        [districtId, community.id],
      );
      const during = await register();
      expect(during.cache).toBe('miss');
      expect((await register()).cache).toBe('hit');
      release();
      await t1;
      const after = await register();
      expect(after.cache).toBe('miss');
      expect(
        (
          after.body.communities.find((c) => c.id === community.id) as unknown as {
            households: number;
          }
        ).households,
      ).toBe(4321);
    },
  );

  it('an unknown district is 404 in both languages, and nothing is cached for it', async () => {
    const res = await request(app).get('/api/districts/987654321/register').expect(404);
    expect(res.body.error.message).toMatch(/片区|District/);
    const [n] = await t.db.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM register_cache WHERE district_id = 987654321',
    );
    expect(Number(n!.n)).toBe(0);
  });
});
