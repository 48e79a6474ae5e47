import type { Polygon, Position } from 'geojson';
import { checkLonLat } from './check-lon-lat';
import { InputError } from './input-error';
import { localProjection, type LocalProjection, type XY } from './local-projection';
import { ringSignedArea } from './ring-signed-area';
import { segmentsIntersect } from './segments-intersect';
import { pointInRing } from './point-in-ring';

/** A checked polygon in local metres: open rings, outer counter-clockwise, holes clockwise. */
export interface LocalPolygon {
  readonly projection: LocalProjection;
  readonly outer: readonly XY[];
  readonly holes: readonly (readonly XY[])[];
  readonly areaSqM: number;
}

export interface ValidatePolygonLimits {
  readonly maxAreaSqM: number;
  readonly maxVertices: number;
}

const WHAT = { zh: '边界', en: 'Boundary' };

/** Below this a ring has no area (1 m²): a sliver or a line drawn as a polygon. */
const MIN_AREA_SQ_M = 1;

const fail = (code: 'NOT_POLYGON' | 'TOO_FEW_POINTS' | 'RING_NOT_CLOSED', zh: string, en: string) =>
  new InputError(code, zh, en);

/** Drops consecutive repeats and the closing position: an open ring of distinct neighbours. */
const openRing = (ring: readonly XY[]): XY[] => {
  const out: XY[] = [];
  for (const p of ring) {
    const last = out[out.length - 1];
    if (!last || last[0] !== p[0] || last[1] !== p[1]) out.push(p);
  }
  const first = out[0];
  const last = out[out.length - 1];
  if (out.length > 1 && first && last && first[0] === last[0] && first[1] === last[1]) out.pop();
  return out;
};

interface Edge {
  readonly a: XY;
  readonly b: XY;
  readonly ring: number;
  readonly i: number;
  readonly n: number;
  readonly minX: number;
  readonly maxX: number;
}

const selfIntersecting = (): InputError =>
  new InputError(
    'SELF_INTERSECTING',
    '边界自相交 (或洞与外边界/其他洞相交), 请检查绘制的多边形',
    'Boundary intersects itself (or a hole touches the outline or another hole)',
  );

/**
 * Throws when any two non-adjacent edges of the polygon's rings touch, or adjacent edges fold
 * back on each other (a spike). A sweep over x keeps it near O(n log n) for real outlines.
 */
const checkSimple = (rings: readonly (readonly XY[])[]): void => {
  const edges: Edge[] = [];
  rings.forEach((ring, r) => {
    const n = ring.length;
    for (let i = 0; i < n; i++) {
      const a = ring[i] as XY;
      const b = ring[(i + 1) % n] as XY;
      const c = ring[(i + 2) % n] as XY;
      // Spike: b→c runs back along a→b.
      const cross = (b[0] - a[0]) * (c[1] - b[1]) - (b[1] - a[1]) * (c[0] - b[0]);
      const dot = (b[0] - a[0]) * (c[0] - b[0]) + (b[1] - a[1]) * (c[1] - b[1]);
      if (Math.abs(cross) <= 1e-9 && dot < 0) throw selfIntersecting();
      edges.push({
        a,
        b,
        ring: r,
        i,
        n,
        minX: Math.min(a[0], b[0]),
        maxX: Math.max(a[0], b[0]),
      });
    }
  });
  edges.sort((e, f) => e.minX - f.minX);
  for (let k = 0; k < edges.length; k++) {
    const e = edges[k] as Edge;
    for (let m = k + 1; m < edges.length; m++) {
      const f = edges[m] as Edge;
      if (f.minX > e.maxX) break;
      if (e.ring === f.ring) {
        const d = Math.abs(e.i - f.i);
        if (d === 1 || d === e.n - 1) continue; // neighbours share a vertex
      }
      if (segmentsIntersect(e.a, e.b, f.a, f.b)) throw selfIntersecting();
    }
  }
};

/**
 * Checks a GeoJSON Polygon given in WGS84 lon/lat and projects it to metres on the tangent
 * plane at the mean of its outline's vertices. Throws an InputError (zh + en) for: not a
 * Polygon, invalid or swapped coordinates, a ring with fewer than 4 positions or not closed,
 * self-intersection, a hole outside the outline or inside another hole, no area, an area
 * beyond `maxAreaSqM`, or more than `maxVertices` positions. Does not modify its input.
 */
export function validatePolygon(geometry: unknown, limits: ValidatePolygonLimits): LocalPolygon {
  const g = geometry as Partial<Polygon> | null;
  if (!g || typeof g !== 'object' || g.type !== 'Polygon' || !Array.isArray(g.coordinates)) {
    throw fail(
      'NOT_POLYGON',
      `边界应为多边形 (Polygon), 收到 ${g && typeof g === 'object' ? String(g.type) : typeof g}`,
      `Boundary must be a Polygon, got ${g && typeof g === 'object' ? String(g.type) : typeof g}`,
    );
  }
  const rings = g.coordinates as unknown[];
  if (rings.length === 0 || rings.some((r) => !Array.isArray(r))) {
    throw fail('NOT_POLYGON', '多边形没有有效的环', 'Polygon has no valid ring');
  }
  let total = 0;
  for (const ring of rings as Position[][]) {
    checkLonLat(ring, WHAT);
    total += ring.length;
    if (ring.length < 4) {
      throw fail(
        'TOO_FEW_POINTS',
        `多边形的环至少需要 4 个坐标 (3 个顶点加闭合点), 收到 ${ring.length}`,
        `A polygon ring needs at least 4 positions (3 corners and the closing one), got ${ring.length}`,
      );
    }
    const first = ring[0] as Position;
    const last = ring[ring.length - 1] as Position;
    if (first[0] !== last[0] || first[1] !== last[1]) {
      throw fail(
        'RING_NOT_CLOSED',
        '多边形的环未闭合: 首末坐标应相同',
        'Polygon ring is not closed: the first and last positions must be equal',
      );
    }
  }
  if (total > limits.maxVertices) {
    throw new InputError(
      'TOO_MANY_POINTS',
      `边界顶点过多 (${total} > ${limits.maxVertices}), 请简化`,
      `Boundary has too many positions (${total} > ${limits.maxVertices}); simplify it`,
    );
  }
  const outerLonLat = rings[0] as Position[];
  let sx = 0;
  let sy = 0;
  const m = outerLonLat.length - 1;
  for (let i = 0; i < m; i++) {
    sx += (outerLonLat[i] as Position)[0] as number;
    sy += (outerLonLat[i] as Position)[1] as number;
  }
  const projection = localProjection([sx / m, sy / m]);
  const local = (rings as Position[][]).map((r) => openRing(r.map((p) => projection.toLocal(p))));
  for (const r of local) {
    if (r.length < 3) {
      throw fail(
        'TOO_FEW_POINTS',
        '多边形的环去除重复点后不足 3 个顶点',
        'A polygon ring has fewer than 3 distinct corners',
      );
    }
  }
  checkSimple(local);
  const [outerRaw, ...holesRaw] = local as [XY[], ...XY[][]];
  const outerArea = ringSignedArea(outerRaw);
  const outer = outerArea >= 0 ? outerRaw : [...outerRaw].reverse();
  const holes = holesRaw.map((h) => (ringSignedArea(h) <= 0 ? h : [...h].reverse()));
  holes.forEach((h, k) => {
    if (!pointInRing(h[0] as XY, outer)) {
      throw new InputError(
        'SELF_INTERSECTING',
        `第 ${k + 1} 个洞不在外边界内`,
        `Hole ${k + 1} lies outside the outline`,
      );
    }
    holes.forEach((o, j) => {
      if (j !== k && pointInRing(h[0] as XY, o)) {
        throw new InputError(
          'SELF_INTERSECTING',
          `第 ${k + 1} 个洞位于第 ${j + 1} 个洞内`,
          `Hole ${k + 1} lies inside hole ${j + 1}`,
        );
      }
    });
  });
  const areaSqM = Math.abs(outerArea) - holes.reduce((s, h) => s + Math.abs(ringSignedArea(h)), 0);
  if (areaSqM < MIN_AREA_SQ_M) {
    throw new InputError(
      'DEGENERATE',
      `边界面积过小 (${areaSqM.toFixed(2)} m²), 无法布置车位`,
      `Boundary has almost no area (${areaSqM.toFixed(2)} m²)`,
    );
  }
  if (areaSqM > limits.maxAreaSqM) {
    const ha = (x: number): string => (x / 10_000).toFixed(1);
    throw new InputError(
      'TOO_LARGE',
      `边界面积 ${ha(areaSqM)} ha 超过上限 ${ha(limits.maxAreaSqM)} ha, 请分块生成`,
      `Boundary area ${ha(areaSqM)} ha exceeds the ${ha(limits.maxAreaSqM)} ha limit; split it`,
    );
  }
  return { projection, outer, holes, areaSqM };
}
