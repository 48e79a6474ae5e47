import request from 'supertest';
import { VectorTile } from '@mapbox/vector-tile';
import { PbfReader } from 'pbf';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Express } from 'express';
import { openTestDatabase, type TestDatabase } from '../helpers/test-db';
import { loginAs } from '../helpers/login-as';
import { makeTestApp } from '../helpers/test-app';

interface Fc {
  type: string;
  features: { id: number; geometry: { type: string }; properties: Record<string, unknown> }[];
}

let t: TestDatabase;
let app: Express;
let districtId: number;

beforeAll(async () => {
  t = await openTestDatabase();
  app = makeTestApp(t.db).app;
  const res = await request(app).get('/api/districts');
  districtId = Math.min(...(res.body as { id: number }[]).map((d) => d.id));
});
afterAll(() => t?.close());

describe('GET /api/health', () => {
  it('names the engine, the PostGIS version and the migration level', async () => {
    const res = await request(app).get('/api/health').expect(200);
    expect(res.body.engine).toBe(process.env.DATABASE_URL ? 'postgres' : 'pglite');
    expect(res.body.postgis).toMatch(/^3\.\d+/);
    expect(res.body.migrationLevel).toBeGreaterThanOrEqual(1);
  });
});

describe('GET /api/districts and /api/communities', () => {
  it('lists the demo district with its 11 communities (10 named, 1 provisional) and extent', async () => {
    const res = await request(app).get('/api/districts').expect(200);
    const d = (
      res.body as { id: number; communityCount: number; bbox: number[]; attribution: string }[]
    ).find((x) => x.id === districtId)!;
    expect(d.communityCount).toBe(11);
    expect(d.attribution).toBe('© OpenStreetMap contributors');
    const [w, s, e, n] = d.bbox;
    // The extent of its communities (issue 17 item 3): 4 of them run past the file's <bounds>.
    expect(w).toBeCloseTo(116.3427531, 4);
    expect(s).toBeCloseTo(39.9964857, 4);
    expect(e).toBeCloseTo(116.3619599, 4);
    expect(n).toBeCloseTo(40.0107452, 4);
  });

  it('returns communities as GeoJSON with register properties', async () => {
    const res = await request(app).get(`/api/communities?district=${districtId}`).expect(200);
    expect(res.headers['content-type']).toMatch(/geo\+json/);
    const fc = JSON.parse(res.text) as Fc;
    expect(fc.features).toHaveLength(11);
    const names = fc.features.map((f) => f.properties.name);
    for (const name of ['富润家园', '静淑苑', '学士居', '石科院生活区'])
      expect(names).toContain(name);
    for (const f of fc.features) {
      expect(f.geometry.type).toBe('MultiPolygon');
      // Nobody set a stage: "not set" (migration 004), not a phase.
      expect(f.properties.stage).toBeNull();
      expect(typeof f.properties.baselineScenarioId).toBe('number');
    }
    const withBuildings = fc.features.filter((f) => Number(f.properties.buildingCount) > 0);
    expect(withBuildings.length).toBeGreaterThanOrEqual(8);
  });

  it('filters communities by bbox', async () => {
    const all = JSON.parse(
      (await request(app).get(`/api/communities?district=${districtId}`)).text,
    ) as Fc;
    // The western third of the district.
    const res = await request(app)
      .get(`/api/communities?district=${districtId}&bbox=116.344,39.997,116.349,40.009`)
      .expect(200);
    const some = JSON.parse(res.text) as Fc;
    expect(some.features.length).toBeGreaterThan(0);
    expect(some.features.length).toBeLessThan(all.features.length);
  });
});

describe('features', () => {
  it('returns district baseline features filtered by kind', async () => {
    const res = await request(app)
      .get(`/api/districts/${districtId}/features?kind=building`)
      .expect(200);
    const fc = JSON.parse(res.text) as Fc;
    expect(fc.features.length).toBe(Number(res.headers['x-feature-count']));
    expect(fc.features.length).toBeGreaterThan(200);
    expect(new Set(fc.features.map((f) => f.properties.kind))).toEqual(new Set(['building']));
  });

  it('returns one scenario features, and its counts', async () => {
    const communities = JSON.parse(
      (await request(app).get(`/api/communities?district=${districtId}`)).text,
    ) as Fc;
    const richest = communities.features.sort(
      (a, b) => Number(b.properties.buildingCount) - Number(a.properties.buildingCount),
    )[0]!;
    const scenarioId = richest.properties.baselineScenarioId as number;
    const s = await request(app).get(`/api/scenarios/${scenarioId}`).expect(200);
    expect(s.body.kind).toBe('baseline');
    expect(s.body.counts.building).toBe(richest.properties.buildingCount);
    const fc = JSON.parse(
      (await request(app).get(`/api/scenarios/${scenarioId}/features?kind=building`)).text,
    ) as Fc;
    expect(fc.features).toHaveLength(Number(richest.properties.buildingCount));
  });
});

describe('bad input gets a clear error in the user language', () => {
  it('explains swapped coordinates, in zh-CN by default and in English on request', async () => {
    const zh = await request(app)
      .get(`/api/communities?bbox=39.997,116.344,40.009,116.36`)
      .expect(400);
    expect(zh.body.error.code).toBe('VALIDATION');
    expect(zh.body.error.message).toMatch(/经纬度写反/);
    const en = await request(app)
      .get(`/api/communities?bbox=39.997,116.344,40.009,116.36`)
      .set('Accept-Language', 'en-GB,en;q=0.9')
      .expect(400);
    expect(en.body.error.message).toMatch(/lat\/lon swapped/);
  });

  it.each([
    ['/api/scenarios/999999999', 404, 'NOT_FOUND'],
    ['/api/scenarios/abc', 400, 'VALIDATION'],
    ['/api/communities/999999999', 404, 'NOT_FOUND'],
    ['/api/districts/999999999/features', 404, 'NOT_FOUND'],
    ['/api/communities?district=999999999', 404, 'NOT_FOUND'],
    ['/api/districts/1/features?kind=castle', 400, 'VALIDATION'],
    ['/api/tiles/baseline/14/99999/1.mvt', 400, 'VALIDATION'],
    ['/api/tiles/secret/14/1/1.mvt', 404, 'NOT_FOUND'],
    ['/api/nope', 404, 'NOT_FOUND'],
  ])('GET %s → %i %s', async (url, status, code) => {
    const res = await request(app).get(url).expect(status);
    expect(res.body.error.code).toBe(code);
    expect(res.body.error.message).toMatch(/[\u4e00-\u9fff]/);
  });

  it('rejects malformed JSON and huge bodies without writing anything', async () => {
    const admin = request.agent(app);
    await loginAs(admin, 'admin');
    const bad = await admin
      .post('/api/scenarios/1/proposals')
      .set('Content-Type', 'application/json')
      .send('{"name":');
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe('BAD_REQUEST');
    const small = request.agent(makeTestApp(t.db, { bodyLimit: '1kb' }).app);
    await loginAs(small, 'admin');
    const huge = await small.post('/api/scenarios/1/proposals').send({ name: 'x'.repeat(5000) });
    expect(huge.status).toBe(413);
    expect(huge.body.error.code).toBe('PAYLOAD_TOO_LARGE');
  });
});

describe('vector tiles', () => {
  it('serves a gzipped MVT whose building layer matches the database', async () => {
    // z15 tile over the middle of the demo district (116.352 E, 40.003 N).
    const z = 15;
    const x = Math.floor(((116.352 + 180) / 360) * 2 ** z);
    const latR = (40.003 * Math.PI) / 180;
    const y = Math.floor(
      ((1 - Math.log(Math.tan(latR) + 1 / Math.cos(latR)) / Math.PI) / 2) * 2 ** z,
    );
    const res = await request(app)
      .get(`/api/tiles/baseline/${z}/${x}/${y}.mvt`)
      .buffer(true)
      .parse((r, cb) => {
        const chunks: Buffer[] = [];
        r.on('data', (c: Buffer) => chunks.push(c));
        r.on('end', () => cb(null, Buffer.concat(chunks)));
      })
      .expect(200);
    expect(res.headers['content-type']).toBe('application/vnd.mapbox-vector-tile');
    const tile = new VectorTile(new PbfReader(res.body as Buffer) as never);
    const buildings = tile.layers.building!;
    const [row] = await t.db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM feature f JOIN scenario s ON s.id = f.scenario_id AND s.kind = 'baseline'
       WHERE f.kind = 'building' AND ST_Intersects(f.geom_3857, ST_TileEnvelope($1, $2, $3))`,
      [z, x, y],
    );
    expect(buildings.length).toBeGreaterThan(10);
    // Features touching only the 64 px buffer may be in the tile too; none inside may be missing.
    expect(buildings.length).toBeGreaterThanOrEqual(Number(row!.n));
    expect(buildings.length).toBeLessThanOrEqual(Number(row!.n) + 20);
    const f = buildings.feature(0);
    expect(f.type).toBe(3);
    expect(f.properties.kind).toBe('building');
    const gj = f.toGeoJSON(x, y, z);
    expect(['Polygon', 'MultiPolygon']).toContain(gj.geometry.type);
  });

  it('serves a tile uncompressed when first built, then gzipped from the cache', async () => {
    const url = '/api/tiles/baseline/14/13487/6203.mvt';
    const first = await request(app).get(url).set('Accept-Encoding', 'gzip').expect(200);
    expect(first.headers['content-encoding']).toBeUndefined();
    expect(first.headers['server-timing']).toMatch(/^build;dur=\d/);
    // Compression runs in the background; poll until the cached copy is gzipped.
    let encoding: string | undefined;
    for (let i = 0; i < 100 && !encoding; i++) {
      await new Promise((ok) => setTimeout(ok, 20));
      encoding = (await request(app).get(url).set('Accept-Encoding', 'gzip').expect(200)).headers[
        'content-encoding'
      ];
    }
    expect(encoding).toBe('gzip');
  });

  it('describes the layer as TileJSON', async () => {
    const res = await request(app).get('/api/tiles/baseline.json').expect(200);
    expect(res.body.tiles[0]).toMatch(/\/api\/tiles\/baseline\/\{z\}\/\{x\}\/\{y\}\.mvt$/);
    expect(res.body.vector_layers.map((l: { id: string }) => l.id)).toContain('building');
  });
});

describe('analysis routes are mounted in the app', () => {
  it('lays out a 40 × 40 m lot and checks a lane blocked by one of its stalls', async () => {
    // 40 m ≈ 4.70e-4° of longitude and 3.60e-4° of latitude at 40° N.
    const [w, s, e, n] = [116.35, 40.0, 116.35047, 40.00036];
    const lot = {
      type: 'Polygon',
      coordinates: [
        [
          [w, s],
          [e, s],
          [e, n],
          [w, n],
          [w, s],
        ],
      ],
    };
    const layout = await request(app)
      .post('/api/analysis/parking-layout')
      .send({ boundary: lot })
      .expect(200);
    expect(layout.body.count).toBeGreaterThan(50);
    const stall = layout.body.stalls.features[0];
    const [x0, y0] = stall.geometry.coordinates[0][0];
    const lane = {
      type: 'LineString',
      coordinates: [
        [x0 - 0.001, y0],
        [x0 + 0.001, y0],
      ],
    };
    const check = await request(app)
      .post('/api/analysis/fire-lanes')
      .send({
        features: {
          type: 'FeatureCollection',
          features: [
            {
              type: 'Feature',
              id: 'lane',
              properties: { kind: 'fire_lane', widthM: 4 },
              geometry: lane,
            },
            {
              type: 'Feature',
              id: 'stall',
              properties: { kind: 'parking_stall' },
              geometry: stall.geometry,
            },
          ],
        },
      })
      .expect(200);
    expect(check.body.summary.byRule['clear-width']).toBe(1);
    expect(check.body.violations.features[0].properties).toMatchObject({
      ruleId: 'clear-width',
      featureId: 'stall',
    });
  });
});

describe('GET /api/openapi.json', () => {
  it('describes every route the app serves', async () => {
    const res = await request(app).get('/api/openapi.json').expect(200);
    expect(res.body.openapi).toBe('3.1.0');
    for (const p of [
      '/api/analysis/coverage',
      '/api/analysis/fire-lanes',
      '/api/analysis/parking-layout',
      '/api/features/{id}',
      '/api/health',
      '/api/districts',
      '/api/communities',
      '/api/scenarios/{id}/features',
      '/api/tiles/{layer}/{z}/{x}/{y}.mvt',
    ]) {
      expect(Object.keys(res.body.paths)).toContain(p);
    }
  });
});
