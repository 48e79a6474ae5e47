import request from 'supertest';
import type { Express } from 'express';
import type { FeatureCollection, Polygon } from 'geojson';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { convertCrs } from '../../domain/geo/convert-crs';
import { loginAs } from '../helpers/login-as';
import { makeTestApp } from '../helpers/test-app';
import { openTestDatabase, type TestDatabase } from '../helpers/test-db';

let t: TestDatabase;
let app: Express;
let districtId: number;
let communityId: number;
let baselineId: number;
let proposalId: number;
let removedBuilding: { id: number; sourceId: number; version: number };
/** A 2.5 × 5.3 m stall in WGS84, in an open spot of the community (its centroid's south). */
let stallWgs84: Polygon;

/** Every write of this file goes through these helpers (a role check will guard them). */
/** The demo planner's session: every write of this file goes through it. */
let planner: ReturnType<typeof request.agent>;
const writes = {
  proposal: (baseline: number, name: string) =>
    planner.post(`/api/scenarios/${baseline}/proposals`).send({ name }),
  deleteFeature: (id: number, version: number) =>
    planner.delete(`/api/features/${id}?version=${version}`),
  importInto: (scenario: number, body: unknown, crs?: string) =>
    planner
      .post(`/api/scenarios/${scenario}/import${crs ? `?crs=${crs}` : ''}`)
      .send(body as object),
  createStory: (body: unknown) => planner.post('/api/stories').send(body as object),
  replaceStory: (id: number, body: unknown) =>
    planner.put(`/api/stories/${id}`).send(body as object),
  deleteStory: (id: number, version: number) =>
    planner.delete(`/api/stories/${id}?version=${version}`),
};

const fc = (features: FeatureCollection['features']): FeatureCollection => ({
  type: 'FeatureCollection',
  features,
});

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
  baselineId = Number(row!.id);
  communityId = Number(row!.cid);
  districtId = Number(row!.did);
  proposalId = (await writes.proposal(baselineId, '演示方案').expect(201)).body.id;
  const [b] = await t.db.query<{ id: number; source_id: number; version: number }>(
    `SELECT id, source_id, version FROM feature WHERE scenario_id = $1 AND kind = 'building'
     ORDER BY id LIMIT 1`,
    [proposalId],
  );
  removedBuilding = { id: Number(b!.id), sourceId: Number(b!.source_id), version: b!.version };
  const [spot] = await t.db.query<{ lon: number; lat: number }>(
    `SELECT ST_X(p) AS lon, ST_Y(p) AS lat FROM (
       SELECT ST_PointOnSurface(geom) AS p FROM community WHERE id = $1) q`,
    [communityId],
  );
  const [x, y] = [Number(spot!.lon), Number(spot!.lat)];
  const dx = 2.5 / 85_000;
  const dy = 5.3 / 111_000;
  stallWgs84 = {
    type: 'Polygon',
    coordinates: [
      [
        [x, y],
        [x + dx, y],
        [x + dx, y + dy],
        [x, y + dy],
        [x, y],
      ].map(([a, b2]) => [Number(a!.toFixed(7)), Number(b2!.toFixed(7))]),
    ],
  };
});

afterAll(async () => {
  await t?.db.query(`DELETE FROM story WHERE district_id = $1`, [districtId]);
  await t?.db.query(`DELETE FROM scenario WHERE id = $1`, [proposalId]);
  await t?.close();
});

describe('GeoJSON import into a proposal (GCJ-02 / BD-09 converted to WGS84)', () => {
  it('imports a stall drawn on a GCJ-02 map where it belongs in WGS84, and exports it back', async () => {
    const gcj = convertCrs(
      fc([
        {
          type: 'Feature',
          properties: { kind: 'parking_stall', category: 'ev', note: '充电' },
          geometry: stallWgs84,
        },
      ]),
      'wgs84',
      'gcj02',
    );
    const res = await writes.importInto(proposalId, gcj, 'gcj02').expect(201);
    expect(res.body.created).toHaveLength(1);
    const [stored] = await t.db.query<{ d: number; category: string; note: string }>(
      `SELECT ST_Distance(geom::geography, ST_GeomFromGeoJSON($2)::geography) AS d, category,
              props ->> 'note' AS note
       FROM feature WHERE id = $1`,
      [res.body.created[0], JSON.stringify(stallWgs84)],
    );
    // Stored within 1 cm of the WGS84 original (the GCJ-02 offset here is ~500 m).
    expect(Number(stored!.d)).toBeLessThan(0.01);
    expect(stored!.category).toBe('ev');
    expect(stored!.note).toBe('充电');
    const out = await request(app)
      .get(`/api/scenarios/${proposalId}/export.geojson?kind=parking_stall&crs=gcj02`)
      .expect(200);
    expect(out.headers['content-disposition']).toContain('gcj02');
    const back = (out.body as FeatureCollection).features.find(
      (f) => f.properties?.['id'] === res.body.created[0],
    );
    const p0 = (back!.geometry as Polygon).coordinates[0]![0]!;
    const g0 = (gcj.features[0]!.geometry as Polygon).coordinates[0]![0]!;
    expect(Math.abs(p0[0]! - g0[0]!)).toBeLessThan(2e-7);
    expect(Math.abs(p0[1]! - g0[1]!)).toBeLessThan(2e-7);
  });

  it('a BD-09 (Baidu) import lands within 25 cm of its WGS84 position; the district layer exports in BD-09', async () => {
    const tree = { type: 'Point' as const, coordinates: stallWgs84.coordinates[0]![2]! };
    const bd = convertCrs(
      fc([{ type: 'Feature', properties: { kind: 'tree', name: '古槐' }, geometry: tree }]),
      'wgs84',
      'bd09',
    );
    const res = await writes.importInto(proposalId, bd, 'bd09').expect(201);
    const [stored] = await t.db.query<{ d: number; name: string }>(
      `SELECT ST_Distance(geom::geography, ST_GeomFromGeoJSON($2)::geography) AS d, name
       FROM feature WHERE id = $1`,
      [res.body.created[0], JSON.stringify(tree)],
    );
    // gcoord's BD-09 inverse is approximate: 12.5 cm off here (GCJ-02 above: under 1 cm).
    expect(Number(stored!.d)).toBeLessThan(0.25);
    expect(stored!.name).toBe('古槐');
    await writes.deleteFeature(res.body.created[0], 1).expect(204);
    const wgs = await request(app)
      .get(`/api/districts/${districtId}/export.geojson?kind=gate`)
      .expect(200);
    const baidu = await request(app)
      .get(`/api/districts/${districtId}/export.geojson?kind=gate&crs=bd09`)
      .expect(200);
    const [a, b] = [wgs.body as FeatureCollection, baidu.body as FeatureCollection];
    expect(b.features).toHaveLength(a.features.length);
    expect(a.features.length).toBeGreaterThan(0);
    const p0 = (a.features[0]!.geometry as { coordinates: number[] }).coordinates;
    const p1 = (b.features[0]!.geometry as { coordinates: number[] }).coordinates;
    // Baidu's offset in Beijing: about +0.0126° east, +0.0074° north of WGS84.
    expect(p1[0]! - p0[0]!).toBeGreaterThan(0.01);
    expect(p1[1]! - p0[1]!).toBeGreaterThan(0.005);
  });

  it('refuses bad input whole, with bilingual messages, and saves nothing', async () => {
    const count = async () =>
      Number(
        (
          await t.db.query<{ n: number }>(
            'SELECT count(*)::int AS n FROM feature WHERE scenario_id = $1',
            [proposalId],
          )
        )[0]!.n,
      );
    const before = await count();
    const good = {
      type: 'Feature',
      properties: { kind: 'tree' },
      geometry: { type: 'Point', coordinates: stallWgs84.coordinates[0]![0] },
    };
    const bowtie = {
      type: 'Feature',
      properties: { kind: 'green' },
      geometry: {
        type: 'Polygon',
        coordinates: [
          [
            [116.35, 40],
            [116.351, 40.001],
            [116.351, 40],
            [116.35, 40.001],
            [116.35, 40],
          ],
        ],
      },
    };
    const r1 = await writes
      .importInto(proposalId, fc([good as never, bowtie as never]))
      .expect(422);
    expect(r1.body.error.code).toBe('INVALID_GEOMETRY');
    const swapped = { ...good, geometry: { type: 'Point', coordinates: [40.0, 116.35] } };
    const r2 = await writes
      .importInto(proposalId, fc([swapped as never]), 'gcj02')
      .set('Accept-Language', 'en')
      .expect(422);
    expect(r2.body.error.message).toMatch(/longitude, latitude/);
    const r3 = await writes
      .importInto(proposalId, fc([{ ...good, properties: { kind: 'castle' } } as never]))
      .expect(400);
    expect(r3.body.error.code).toBe('VALIDATION');
    expect(
      (
        await writes
          .importInto(proposalId, { type: 'FeatureCollection', features: Array(2001).fill(good) })
          .expect(400)
      ).body.error.message,
    ).toMatch(/2000/);
    await writes.importInto(baselineId, fc([good as never])).expect(403);
    await writes.importInto(999_999_999, fc([good as never])).expect(404);
    await request(app).get(`/api/scenarios/${proposalId}/export.geojson?crs=mars`).expect(400);
    expect(await count()).toBe(before);
  });
});

describe('before/after of a stored proposal', () => {
  it('diff and indicators come from the lineage and the shared engines', async () => {
    await writes.deleteFeature(removedBuilding.id, removedBuilding.version).expect(204);
    const diff = await request(app).get(`/api/scenarios/${proposalId}/diff`).expect(200);
    const changes = (diff.body as FeatureCollection).features.map((f) => [
      f.properties?.['change'],
      f.properties?.['kind'],
    ]);
    expect(changes).toEqual([
      ['removed', 'building'],
      ['added', 'parking_stall'],
    ]);
    expect(diff.body.summary).toMatchObject({ added: 1, removed: 1, modified: 0 });
    const ind = await request(app).get(`/api/scenarios/${proposalId}/indicators`).expect(200);
    const [{ n: existing }] = (await t.db.query<{ n: number }>(
      `SELECT count(*)::int + coalesce((SELECT sum(capacity) FROM feature WHERE scenario_id = $1
         AND kind = 'parking_area' AND capacity > 0), 0)::int AS n
       FROM feature WHERE scenario_id = $1 AND kind = 'parking_stall'
         AND coalesce(category, '') <> 'bicycle'`,
      [baselineId],
    )) as [{ n: number }];
    // Issue 12 §2: existing also counts estimates (lot area, kerb length) and surveys; the mapped
    // stalls and capacities are still exactly what the database holds.
    const src = ind.body.parking.existingBySource;
    expect(src.mapped + src.capacity).toBe(existing);
    expect(ind.body.parking).toMatchObject({
      existing: existing + src.area_estimate + src.kerb_estimate + src.survey,
      added: 1,
      removed: 0,
      net: 1,
    });
    expect(ind.body.changes).toMatchObject({ added: 1, removed: 1 });
    const cov = ind.body.coverage;
    // One building fewer among the community's residential buildings (or the same if it was not one).
    expect(cov.baseline.buildings - cov.proposal.buildings).toBeGreaterThanOrEqual(0);
    expect(cov.baseline.buildings).toBeGreaterThan(0);
    // The same input as the planner's live panel: the community's households are spread over its
    // residential buildings, so the baseline's covered population is the community's count.
    const [{ households }] = (await t.db.query<{ households: number }>(
      'SELECT households FROM community WHERE id = $1',
      [communityId],
    )) as [{ households: number }];
    expect(cov.baseline.households).toBeCloseTo(Number(households), 6);
    expect(cov.baseline.min15Share).toBeGreaterThanOrEqual(0);
    expect(cov.baseline.min15Share).toBeLessThanOrEqual(1);
    expect(ind.body.fireLanes.baseline.errors).toBeGreaterThanOrEqual(0);
    await request(app).get('/api/scenarios/999999999/indicators').expect(404);
  });

  it('CSV of the indicators and of the register: UTF-8 with BOM, quoted where needed', async () => {
    const csv = await request(app)
      .get(`/api/scenarios/${proposalId}/indicators.csv`)
      .buffer(true)
      .parse((res, cb) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => cb(null, Buffer.concat(chunks)));
      })
      .expect(200);
    const bytes = csv.body as Buffer;
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = bytes.toString('utf8').slice(1).trimEnd().split('\r\n');
    expect(lines[0]).toBe('indicator,指标,baseline 现状,proposal 方案,delta 变化');
    expect(lines).toContain('changes.added,新增要素,,1,');
    // The district register CSV (issue #6's route): header, one row per community, totals.
    const reg = await request(app).get(`/api/districts/${districtId}/register.csv`).expect(200);
    expect(reg.headers['content-type']).toMatch(/text\/csv; charset=utf-8/);
    const rows = reg.text
      .replace(/^\uFEFF/, '')
      .trimEnd()
      .split('\r\n');
    const [{ n }] = (await t.db.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM community WHERE district_id = $1',
      [districtId],
    )) as [{ n: number }];
    expect(rows).toHaveLength(n + 2);
    expect(rows.some((r) => r.split(',')[0] === '静淑苑')).toBe(true);
  });
});

describe('stories (saved views, shared by link)', () => {
  const view = (caption: string, scenarioId: number | null, compareMode = 'none') => ({
    camera: { center: [116.355, 40.003], zoom: 16.5, bearing: 10, pitch: 0 },
    layers: ['buildings', 'parking'],
    scenarioId,
    compareMode,
    caption,
  });

  it('creates, reads, replaces with a version and deletes a story', async () => {
    const created = await writes
      .createStory({
        districtId,
        communityId,
        title: '静淑苑改造',
        views: [view('现状', baselineId), view('方案: 新增车位', proposalId, 'swipe')],
      })
      .expect(201);
    const id = created.body.id;
    expect(created.body.views.map((v: { caption: string }) => v.caption)).toEqual([
      '现状',
      '方案: 新增车位',
    ]);
    const got = await request(app).get(`/api/stories/${id}`).expect(200);
    expect(got.body.views[1]).toEqual(view('方案: 新增车位', proposalId, 'swipe'));
    const list = await request(app).get(`/api/stories?district=${districtId}`).expect(200);
    expect(list.body.find((s: { id: number }) => s.id === id).viewCount).toBe(2);

    const replaced = await writes
      .replaceStory(id, {
        version: 1,
        title: '静淑苑',
        views: [view('只有一个', proposalId, 'side')],
      })
      .expect(200);
    expect(replaced.body.version).toBe(2);
    expect(replaced.body.views).toHaveLength(1);
    const stale = await writes.replaceStory(id, { version: 1, title: 'x', views: [] }).expect(409);
    expect(stale.body.error.code).toBe('CONFLICT');
    await writes.deleteStory(id, 1).expect(409);
    await writes.deleteStory(id, 2).expect(204);
    await request(app).get(`/api/stories/${id}`).expect(404);
  });

  it('refuses a bad story whole: unknown scenario, bad camera, too many views', async () => {
    const before = (await request(app).get(`/api/stories?district=${districtId}`)).body.length;
    const r1 = await writes
      .createStory({
        districtId,
        title: 'x',
        views: [view('a', proposalId), view('b', 999_999_999)],
      })
      .expect(400);
    expect(r1.body.error.message).toContain('999999999');
    const bad = { ...view('a', null), camera: { center: [40, 116.3], zoom: 16 } };
    await writes.createStory({ districtId, title: 'x', views: [bad] }).expect(400);
    await writes
      .createStory({ districtId, title: 'x', views: Array(201).fill(view('a', null)) })
      .expect(400);
    await writes.createStory({ districtId: 999_999_999, title: 'x', views: [] }).expect(404);
    await writes.createStory({ districtId, title: '  ', views: [] }).expect(400);
    expect((await request(app).get(`/api/stories?district=${districtId}`)).body.length).toBe(
      before,
    );
  });
});

describe('OpenAPI', () => {
  it('describes the presentation routes', async () => {
    const res = await request(app).get('/api/openapi.json').expect(200);
    for (const path of [
      '/api/stories',
      '/api/stories/{id}',
      '/api/scenarios/{id}/import',
      '/api/scenarios/{id}/export.geojson',
      '/api/communities/{id}/sheet.pdf',
      '/api/districts/{id}/atlas.pdf',
    ])
      expect(res.body.paths[path]).toBeDefined();
  });
});
