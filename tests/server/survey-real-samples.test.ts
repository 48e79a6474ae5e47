import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Express } from 'express';
import type { Polygon } from 'geojson';
import proj4 from 'proj4';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makePostgisCatalog } from '../../server/db/catalog';
import { loginAs } from '../helpers/login-as';
import { makeTestApp } from '../helpers/test-app';
import { openTestDatabase, type TestDatabase } from '../helpers/test-db';

/**
 * Reader golden test on a public DXF (issue 11.4): GDAL's own test file
 * autotest/ogr/data/dxf/closed_polyline_with_bulge.dxf (OSGeo/gdal, MIT; data/README.md). One
 * closed LWPOLYLINE with three bulged (arc) segments, in 3° Gauss-Krüger coordinates with the
 * zone prefix 40 (CM 120°E) — a parcel near Kunshan, east of Shanghai.
 */
const FILE = join(import.meta.dirname, '../fixtures/survey/gdal-closed-polyline-with-bulge.dxf');
const ZONE_40 =
  '+proj=tmerc +lat_0=0 +lon_0=120 +k=1 +x_0=40500000 +y_0=0 +ellps=GRS80 +units=m +no_defs';

/** The drawing's vertices and the bulge of the segment that starts at each (from the file). */
const VERTICES: [number, number, number][] = [
  [40585366.70650577, 3433935.538090975, 0],
  [40585329.92564863, 3433998.440817071, 0.2621272319479089],
  [40585297.73920335, 3434017.254552271, 0],
  [40585271.13131783, 3434017.686781913, 0],
  [40585252.16981492, 3433885.990375476, 0],
  [40585256.74147, 3433885.916111596, 0.1393571566538866],
  [40585329.65156154, 3433905.365607637, 0],
  [40585364.24837356, 3433925.992208718, 0.4117239835866821],
];

/**
 * The area worked from the figures: the shoelace of the straight polygon plus, per bulged
 * segment, the circular segment it adds (a positive bulge is a counter-clockwise arc, which
 * bulges to the right of the chord: outward for a counter-clockwise ring, inward otherwise).
 * Segment: θ = 4·atan(b), r = c / (2·sin(θ/2)), area = r²/2 · (θ − sin θ).
 */
function handArea(): number {
  let signed = 0;
  let arcs = 0;
  VERTICES.forEach(([x1, y1, b], i) => {
    const [x2, y2] = VERTICES[(i + 1) % VERTICES.length]!;
    signed += (x1 * y2 - x2 * y1) / 2;
    if (b !== 0) {
      const c = Math.hypot(x2 - x1, y2 - y1);
      const theta = 4 * Math.atan(Math.abs(b));
      const r = c / (2 * Math.sin(theta / 2));
      arcs += Math.sign(b) * ((r * r) / 2) * (theta - Math.sin(theta));
    }
  });
  return Math.abs(signed + arcs);
}

let t: TestDatabase;
let app: Express;
let planner: ReturnType<typeof request.agent>;
let proposal: number;

beforeAll(async () => {
  t = await openTestDatabase();
  app = makeTestApp(t.db).app;
  planner = request.agent(app);
  await loginAs(planner, 'planner');
  const [row] = await t.db.query<{ id: number }>(
    `SELECT s.id FROM scenario s JOIN community c ON c.id = s.community_id
      WHERE c.name = '静淑苑' AND s.kind = 'baseline'`,
  );
  proposal = (await makePostgisCatalog(t.db).createProposal(Number(row!.id), '公开样例'))!.id;
}, 60_000);

afterAll(async () => {
  await t?.db.query('DELETE FROM scenario WHERE id = $1', [proposal]);
  await t?.close();
});

describe('a public DXF sample through the survey reader', () => {
  it('guesses zone 40 from the prefix, closes the polyline with its arcs, lands at Kunshan', async () => {
    const up = await planner
      .post('/api/survey/uploads?fileName=closed_polyline_with_bulge.dxf')
      .set('Content-Type', 'application/octet-stream')
      .send(readFileSync(FILE))
      .expect(201);
    expect(up.body.format).toBe('dxf');
    expect(up.body.crs.detected).toBeNull();
    expect(up.body.crs.guess.epsg).toBe('EPSG:4528'); // CGCS2000 3° zone 40 (prefixed)
    const [layer] = up.body.layers as { name: string; count: number; geometryTypes: object }[];
    expect(layer).toMatchObject({ name: 'test', count: 1, geometryTypes: { Polygon: 1 } });

    const res = await planner.post(`/api/survey/uploads/${up.body.uploadId}/preview`).send({
      scenarioId: proposal,
      crs: 'EPSG:4528',
      units: 'm',
      mapping: { test: { kind: 'boundary' } },
      labels: false,
    });
    expect(res.status, res.text).toBe(200);
    const [f] = res.body.features.features as { geometry: Polygon }[];
    const ring = f!.geometry.coordinates[0]!;
    // The arcs are densified: far more vertices than the drawing's 8.
    expect(ring.length).toBeGreaterThan(20);
    // Every drawn vertex is on the ring (GDAL's PROJ against proj4 here: < 1 cm).
    const gk = ring.map((p) => proj4('WGS84', ZONE_40, [p[0]!, p[1]!]) as [number, number]);
    for (const [x, y] of VERTICES) {
      const nearest = Math.min(...gk.map(([gx, gy]) => Math.hypot(gx - x, gy - y)));
      expect(nearest).toBeLessThan(0.01);
    }
    // Kunshan, Jiangsu: about 120.9 °E, 31.0 °N.
    expect(ring[0]![0]).toBeCloseTo(120.9, 1);
    expect(ring[0]![1]).toBeCloseTo(31.0, 1);
    // The area of the densified ring against the hand-worked one (chords lose < 0.5 %).
    let a = 0;
    gk.forEach(([x1, y1], i) => {
      const [x2, y2] = gk[(i + 1) % gk.length]!;
      a += (x1 * y2 - x2 * y1) / 2;
    });
    const hand = handArea();
    expect(hand).toBeGreaterThan(10_000);
    expect(Math.abs(Math.abs(a) - hand) / hand).toBeLessThan(0.005);
  });
});

describe('KML and CSV through the survey reader', () => {
  it('reads a KML layer: tree points, and its closed outline as green', async () => {
    const up = await planner
      .post('/api/survey/uploads?fileName=green.kml')
      .set('Content-Type', 'application/octet-stream')
      .send(readFileSync(join(import.meta.dirname, '../fixtures/survey/jingshuyuan-green.kml')))
      .expect(201);
    expect(up.body.format).toBe('kml');
    const layer = (
      up.body.layers as { name: string; count: number; guess: { kind: string } }[]
    )[0]!;
    expect(layer).toMatchObject({ name: '绿化', count: 3, guess: { kind: 'green' } });
    const res = await planner.post(`/api/survey/uploads/${up.body.uploadId}/preview`).send({
      scenarioId: proposal,
      crs: up.body.crs.detected ?? 'wgs84',
      units: 'm',
      mapping: { 绿化: { kind: 'tree', fields: { name: 'Name' } } },
      labels: false,
    });
    expect(res.status, res.text).toBe(200);
    // Two tree points; the 25 × 22 m outline (≈ 566 m² ≥ 50 m²) stays an area: green.
    expect(res.body.counts).toEqual({ tree: 2, green: 1 });
  });

  it('reads a CSV of facilities with 经度/纬度 columns and maps name and category', async () => {
    const up = await planner
      .post('/api/survey/uploads?fileName=facilities.csv')
      .set('Content-Type', 'application/octet-stream')
      .send(readFileSync(join(import.meta.dirname, '../fixtures/survey/facilities-wgs84.csv')))
      .expect(201);
    expect(up.body.format).toBe('csv');
    const layer = (up.body.layers as { count: number; name: string; fields: string[] }[])[0]!;
    expect(layer.count).toBe(3);
    expect(layer.fields).toEqual(expect.arrayContaining(['名称', '类别']));
    const res = await planner.post(`/api/survey/uploads/${up.body.uploadId}/preview`).send({
      scenarioId: proposal,
      crs: 'wgs84',
      units: 'm',
      mapping: { [layer.name]: { kind: 'facility', fields: { name: '名称', category: '类别' } } },
      labels: false,
    });
    expect(res.status, res.text).toBe(200);
    const props = (res.body.features.features as { properties: Record<string, unknown> }[]).map(
      (f) => [f.properties.name, f.properties.category],
    );
    expect(props).toEqual([
      ['静淑苑幼儿园', 'kindergarten'],
      ['社区卫生服务站', 'health_station'],
      ['便利店', 'convenience'],
    ]);
  });
});
