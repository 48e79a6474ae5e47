import { DxfWriter, LWPolylineFlags, Units, point3d } from '@tarikjabiri/dxf';
import type { Feature, Polygon } from 'geojson';
import proj4 from 'proj4';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loginAs } from '../helpers/login-as';
import { makeTestApp } from '../helpers/test-app';
import { openTestDatabase, type TestDatabase } from '../helpers/test-db';

/**
 * Nested blocks (issue 11 item 1, CAD geometry): an INSERT inside a BLOCK is exploded with the
 * composed transforms. Golden case, worked by hand in EPSG:4548 metres: block CW is a
 * 2.5 × 5.3 m stall centred on its base point; block CW3 holds three INSERTs of CW at
 * (0, 0), (2.5, 0), (5, 0) and one at (10, 0) rotated 90°; the drawing INSERTs CW3 once at
 * P = (X, Y) rotated 90° on layer 车位. Rotating the block offsets by 90° gives stall centres at
 * P + (0, 0), P + (0, 2.5), P + (0, 5) and P + (0, 10); the first three lie 5.3 m along x and
 * 2.5 m along y, the fourth (90° + 90° = 180°) 2.5 m along x and 5.3 m along y. Each is 13.25 m².
 */
const GK = '+proj=tmerc +lat_0=0 +lon_0=117 +k=1 +x_0=500000 +y_0=0 +ellps=GRS80 +units=m +no_defs';
const [X, Y] = proj4('WGS84', GK, [116.35, 40.0]) as [number, number];

function nestedStallDxf(): Buffer {
  const dxf = new DxfWriter();
  dxf.setUnits(Units.Meters);
  dxf.addLayer('车位', 3);
  const cw = dxf.addBlock('CW');
  cw.addLWPolyline(
    [
      [-1.25, -2.65],
      [1.25, -2.65],
      [1.25, 2.65],
      [-1.25, 2.65],
    ].map(([x, y]) => ({ point: { x: x!, y: y! } })),
    { flags: LWPolylineFlags.Closed },
  );
  const cw3 = dxf.addBlock('CW3');
  for (const dx of [0, 2.5, 5]) cw3.addInsert('CW', point3d(dx, 0, 0));
  cw3.addInsert('CW', point3d(10, 0, 0), { rotationAngle: 90 });
  dxf.addInsert('CW3', point3d(X, Y, 0), { layerName: '车位', rotationAngle: 90 });
  return Buffer.from(dxf.stringify());
}

let t: TestDatabase;
let planner: ReturnType<typeof request.agent>;
let baselineId: number;

beforeAll(async () => {
  t = await openTestDatabase();
  planner = request.agent(makeTestApp(t.db).app);
  await loginAs(planner, 'planner');
  const [row] = await t.db.query<{ id: number }>(
    `SELECT s.id FROM scenario s JOIN community c ON c.id = s.community_id
     WHERE c.name = '静淑苑' AND s.kind = 'baseline'`,
  );
  baselineId = Number(row!.id);
}, 60_000);

afterAll(async () => {
  await t?.close();
});

describe('nested block INSERTs', () => {
  it('explode into one stall per nested insert, where CAD draws them', async () => {
    const up = await planner
      .post('/api/survey/uploads?fileName=nested.dxf')
      .set('Content-Type', 'application/octet-stream')
      .send(nestedStallDxf());
    expect(up.status, up.text).toBe(201);
    expect(up.body.layers).toEqual([
      expect.objectContaining({ name: '车位', count: 4, geometryTypes: { Polygon: 4 } }),
    ]);
    const res = await planner.post(`/api/survey/uploads/${up.body.uploadId}/preview`).send({
      scenarioId: baselineId,
      crs: 'EPSG:4548',
      units: 'm',
      mapping: { 车位: { kind: 'parking_stall' } },
    });
    expect(res.status, res.text).toBe(200);
    expect(res.body.counts).toEqual({ parking_stall: 4 });
    const stalls = (res.body.features.features as Feature<Polygon>[]).map((f) => {
      const ring = f.geometry.coordinates[0]!.map((p) => proj4('WGS84', GK, p) as number[]);
      const xs = ring.map((p) => p[0]!);
      const ys = ring.map((p) => p[1]!);
      let a = 0;
      for (let i = 0; i < ring.length - 1; i++)
        a += ring[i]![0]! * ring[i + 1]![1]! - ring[i + 1]![0]! * ring[i]![1]!;
      return {
        dx: (Math.min(...xs) + Math.max(...xs)) / 2 - X,
        dy: (Math.min(...ys) + Math.max(...ys)) / 2 - Y,
        w: Math.max(...xs) - Math.min(...xs),
        h: Math.max(...ys) - Math.min(...ys),
        area: Math.abs(a) / 2,
      };
    });
    const expected = [
      { dx: 0, dy: 0, w: 5.3, h: 2.5 },
      { dx: 0, dy: 2.5, w: 5.3, h: 2.5 },
      { dx: 0, dy: 5, w: 5.3, h: 2.5 },
      { dx: 0, dy: 10, w: 2.5, h: 5.3 },
    ];
    expect(stalls).toHaveLength(4);
    stalls.forEach((s, i) => {
      const e = expected[i]!;
      for (const k of ['dx', 'dy', 'w', 'h'] as const)
        expect(Math.abs(s[k] - e[k])).toBeLessThan(0.01);
      expect(Math.abs(s.area - 13.25)).toBeLessThan(0.01);
    });
    // A CRS PostGIS cannot reproject from is refused before any work, in both languages.
    const unknown = await planner
      .post(`/api/survey/uploads/${up.body.uploadId}/preview`)
      .set('Accept-Language', 'en')
      .send({
        scenarioId: baselineId,
        crs: 'EPSG:99999',
        mapping: { 车位: { kind: 'parking_stall' } },
      });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.message).toContain('PostGIS does not know EPSG:99999');
  }, 120_000);
});
