import type { FeatureCollection, Position } from 'geojson';
import { checkLonLat } from '../geo/check-lon-lat';
import { InputError } from '../geo/input-error';
import { localProjection, type XY } from '../geo/local-projection';
import { isFeatureKind } from '../model/feature-kinds';
import { bboxOfPoints } from './bbox-m';
import type { LaneM, ResolvedFireLaneOptions, Scenario, ScenarioFeature, ShapeM } from './types';

/** Request limits: a district of a few communities, not a city. */
const MAX_FEATURES = 20_000;
const MAX_POSITIONS = 500_000;
/** Largest extent in metres: the tangent-plane projection is exact to < 1 mm within 10 km. */
const MAX_EXTENT_M = 20_000;

const nth = (i: number) => ({ zh: `第 ${i + 1} 个要素`, en: `Feature ${i + 1}` });

const dedupe = (ps: readonly XY[]): XY[] => {
  const out: XY[] = [];
  for (const p of ps) {
    const last = out[out.length - 1];
    if (!last || Math.hypot(p[0] - last[0], p[1] - last[1]) > 1e-6) out.push(p);
  }
  return out;
};

/** Every position of a geometry, checked as arrays (the coordinates themselves by checkLonLat). */
const positionsOf = (type: string, c: unknown, i: number): Position[] => {
  const depth = {
    Point: 0,
    MultiPoint: 1,
    LineString: 1,
    MultiLineString: 2,
    Polygon: 2,
    MultiPolygon: 3,
  }[type];
  if (depth === undefined) {
    throw new InputError(
      'INVALID_COORDINATES',
      `${nth(i).zh}的几何类型 ${type} 不受支持 (点/线/面及其 Multi 形式)`,
      `${nth(i).en} has unsupported geometry type ${type} (Point/LineString/Polygon or Multi*)`,
    );
  }
  const out: unknown[] = [];
  const flat = (v: unknown, d: number): void => {
    if (d === 0) {
      out.push(v);
      return;
    }
    if (!Array.isArray(v)) {
      throw new InputError(
        'INVALID_COORDINATES',
        `${nth(i).zh}的坐标嵌套层次不符合 ${type}`,
        `${nth(i).en} has coordinates not nested as a ${type}`,
      );
    }
    for (const x of v) flat(x, d - 1);
  };
  flat(c, depth);
  checkLonLat(out, nth(i));
  return out as Position[];
};

const idOf = (f: { id?: unknown; properties?: Record<string, unknown> | null }, i: number) => {
  const id = f.id ?? f.properties?.id;
  return typeof id === 'string' || typeof id === 'number' ? id : `#${i}`;
};

const positiveOr = (v: unknown, fallback: number, what: string, i: number): number => {
  if (v === undefined || v === null) return fallback;
  if (typeof v !== 'number' || !Number.isFinite(v) || v <= 0 || v > 1000) {
    throw new InputError(
      'INVALID_OPTION',
      `${nth(i).zh}的 ${what} 应为正数 (米)`,
      `${nth(i).en}: ${what} must be a positive number (m)`,
    );
  }
  return v;
};

/**
 * Checks a scenario's FeatureCollection (WGS84) and projects it to metres on the tangent
 * plane at the centre of its extent. Throws an InputError (zh + en) for: not a
 * FeatureCollection, too many features or positions, a missing or unknown `kind`, unsupported
 * or malformed geometry, invalid or swapped coordinates, a fire lane that is not a line, a bad
 * `widthM`, or an extent beyond 20 km. Does not modify its input.
 */
export function prepareScenario(input: unknown, opts: ResolvedFireLaneOptions): Scenario {
  const fc = input as Partial<FeatureCollection> | null;
  if (
    !fc ||
    typeof fc !== 'object' ||
    fc.type !== 'FeatureCollection' ||
    !Array.isArray(fc.features)
  ) {
    throw new InputError(
      'INVALID_COORDINATES',
      '输入应为 GeoJSON FeatureCollection (要素集合)',
      'Input must be a GeoJSON FeatureCollection',
    );
  }
  if (fc.features.length > MAX_FEATURES) {
    throw new InputError(
      'TOO_LARGE',
      `要素过多 (${fc.features.length} > ${MAX_FEATURES}), 请按小区分批检查`,
      `Too many features (${fc.features.length} > ${MAX_FEATURES}); check one community at a time`,
    );
  }
  // Pass 1: shapes and kinds, positions in degrees.
  const raw = fc.features.map((f, i) => {
    const g = f?.geometry as { type?: unknown; coordinates?: unknown } | null | undefined;
    const kind = f?.properties?.kind;
    if (typeof kind !== 'string' || !isFeatureKind(kind)) {
      throw new InputError(
        'INVALID_OBSTACLE',
        `${nth(i).zh}的 properties.kind 缺失或无效: ${String(kind)}`,
        `${nth(i).en} has a missing or unknown properties.kind: ${String(kind)}`,
      );
    }
    if (!g || typeof g !== 'object' || typeof g.type !== 'string') {
      throw new InputError(
        'INVALID_COORDINATES',
        `${nth(i).zh}没有几何`,
        `${nth(i).en} has no geometry`,
      );
    }
    const positions = positionsOf(g.type, g.coordinates, i);
    return { f, i, kind, type: g.type, coordinates: g.coordinates, positions };
  });
  const total = raw.reduce((s, r) => s + r.positions.length, 0);
  if (total > MAX_POSITIONS) {
    throw new InputError(
      'TOO_MANY_POINTS',
      `顶点过多 (${total} > ${MAX_POSITIONS}), 请按小区分批检查`,
      `Too many positions (${total} > ${MAX_POSITIONS}); check one community at a time`,
    );
  }
  let [w, s, e, n] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const r of raw)
    for (const p of r.positions) {
      const [x, y] = p as [number, number];
      if (x < w) w = x;
      if (x > e) e = x;
      if (y < s) s = y;
      if (y > n) n = y;
    }
  const projection = localProjection(raw.length > 0 ? [(w + e) / 2, (s + n) / 2] : [0, 0]);
  if (raw.length > 0) {
    const a = projection.toLocal([w, s]);
    const b = projection.toLocal([e, n]);
    const extentM = Math.hypot(b[0] - a[0], b[1] - a[1]);
    if (extentM > MAX_EXTENT_M) {
      throw new InputError(
        'TOO_LARGE',
        `要素范围 ${(extentM / 1000).toFixed(1)} km 超过 ${MAX_EXTENT_M / 1000} km, 请按小区分批检查`,
        `Features span ${(extentM / 1000).toFixed(1)} km, beyond ${MAX_EXTENT_M / 1000} km`,
      );
    }
  }
  const toXY = (p: Position): XY => projection.toLocal(p);
  const ring = (r: Position[], i: number): XY[] => {
    const pts = dedupe(r.map(toXY));
    const f0 = pts[0];
    const fl = pts[pts.length - 1];
    if (pts.length > 1 && f0 && fl && Math.hypot(f0[0] - fl[0], f0[1] - fl[1]) <= 1e-6) pts.pop();
    if (pts.length < 3) {
      throw new InputError(
        'TOO_FEW_POINTS',
        `${nth(i).zh}的多边形环不足 3 个不同顶点`,
        `${nth(i).en} has a polygon ring with fewer than 3 distinct corners`,
      );
    }
    return pts;
  };
  const features: ScenarioFeature[] = [];
  const lanes: LaneM[] = [];
  for (const r of raw) {
    const c = r.coordinates as never;
    const points: XY[] = [];
    const lines: XY[][] = [];
    const polygons: XY[][][] = [];
    if (r.type === 'Point') points.push(toXY(c));
    else if (r.type === 'MultiPoint') points.push(...(c as Position[]).map(toXY));
    else if (r.type === 'LineString') lines.push(dedupe((c as Position[]).map(toXY)));
    else if (r.type === 'MultiLineString')
      lines.push(...(c as Position[][]).map((l) => dedupe(l.map(toXY))));
    else if (r.type === 'Polygon') polygons.push((c as Position[][]).map((q) => ring(q, r.i)));
    else polygons.push(...(c as Position[][][]).map((p) => p.map((q) => ring(q, r.i))));
    if (lines.some((l) => l.length < 2)) {
      throw new InputError(
        'TOO_FEW_POINTS',
        `${nth(r.i).zh}的线至少需要 2 个不同的点`,
        `${nth(r.i).en} has a line with fewer than 2 distinct positions`,
      );
    }
    const props = (r.f.properties ?? {}) as Record<string, unknown>;
    const shape: ShapeM = {
      points,
      lines,
      polygons,
      bbox: bboxOfPoints(points.concat(...lines, ...polygons.map((p) => (p[0] ?? []) as XY[]))),
    };
    const feature: ScenarioFeature = {
      index: r.i,
      id: idOf(r.f, r.i),
      kind: r.kind,
      props,
      geometry: r.f.geometry,
      shape,
    };
    features.push(feature);
    const isLane = r.kind === 'fire_lane' || (r.kind === 'road' && props.fireLane === true);
    if (!isLane) continue;
    if (r.kind === 'fire_lane' && lines.length === 0 && polygons.length > 0) continue; // an area
    if (lines.length === 0) {
      throw new InputError(
        'NOT_LINE',
        `${nth(r.i).zh}是消防车道, 应为中线 (LineString), 收到 ${r.type}`,
        `${nth(r.i).en} is a fire lane and must be a centreline (LineString), got ${r.type}`,
      );
    }
    const widthM = positiveOr(props.widthM, opts.minClearWidthM, 'widthM', r.i);
    for (const l of lines) {
      lanes.push({
        feature,
        id: feature.id,
        points: l,
        widthM,
        halfM: Math.max(widthM, opts.minClearWidthM) / 2,
        aerial: props.aerial === true,
        heavy: props.heavy === true,
        bbox: bboxOfPoints(l),
      });
    }
  }
  return { projection, features, lanes };
}
