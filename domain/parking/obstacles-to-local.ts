import type { FeatureCollection, Geometry, Position } from 'geojson';
import { bufferPolyline, circlePolygon } from '../geo/buffer-polyline';
import { checkLonLat } from '../geo/check-lon-lat';
import { InputError } from '../geo/input-error';
import type { LocalProjection, XY } from '../geo/local-projection';
import { ringSignedArea } from '../geo/ring-signed-area';
import { RULES } from '../standards/rules';
import type { LocalShapes } from './local-shapes';

export type ShapeRole = 'obstacles' | 'keepClear' | 'roads';

const NAMES: Record<ShapeRole, { zh: string; en: string }> = {
  obstacles: { zh: '障碍物', en: 'Obstacle' },
  keepClear: { zh: '禁停区 (消防车道)', en: 'Keep-clear area (fire lane)' },
  roads: { zh: '道路', en: 'Road' },
};

const positiveProp = (props: unknown, key: string): number | undefined => {
  const v = (props as Record<string, unknown> | null | undefined)?.[key];
  return typeof v === 'number' && Number.isFinite(v) && v > 0 ? v : undefined;
};

/** Bounding box [minX, minY, maxX, maxY] of some local points. */
const bboxOf = (pts: readonly XY[]): [number, number, number, number] => {
  let a = Infinity;
  let b = Infinity;
  let c = -Infinity;
  let d = -Infinity;
  for (const [x, y] of pts) {
    if (x < a) a = x;
    if (y < b) b = y;
    if (x > c) c = x;
    if (y > d) d = y;
  }
  return [a, b, c, d];
};

/**
 * Projects obstacles or keep-clear features to local metres as rings (nonzero winding marks
 * their inside) and zero-width barrier segments, keeping only those that reach `within`
 * ([minX, minY, maxX, maxY], local metres). Polygons and MultiPolygons are areas; points are
 * trees, a circle of `radiusM` (default RULES.parking.treeClearanceRadiusM, CJJ 75-97); lines are
 * walls of `widthM` (else zero width) as obstacles, and fire lanes as keep-clear areas, buffered
 * by half of `widthM` but never less than the 4 m clear width (GB 50016-2014 §7.1.8: nothing may
 * stand in the clear width). Throws INVALID_OBSTACLE for other input.
 */
export function obstaclesToLocal(
  fc: FeatureCollection | undefined,
  projection: LocalProjection,
  role: ShapeRole,
  within: readonly [number, number, number, number],
): LocalShapes {
  const rings: XY[][] = [];
  const segments: [XY, XY][] = [];
  if (fc === undefined) return { rings, segments };
  const what = NAMES[role];
  const invalid = (i: number, zh: string, en: string): InputError =>
    new InputError(
      'INVALID_OBSTACLE',
      `${what.zh}第 ${i + 1} 项: ${zh}`,
      `${what.en} ${i + 1}: ${en}`,
    );
  if (!fc || fc.type !== 'FeatureCollection' || !Array.isArray(fc.features))
    throw invalid(-1, '应为 GeoJSON FeatureCollection', 'must be a GeoJSON FeatureCollection');
  const reaches = (pts: readonly XY[], marginM: number): boolean => {
    const [a, b, c, d] = bboxOf(pts);
    return (
      a - marginM <= within[2] &&
      c + marginM >= within[0] &&
      b - marginM <= within[3] &&
      d + marginM >= within[1]
    );
  };
  const line = (coords: Position[], i: number): XY[] => {
    checkLonLat(coords, what);
    if (coords.length < 2) throw invalid(i, '线至少需要 2 个点', 'a line needs at least 2 points');
    return coords.map((p) => projection.toLocal(p));
  };
  const polygon = (rs: Position[][], i: number): void => {
    rs.forEach((r, k) => {
      checkLonLat(r, what);
      if (r.length < 4) throw invalid(i, '多边形的环至少需要 4 个坐标', 'a ring needs 4 positions');
      const pts = r.slice(0, -1).map((p) => projection.toLocal(p));
      if (k === 0 && !reaches(pts, 0)) return;
      const area = ringSignedArea(pts);
      // Outer rings counter-clockwise, holes clockwise, whatever the input's order.
      rings.push((k === 0) === area >= 0 ? pts : pts.reverse());
    });
  };
  fc.features.forEach((f, i) => {
    const g = f?.geometry as Geometry | null | undefined;
    if (!g) throw invalid(i, '缺少几何', 'has no geometry');
    const props = f.properties;
    switch (g.type) {
      case 'Polygon':
        polygon(g.coordinates, i);
        break;
      case 'MultiPolygon':
        for (const p of g.coordinates) polygon(p, i);
        break;
      case 'Point':
      case 'MultiPoint': {
        if (role === 'keepClear')
          throw invalid(i, '禁停区应为线或面', 'keep-clear features must be lines or areas');
        const r = positiveProp(props, 'radiusM') ?? RULES.parking.treeClearanceRadiusM.value;
        const pts = g.type === 'Point' ? [g.coordinates] : g.coordinates;
        checkLonLat(pts, what);
        for (const c of pts.map((p) => projection.toLocal(p)))
          if (reaches([c], r)) rings.push(circlePolygon(c, r));
        break;
      }
      case 'LineString':
      case 'MultiLineString': {
        const lines = g.type === 'LineString' ? [g.coordinates] : g.coordinates;
        const min = RULES.fireLane.minClearWidthM.value;
        const w =
          role === 'keepClear'
            ? Math.max(positiveProp(props, 'widthM') ?? min, min)
            : positiveProp(props, 'widthM');
        for (const l of lines) {
          const pts = line(l, i);
          if (!reaches(pts, (w ?? 0) / 2)) continue;
          if (w === undefined) {
            for (let k = 0; k + 1 < pts.length; k++) segments.push([pts[k]!, pts[k + 1]!]);
          } else rings.push(...bufferPolyline(pts, w / 2));
        }
        break;
      }
      default:
        throw invalid(i, `不支持的几何类型 ${g.type}`, `unsupported geometry type ${g.type}`);
    }
  });
  return { rings, segments };
}
