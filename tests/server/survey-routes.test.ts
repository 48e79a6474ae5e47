import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import request from 'supertest';
import type { Express } from 'express';
import type { Feature, FeatureCollection, Polygon } from 'geojson';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeApp } from '../../server/app';
import { makePostgisCatalog } from '../../server/db/catalog';
import type { Database } from '../../server/db/database';
import { makeFeatureStore } from '../../server/db/feature-store';
import { makeTileService } from '../../server/tiles/tile-service';
import { loginAs } from '../helpers/login-as';
import { CLIENT_DIR, makeTestApp } from '../helpers/test-app';
import { openTestDatabase, type TestDatabase } from '../helpers/test-db';

/**
 * The survey import end to end (docs/survey-import-api.md §1–4) on the 静淑苑 DXF fixture
 * (tests/fixtures/survey/make-survey-fixture.ts: OSM buildings projected to EPSG:4548), a
 * zipped shapefile and a GeoPackage made from it. Every scenario this file writes into is a
 * proposal it creates and deletes afterwards.
 */
const FIXTURES = join(import.meta.dirname, '../fixtures/survey');
const DXF = readFileSync(join(FIXTURES, 'jingshuyuan-cgcs2000-4548.dxf'));
const SHP = readFileSync(join(FIXTURES, 'jingshuyuan-jmd-4548.shp.zip'));
const GPKG = readFileSync(join(FIXTURES, 'jingshuyuan-stalls-4548.gpkg'));
const EXPECTED = JSON.parse(readFileSync(join(FIXTURES, 'jingshuyuan-expected.json'), 'utf8')) as {
  buildings: { centroid: [number, number]; label: string | null; floors: number | null }[];
};
const DXF_MAPPING = {
  JMD: { kind: 'building' },
  DLSS: { kind: 'road' },
  车位: { kind: 'parking_stall' },
  绿化: { kind: 'tree' },
  TK: { kind: 'ignore' },
};

type Agent = ReturnType<typeof request.agent>;
let t: TestDatabase;
let app: Express;
let planner: Agent;
let baselineId: number;
const proposals: number[] = [];

/** Metres between two WGS84 points (equirectangular; fine at 100 m). */
const metres = (a: number[], b: number[]) => {
  const k = Math.cos((((a[1]! + b[1]!) / 2) * Math.PI) / 180);
  return Math.hypot((a[0]! - b[0]!) * k, a[1]! - b[1]!) * 111_320;
};
/** Planar area of a small WGS84 polygon in m². */
const areaSqM = (p: Polygon) => {
  const r = p.coordinates[0]!;
  const lat = (r[0]![1]! * Math.PI) / 180;
  let a = 0;
  for (let i = 0; i < r.length - 1; i++) a += r[i]![0]! * r[i + 1]![1]! - r[i + 1]![0]! * r[i]![1]!;
  return (Math.abs(a) / 2) * 111_320 * 111_320 * Math.cos(lat);
};
const centroid = (p: Polygon) => {
  const r = p.coordinates[0]!.slice(0, -1);
  return [r.reduce((s, c) => s + c[0]!, 0) / r.length, r.reduce((s, c) => s + c[1]!, 0) / r.length];
};

const newProposal = async (name: string): Promise<number> => {
  const p = await makePostgisCatalog(t.db).createProposal(baselineId, name);
  proposals.push(p!.id);
  return p!.id;
};
const featureCount = async (scenarioId: number) =>
  Number(
    (
      await t.db.query<{ n: number }>(
        'SELECT count(*)::int AS n FROM feature WHERE scenario_id = $1',
        [scenarioId],
      )
    )[0]!.n,
  );

const upload = (agent: Agent, bytes: Buffer, fileName: string) =>
  agent
    .post(`/api/survey/uploads?fileName=${encodeURIComponent(fileName)}&scenarioId=${baselineId}`)
    .set('Content-Type', 'application/octet-stream')
    .send(bytes);

beforeAll(async () => {
  t = await openTestDatabase();
  app = makeTestApp(t.db).app;
  planner = request.agent(app);
  await loginAs(planner, 'planner');
  const [row] = await t.db.query<{ id: number }>(
    `SELECT s.id FROM scenario s JOIN community c ON c.id = s.community_id
     WHERE c.name = '静淑苑' AND s.kind = 'baseline'`,
  );
  baselineId = Number(row!.id);
}, 60_000);

afterAll(async () => {
  if (proposals.length)
    await t.db.query('DELETE FROM scenario WHERE id = ANY ($1::bigint[])', [proposals]);
  await t.db.query(
    `DELETE FROM survey_layer_mapping WHERE layer_name IN ('JMD', 'DLSS', '车位', '绿化', 'TK', 'jmd', '停车位')`,
  );
  await t?.close();
});

describe('survey import of the 静淑苑 DXF', () => {
  let uploadId: string;

  it('uploads: layers, counts, guesses, CRS and units', async () => {
    const res = await upload(planner, DXF, '景淑园现状.dxf');
    expect(res.status, res.text).toBe(201);
    uploadId = res.body.uploadId;
    expect(res.body.format).toBe('dxf');
    const layers = Object.fromEntries(
      (res.body.layers as { name: string; count: number; guess: { kind: string } | null }[]).map(
        (l) => [l.name, { count: l.count, kind: l.guess?.kind }],
      ),
    );
    expect(layers).toEqual({
      JMD: { count: 31, kind: 'building' },
      DLSS: { count: 4, kind: 'road' },
      车位: { count: 12, kind: 'parking_stall' },
      绿化: { count: 7, kind: 'green' },
      TK: { count: 1, kind: 'ignore' },
    });
    expect(res.body.crs.detected).toBeNull();
    expect(res.body.crs.guess.epsg).toBe('EPSG:4548');
    expect(res.body.crs.choices[0].id).toBe('EPSG:4548');
    expect(res.body.units.guess).toBe('m');
    expect(res.body.textCount).toBe(28);
  });

  it('previews: counts per kind, stall areas, trees as points, labels, landing on OSM', async () => {
    const res = await planner.post(`/api/survey/uploads/${uploadId}/preview`).send({
      scenarioId: baselineId,
      crs: 'EPSG:4548',
      units: 'm',
      mapping: DXF_MAPPING,
      labels: true,
    });
    expect(res.status, res.text).toBe(200);
    expect(res.body.counts).toEqual({
      building: 31,
      road: 4,
      parking_stall: 12,
      tree: 6,
      green: 1,
    });
    const fc = res.body.features as FeatureCollection;
    const of = (kind: string) => fc.features.filter((f) => f.properties?.kind === kind);
    for (const s of of('parking_stall'))
      expect(Math.abs(areaSqM(s.geometry as Polygon) - 2.5 * 5.3)).toBeLessThan(0.5);
    expect(of('tree').every((f) => f.geometry.type === 'Point')).toBe(true);
    const buildings = of('building') as Feature<Polygon>[];
    EXPECTED.buildings.forEach((e, i) => {
      const b = buildings[i]!;
      if (e.label) expect(b.properties?.name).toBe(e.label);
      if (e.floors) expect(b.properties?.levels).toBe(e.floors);
    });
    // each imported outline's area centroid against the OSM one it was drawn from (same order)
    const maxOff = Math.max(
      ...buildings.map((b, i) => metres(areaCentroid(b.geometry), EXPECTED.buildings[i]!.centroid)),
    );
    expect(maxOff).toBeLessThan(1);
    expect(res.body.refused).toBe(0);
    expect(res.body.residual).toBeNull();
    const [w, s, e, n] = res.body.bounds as number[];
    expect(w! > 116.34 && e! < 116.35 && s! > 40 && n! < 40.01).toBe(true);
  });

  it('refuses coordinates outside China with the likely cause', async () => {
    const res = await planner
      .post(`/api/survey/uploads/${uploadId}/preview`)
      .set('Accept-Language', 'en')
      .send({ scenarioId: baselineId, crs: 'EPSG:4491', units: 'm', mapping: DXF_MAPPING });
    // 6° zone 13 expects eastings of 13 500 000 ± …: 444 km lands far west of the zone
    expect(res.status).toBe(422);
    expect(res.body.error.code).toBe('CRS_OUTSIDE_CHINA');
    expect(res.body.error.message).toMatch(/zone prefix/);
    const mm = await planner
      .post(`/api/survey/uploads/${uploadId}/preview`)
      .send({ scenarioId: baselineId, crs: 'EPSG:4548', units: 'mm', mapping: DXF_MAPPING });
    expect(mm.status).toBe(422);
    expect(mm.body.error.code).toBe('CRS_OUTSIDE_CHINA');
  });

  it('fits a local grid to control points and reports the residuals', async () => {
    // Three corners of the survey as control points: file coordinates → lon/lat (from PROJ,
    // as a planner would click them). The base zone comes from their longitude (117°E → 4548),
    // so the fitted Helmert is the identity and the residuals are ~0.
    const corners = [
      [443860, 4429950],
      [444160, 4429950],
      [444160, 4430510],
    ];
    const lonLat = execFileSync(
      'gdaltransform',
      ['-s_srs', 'EPSG:4548', '-t_srs', 'EPSG:4326', '-output_xy'],
      {
        input: corners.map((c) => c.join(' ')).join('\n') + '\n',
        encoding: 'utf8',
      },
    )
      .trim()
      .split('\n')
      .map((l) => l.split(/\s+/).map(Number) as [number, number]);
    const res = await planner.post(`/api/survey/uploads/${uploadId}/preview`).send({
      scenarioId: baselineId,
      crs: 'local',
      local: { controlPoints: corners.map((c, i) => ({ source: c, target: lonLat[i] })) },
      mapping: { JMD: { kind: 'building' } },
    });
    expect(res.status, res.text).toBe(200);
    expect(res.body.residual.rmsM).toBeLessThan(0.01);
    expect(res.body.residual.points).toHaveLength(3);
    const buildings = (res.body.features as FeatureCollection).features as Feature<Polygon>[];
    const maxOff = Math.max(
      ...buildings.map((b, i) => metres(areaCentroid(b.geometry), EXPECTED.buildings[i]!.centroid)),
    );
    expect(maxOff).toBeLessThan(1);
  });

  it('commits into a proposal in one transaction and remembers the mapping', async () => {
    const proposalId = await newProposal('测绘导入');
    const before = await featureCount(proposalId);
    const res = await planner.post(`/api/survey/uploads/${uploadId}/commit`).send({
      scenarioId: proposalId,
      crs: 'EPSG:4548',
      units: 'm',
      mapping: DXF_MAPPING,
      labels: true,
    });
    expect(res.status, res.text).toBe(201);
    expect(res.body).toEqual({
      scenarioId: proposalId,
      created: 54,
      counts: { building: 31, road: 4, parking_stall: 12, tree: 6, green: 1 },
    });
    expect((await featureCount(proposalId)) - before).toBe(54);
    const [named] = await t.db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM feature WHERE scenario_id = $1 AND kind = 'building' AND name LIKE '%号楼'`,
      [proposalId],
    );
    expect(Number(named!.n)).toBe(11);
    const remembered = await planner.get('/api/survey/mappings');
    expect(remembered.body.JMD).toEqual({ kind: 'building' });
    expect(remembered.body['车位']).toEqual({ kind: 'parking_stall' });
    const again = await upload(planner, DXF, 'again.dxf');
    expect(again.body.remembered.JMD).toEqual({ kind: 'building' });
  });

  it('refuses a baseline that has features, writing nothing', async () => {
    const before = await featureCount(baselineId);
    const res = await planner
      .post(`/api/survey/uploads/${uploadId}/commit`)
      .send({ scenarioId: baselineId, crs: 'EPSG:4548', units: 'm', mapping: DXF_MAPPING });
    expect(res.status).toBe(409);
    expect(await featureCount(baselineId)).toBe(before);
  });

  it('writes nothing when the commit fails half-way', async () => {
    // the same app over a database whose transaction fails after the features are inserted
    // (on remembering the mapping): the inserts must be rolled back
    const failing: Database = {
      ...t.db,
      engine: t.db.engine,
      query: t.db.query.bind(t.db),
      exec: t.db.exec.bind(t.db),
      copyFrom: t.db.copyFrom.bind(t.db),
      close: t.db.close.bind(t.db),
      transaction: (fn) =>
        t.db.transaction((tx) =>
          fn({
            exec: tx.exec.bind(tx),
            copyFrom: tx.copyFrom.bind(tx),
            query: (text, params, options) => {
              if (text.includes('survey_layer_mapping')) throw new Error('disk full');
              return tx.query(text, params, options);
            },
          }),
        ),
    };
    const broken = makeApp({
      config: { bodyLimit: '5mb', clientDir: CLIENT_DIR },
      db: failing,
      catalog: makePostgisCatalog(failing),
      store: makeFeatureStore(failing),
      tiles: makeTileService(failing, { cacheEntries: 10 }),
    });
    const agent = request.agent(broken);
    await loginAs(agent, 'planner');
    const proposalId = await newProposal('测绘导入失败');
    const before = await featureCount(proposalId);
    const res = await agent
      .post(`/api/survey/uploads/${uploadId}/commit`)
      .send({ scenarioId: proposalId, crs: 'EPSG:4548', units: 'm', mapping: DXF_MAPPING });
    expect(res.status).toBe(500);
    expect(await featureCount(proposalId)).toBe(before);
  });

  it('answers 404 for an unknown upload', async () => {
    const res = await planner
      .post('/api/survey/uploads/00000000-0000-4000-8000-000000000000/preview')
      .send({ scenarioId: baselineId, crs: 'EPSG:4548', mapping: {} });
    expect(res.status).toBe(404);
    expect(res.body.error.code).toBe('NOT_FOUND');
  });
});

describe('survey import of a shapefile zip and a GeoPackage', () => {
  it('reads the .prj of a zipped shapefile and maps its attribute fields', async () => {
    const up = await upload(planner, SHP, 'jmd.zip');
    expect(up.status, up.text).toBe(201);
    expect(up.body.format).toBe('shapefile');
    expect(up.body.crs.detected).toBe('EPSG:4548');
    expect(up.body.layers).toEqual([
      expect.objectContaining({
        name: 'jmd',
        count: 31,
        geometryTypes: { Polygon: 31 },
        fields: ['CS', 'MC'],
      }),
    ]);
    const res = await planner.post(`/api/survey/uploads/${up.body.uploadId}/preview`).send({
      scenarioId: baselineId,
      crs: 'EPSG:4548',
      mapping: { jmd: { kind: 'building', fields: { levels: 'CS', name: 'MC' } } },
    });
    expect(res.status, res.text).toBe(200);
    expect(res.body.counts).toEqual({ building: 31 });
    const f = (res.body.features as FeatureCollection).features[0]!;
    expect(f.properties).toMatchObject({
      kind: 'building',
      name: expect.stringMatching(/^B\d+$/),
      levels: expect.any(Number),
    });
  });

  it('reads the SRS of a GeoPackage layer with a Chinese name and commits its stalls', async () => {
    const up = await upload(planner, GPKG, 'stalls.gpkg');
    expect(up.status, up.text).toBe(201);
    expect(up.body.format).toBe('gpkg');
    expect(up.body.crs.detected).toBe('EPSG:4548');
    expect(up.body.layers[0]).toMatchObject({
      name: '停车位',
      count: 12,
      guess: { kind: 'parking_stall' },
    });
    const proposalId = await newProposal('测绘导入 GPKG');
    const res = await planner.post(`/api/survey/uploads/${up.body.uploadId}/commit`).send({
      scenarioId: proposalId,
      crs: 'EPSG:4548',
      mapping: { 停车位: { kind: 'parking_stall' } },
    });
    expect(res.status, res.text).toBe(201);
    expect(res.body.counts).toEqual({ parking_stall: 12 });
  });
});

/** Area centroid, computed relative to the first vertex (raw lon·lat products cancel badly). */
function areaCentroid(p: Polygon): number[] {
  const [ox, oy] = p.coordinates[0]![0]! as [number, number];
  const r = p.coordinates[0]!.map(([x, y]) => [x! - ox, y! - oy] as const);
  let a = 0;
  let cx = 0;
  let cy = 0;
  for (let i = 0; i < r.length - 1; i++) {
    const f = r[i]![0] * r[i + 1]![1] - r[i + 1]![0] * r[i]![1];
    a += f;
    cx += (r[i]![0] + r[i + 1]![0]) * f;
    cy += (r[i]![1] + r[i + 1]![1]) * f;
  }
  return a === 0 ? centroid(p) : [ox + cx / (3 * a), oy + cy / (3 * a)];
}
