import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import JSZip from 'jszip';
import request from 'supertest';
import type { Express } from 'express';
import type { Feature, FeatureCollection, Geometry, Position } from 'geojson';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CAD_EXTRA_LAYERS, CAD_LAYERS } from '../../domain/export/cad-layers';
import { isFeatureKind } from '../../domain/model/feature-kinds';
import { loginAs } from '../helpers/login-as';
import { makeTestApp } from '../helpers/test-app';
import { openTestDatabase, type TestDatabase } from '../helpers/test-db';

/**
 * The CAD/GIS exports (issue 11 item 3) read back with GDAL, the reader the design institute's
 * and the bureau's tools share: layer names, counts per kind, every vertex within 1 cm of the
 * source projected by GDAL/PROJ (gdaltransform, independent of the proj4js the server uses),
 * the fire lane's width and Chinese text.
 */
let t: TestDatabase;
let app: Express;
let planner: ReturnType<typeof request.agent>;
let baselineId: number;
let proposalId: number;
let source: FeatureCollection;
const dir = mkdtempSync(join(tmpdir(), 'rpm-export-test-'));
const LANE_NAME = '东侧消防车道';
const STALL_NAME = '甲-01';

const binary = (res: request.Response, cb: (err: Error | null, body: Buffer) => void) => {
  const chunks: Buffer[] = [];
  res.on('data', (c: Buffer) => chunks.push(c));
  res.on('end', () => cb(null, Buffer.concat(chunks)));
};

/** GDAL's view of one layer of a file: `ogr2ogr -f GeoJSON` to stdout. */
const readBack = (path: string, layer?: string, config: string[] = []): FeatureCollection =>
  JSON.parse(
    execFileSync(
      'ogr2ogr',
      [...config, '-f', 'GeoJSON', '/vsistdout/', path, ...(layer ? [layer] : [])],
      { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 },
    ),
  ) as FeatureCollection;

const layerNames = (path: string): string[] =>
  execFileSync('ogrinfo', ['-ro', '-q', path], { encoding: 'utf8' })
    .split('\n')
    .map((l) => /^\d+: (\S+)/.exec(l)?.[1])
    .filter((n): n is string => !!n);

/** Every position of a geometry, in order. */
const positions = (g: Geometry | null): Position[] => {
  if (!g) return [];
  if (g.type === 'GeometryCollection') return g.geometries.flatMap(positions);
  const out: Position[] = [];
  const walk = (c: unknown): void => {
    if (Array.isArray(c) && typeof c[0] === 'number') out.push(c as Position);
    else if (Array.isArray(c)) c.forEach(walk);
  };
  walk(g.coordinates);
  return out;
};

/** lon/lat → EPSG:4548 easting/northing by GDAL/PROJ, all at once. */
const gdalProject = (pts: Position[], epsg: string): Position[] =>
  execFileSync('gdaltransform', ['-s_srs', 'EPSG:4326', '-t_srs', epsg, '-output_xy'], {
    input: pts.map((p) => `${p[0]} ${p[1]}`).join('\n') + '\n',
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  })
    .trim()
    .split('\n')
    .map((l) => l.trim().split(/\s+/).map(Number));

/** Largest distance from a read-back vertex to the nearest expected vertex of the same feature. */
const worstVertexM = (got: Position[], want: Position[]): number =>
  Math.max(
    ...got.map((p) => Math.min(...want.map((q) => Math.hypot(p[0]! - q[0]!, p[1]! - q[1]!)))),
  );

/** The features of `source` projected by GDAL to `epsg`, by id. */
const projectedSource = (epsg: string): Map<number, Position[]> => {
  const all = source.features.flatMap((f) => positions(f.geometry));
  const projected = gdalProject(all, epsg);
  const out = new Map<number, Position[]>();
  let i = 0;
  for (const f of source.features) {
    const n = positions(f.geometry).length;
    out.set(Number(f.properties!['id']), projected.slice(i, i + n));
    i += n;
  }
  return out;
};

const countsByKind = (fs: Feature[], kindOf: (f: Feature) => string) => {
  const out: Record<string, number> = {};
  for (const f of fs) out[kindOf(f)] = (out[kindOf(f)] ?? 0) + 1;
  return out;
};

beforeAll(async () => {
  t = await openTestDatabase();
  app = makeTestApp(t.db).app;
  planner = request.agent(app);
  await loginAs(planner, 'planner');
  const [row] = await t.db.query<{ id: number; cid: number }>(
    `SELECT s.id, c.id AS cid FROM scenario s JOIN community c ON c.id = s.community_id
     WHERE s.kind = 'baseline' AND c.name = '静淑苑'`,
  );
  baselineId = Number(row!.id);
  proposalId = (
    await planner.post(`/api/scenarios/${baselineId}/proposals`).send({ name: '导出测试方案' })
  ).body.id;
  const [spot] = await t.db.query<{ lon: number; lat: number }>(
    `SELECT ST_X(p) AS lon, ST_Y(p) AS lat FROM (
       SELECT ST_PointOnSurface(geom) AS p FROM community WHERE id = $1) q`,
    [Number(row!.cid)],
  );
  const [x, y] = [Number(spot!.lon), Number(spot!.lat)];
  // Three 2.5 × 5.3 m stalls side by side, and a 4.5 m fire lane with a bend south of them.
  const [dx, dy] = [2.5 / 85_000, 5.3 / 111_000];
  const r7 = (n: number) => Number(n.toFixed(7));
  const stall = (i: number) => ({
    kind: 'parking_stall',
    ...(i === 0 ? { name: STALL_NAME } : {}),
    geometry: {
      type: 'Polygon',
      coordinates: [
        [
          [x + i * dx, y],
          [x + (i + 1) * dx, y],
          [x + (i + 1) * dx, y + dy],
          [x + i * dx, y + dy],
          [x + i * dx, y],
        ].map(([a, b]) => [r7(a!), r7(b!)]),
      ],
    },
  });
  await planner
    .post(`/api/scenarios/${proposalId}/features/batch`)
    .send({
      create: [
        stall(0),
        stall(1),
        stall(2),
        {
          kind: 'fire_lane',
          name: LANE_NAME,
          widthM: 4.5,
          geometry: {
            type: 'LineString',
            coordinates: [
              [r7(x - 20 / 85_000), r7(y - 8 / 111_000)],
              [r7(x + 30 / 85_000), r7(y - 8 / 111_000)],
              [r7(x + 30 / 85_000), r7(y + 25 / 111_000)],
            ],
          },
        },
      ],
    })
    .expect((res) => expect(res.status).toBeLessThan(300));
  source = (await request(app).get(`/api/scenarios/${proposalId}/export.geojson`).expect(200))
    .body as FeatureCollection;
});

afterAll(async () => {
  await t?.db.query('DELETE FROM scenario WHERE id = $1', [proposalId]);
  await t?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('GET /api/scenarios/:id/export.dxf', () => {
  it('writes one layer per kind in EPSG:4548 that GDAL reads back within 1 cm, with the lane width and Chinese labels', async () => {
    const res = await request(app)
      .get(`/api/scenarios/${proposalId}/export.dxf?crs=EPSG:4548`)
      .buffer(true)
      .parse(binary)
      .expect(200);
    expect(res.headers['content-type']).toContain('image/vnd.dxf');
    expect(res.headers['content-disposition']).toContain('epsg4548.dxf');
    const text = (res.body as Buffer).toString('utf8');
    const file = join(dir, 'scenario.dxf');
    writeFileSync(file, res.body as Buffer);
    // AutoCAD 2007 format: strings are UTF-8 by definition; metres.
    expect(text).toMatch(/\$ACADVER\s*\n\s*1\s*\n\s*AC1021/);
    expect(text).toMatch(/\$INSUNITS\s*\n\s*70\s*\n\s*6\b/);
    expect(text).toContain('gbcbig.shx');

    // GDAL 3.6 does not infer UTF-8 from AC1021 by itself: tell it (see README).
    const back = readBack(file, undefined, ['--config', 'DXF_ENCODING', 'UTF-8']);
    const layerOf = (f: Feature) => String(f.properties!['Layer']);
    const got = countsByKind(back.features, layerOf);
    const kinds = countsByKind(source.features, (f) => String(f.properties!['kind']));
    // One entity per feature part: every source feature here is one ring / line / point.
    for (const f of source.features) {
      const g = f.geometry!;
      expect(['Polygon', 'LineString', 'Point']).toContain(g.type);
      if (g.type === 'Polygon') expect(g.coordinates).toHaveLength(1);
    }
    for (const [kind, n] of Object.entries(kinds)) {
      expect(isFeatureKind(kind)).toBe(true);
      expect(got[CAD_LAYERS[kind as keyof typeof CAD_LAYERS].name]).toBe(n);
    }
    expect(kinds['parking_stall']).toBeGreaterThanOrEqual(3);
    expect(kinds['fire_lane']).toBeGreaterThanOrEqual(1);
    expect(got[CAD_EXTRA_LAYERS.fireLaneEdges.name]).toBe(2 * kinds['fire_lane']!);
    expect(Object.keys(got)).toContain('TCW_车位');
    expect(Object.keys(got)).toContain('XFCD_消防车道');

    // Vertices: entities come in FEATURE_KINDS order, then the export's (kind, id) order.
    const want = projectedSource('EPSG:4548');
    let worst = 0;
    for (const [kind, layer] of Object.entries(CAD_LAYERS)) {
      const srcOfKind = source.features.filter((f) => f.properties!['kind'] === kind);
      const backOfKind = back.features.filter((f) => layerOf(f) === layer.name);
      expect(backOfKind).toHaveLength(srcOfKind.length);
      srcOfKind.forEach((f, i) => {
        const w = want.get(Number(f.properties!['id']))!;
        const g = positions(backOfKind[i]!.geometry);
        expect(g.length).toBe(w.length);
        g.forEach((p, j) => {
          worst = Math.max(worst, Math.hypot(p[0]! - w[j]![0]!, p[1]! - w[j]![1]!));
        });
      });
    }
    expect(worst).toBeLessThan(0.01);

    // The fire lane's constant width (LWPOLYLINE group 43) is the feature's width_m.
    const pairs = text.split(/\r?\n/);
    const lanes: { layer: string; width: number }[] = [];
    for (let i = 0; i + 1 < pairs.length; i += 2) {
      if (pairs[i]!.trim() === '0' && pairs[i + 1] === 'LWPOLYLINE')
        lanes.push({ layer: '', width: 0 });
      const cur = lanes[lanes.length - 1];
      if (!cur) continue;
      if (pairs[i]!.trim() === '8') cur.layer = pairs[i + 1]!;
      if (pairs[i]!.trim() === '43') cur.width = Number(pairs[i + 1]);
    }
    expect(lanes.filter((l) => l.layer === 'XFCD_消防车道').map((l) => l.width)).toContain(4.5);

    // Chinese labels intact: the lane's name and width, the named stall's number.
    const labels = back.features
      .filter((f) => layerOf(f) === CAD_EXTRA_LAYERS.labels.name)
      .map((f) => String(f.properties!['Text']));
    expect(labels).toContain(`${LANE_NAME} 4.5m`);
    expect(labels).toContain(STALL_NAME);
  });

  it('defaults to the 3° CM zone of the scenario centre (Haidian → EPSG:4548) and refuses geographic CRS', async () => {
    const res = await request(app).get(`/api/scenarios/${baselineId}/export.dxf`).expect(200);
    expect(res.headers['content-disposition']).toContain('epsg4548');
    const zh = await request(app)
      .get(`/api/scenarios/${proposalId}/export.dxf?crs=wgs84`)
      .set('Accept-Language', 'zh-CN')
      .expect(400);
    expect(zh.body.error.message).toContain('米');
  });
});

describe('GET /api/scenarios/:id/export.zip (Shapefile)', () => {
  it('zips one .shp set per kind and geometry type with .prj CGCS2000 and .cpg UTF-8, read back within 1 cm', async () => {
    const res = await request(app)
      .get(`/api/scenarios/${proposalId}/export.zip?crs=4548`)
      .buffer(true)
      .parse(binary)
      .expect(200);
    expect(res.headers['content-type']).toContain('application/zip');
    const file = join(dir, 'scenario.zip');
    writeFileSync(file, res.body as Buffer);
    const zip = await JSZip.loadAsync(res.body as Buffer);
    const names = Object.keys(zip.files);
    expect(names).toContain('parking_stall_polygon.shp');
    expect(names).toContain('fire_lane_line.shp');
    expect(names).toContain('README.txt');
    for (const base of ['parking_stall_polygon', 'fire_lane_line']) {
      for (const ext of ['shp', 'shx', 'dbf', 'prj', 'cpg'])
        expect(names).toContain(`${base}.${ext}`);
      expect((await zip.file(`${base}.cpg`)!.async('string')).trim()).toBe('UTF-8');
      const prj = await zip.file(`${base}.prj`)!.async('string');
      expect(prj).toMatch(/CGCS2000/);
      expect(prj).toMatch(/117/);
    }
    const want = projectedSource('EPSG:4548');
    const shps = names.filter((n) => n.endsWith('.shp'));
    const counts: Record<string, number> = {};
    let worst = 0;
    let lane: Feature | undefined;
    for (const shp of shps) {
      const back = readBack(`/vsizip/${file}/${shp}`);
      for (const f of back.features) {
        const kind = String(f.properties!['kind']);
        expect(shp.startsWith(kind)).toBe(true);
        counts[kind] = (counts[kind] ?? 0) + 1;
        const w = want.get(Number(f.properties!['id']))!;
        worst = Math.max(worst, worstVertexM(positions(f.geometry), w));
        if (f.properties!['name'] === LANE_NAME) lane = f;
      }
    }
    expect(counts).toEqual(countsByKind(source.features, (f) => String(f.properties!['kind'])));
    expect(worst).toBeLessThan(0.01);
    expect(lane?.properties).toMatchObject({ name: LANE_NAME, width_m: 4.5 });
  });

  it('labels WGS84 as WGS84 by default', async () => {
    const res = await request(app)
      .get(`/api/scenarios/${proposalId}/export.zip`)
      .buffer(true)
      .parse(binary)
      .expect(200);
    const zip = await JSZip.loadAsync(res.body as Buffer);
    const prj = await zip.file('parking_stall_polygon.prj')!.async('string');
    expect(prj).toMatch(/WGS_1984|WGS 84/);
    expect(prj).not.toMatch(/PROJCS/);
  });

  it('converts GCJ-02 with convertCrs, labels it WGS84 and says so in README.txt', async () => {
    const res = await request(app)
      .get(`/api/scenarios/${proposalId}/export.zip?crs=gcj02`)
      .buffer(true)
      .parse(binary)
      .expect(200);
    const zip = await JSZip.loadAsync(res.body as Buffer);
    expect(await zip.file('fire_lane_line.prj')!.async('string')).toMatch(/WGS_1984|WGS 84/);
    expect(await zip.file('README.txt')!.async('string')).toMatch(
      /GCJ-02.*EPSG:4326|EPSG:4326.*GCJ-02/s,
    );
    const file = join(dir, 'gcj.zip');
    writeFileSync(file, res.body as Buffer);
    const back = readBack(`/vsizip/${file}/fire_lane_line.shp`).features[0]!;
    const src = source.features.find((f) => f.properties!['id'] === back.properties!['id'])!;
    const [p, q] = [positions(back.geometry)[0]!, positions(src.geometry)[0]!];
    // GCJ-02 in Beijing: a few hundred metres east and north of WGS84.
    expect(p[0]! - q[0]!).toBeGreaterThan(0.003);
    expect(p[1]! - q[1]!).toBeGreaterThan(0.0005);
  });
});

describe('GET /api/scenarios/:id/export.gpkg', () => {
  it('writes one table per kind in EPSG:4548, read back within 1 cm with Chinese attributes', async () => {
    const res = await request(app)
      .get(`/api/scenarios/${proposalId}/export.gpkg?crs=EPSG:4548`)
      .buffer(true)
      .parse(binary)
      .expect(200);
    const file = join(dir, 'scenario.gpkg');
    writeFileSync(file, res.body as Buffer);
    const kinds = countsByKind(source.features, (f) => String(f.properties!['kind']));
    expect(layerNames(file).sort()).toEqual(Object.keys(kinds).sort());
    const srs = execFileSync('ogrinfo', ['-ro', '-so', file, 'parking_stall'], {
      encoding: 'utf8',
    });
    expect(srs).toMatch(/CGCS2000/);
    const want = projectedSource('EPSG:4548');
    let worst = 0;
    for (const [kind, n] of Object.entries(kinds)) {
      const back = readBack(file, kind);
      expect(back.features).toHaveLength(n);
      for (const f of back.features)
        worst = Math.max(
          worst,
          worstVertexM(positions(f.geometry), want.get(Number(f.properties!['id']))!),
        );
    }
    expect(worst).toBeLessThan(0.01);
    const lanes = readBack(file, 'fire_lane').features.map((f) => f.properties!['name']);
    expect(lanes).toContain(LANE_NAME);
  });
});

describe('export errors', () => {
  it('an unknown scenario is 404, a bad crs 400 in both languages; each format', async () => {
    for (const ext of ['dxf', 'zip', 'gpkg']) {
      await request(app).get(`/api/scenarios/999999999/export.${ext}`).expect(404);
      const zh = await request(app)
        .get(`/api/scenarios/${proposalId}/export.${ext}?crs=EPSG:3857`)
        .set('Accept-Language', 'zh-CN')
        .expect(400);
      const en = await request(app)
        .get(`/api/scenarios/${proposalId}/export.${ext}?crs=mars`)
        .set('Accept-Language', 'en')
        .expect(400);
      expect(zh.body.error.message).toContain('高斯-克吕格');
      expect(en.body.error.message).toContain('Gauss-Krüger');
    }
  });
});
