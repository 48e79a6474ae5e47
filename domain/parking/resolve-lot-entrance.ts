import type { Feature, FeatureCollection, Point, Position } from 'geojson';
import { checkLonLat } from '../geo/check-lon-lat';
import { InputError } from '../geo/input-error';
import type { LocalProjection, XY } from '../geo/local-projection';
import { nearestPointOnSegment } from '../geo/nearest-point-on-segment';
import { RULES } from '../standards/rules';
import { obstaclesToLocal } from './obstacles-to-local';
import type { EntranceProperties } from './types';

/** Roads farther than this from the lot (m) are not looked at for the default entrance. */
const ROAD_SEARCH_M = 500;

export interface LotEntrance {
  readonly pointLocal: XY;
  readonly properties: EntranceProperties;
}

const bad = (zh: string, en: string): InputError =>
  new InputError('INVALID_ENTRANCE', `出入口无效: ${zh}`, `Invalid entrance: ${en}`);

/** The point of the ring's edges nearest to p, and its distance. */
const nearestOnRing = (p: XY, ring: readonly XY[]): { q: XY; d: number } => {
  let best: { q: XY; d: number } = { q: ring[0]!, d: Infinity };
  ring.forEach((a, i) => {
    const q = nearestPointOnSegment(p, a, ring[(i + 1) % ring.length]!);
    const d = Math.hypot(q[0] - p[0], q[1] - p[1]);
    if (d < best.d) best = { q, d };
  });
  return best;
};

const asPosition = (e: Position | Point | Feature<Point>): Position | undefined => {
  if (Array.isArray(e)) return e;
  const g = (e as Feature).type === 'Feature' ? (e as Feature).geometry : (e as Point);
  return g && g.type === 'Point' ? g.coordinates : undefined;
};

/**
 * Where cars enter a lot, on its outer edge (local metres): the caller's point moved onto the
 * nearest point of the edge (refused with INVALID_ENTRANCE farther than
 * RULES.parking.entranceMaxOffEdgeM); else the point of the edge nearest to any of `roads`
 * (lines, or areas by their outlines) within 500 m; else the middle of the longest outer edge
 * (the first of equal ones), where a lot usually meets its access road.
 */
export function resolveLotEntrance(
  outer: readonly XY[],
  projection: LocalProjection,
  entrance: Position | Point | Feature<Point> | undefined,
  roads: FeatureCollection | undefined,
): LotEntrance {
  if (entrance !== undefined) {
    const pos = entrance === null ? undefined : asPosition(entrance);
    if (!pos || pos.length < 2)
      throw bad('应为 [经度, 纬度] 或 GeoJSON 点', 'must be [lon, lat] or a GeoJSON Point');
    checkLonLat([pos], { zh: '出入口', en: 'Entrance' });
    const p = projection.toLocal(pos);
    const { q, d } = nearestOnRing(p, outer);
    const max = RULES.parking.entranceMaxOffEdgeM.value;
    if (d > max)
      throw bad(
        `距停车场边界 ${d.toFixed(1)} m, 超过 ${max} m`,
        `${d.toFixed(1)} m from the lot edge, more than ${max} m`,
      );
    return { pointLocal: q, properties: { source: 'given', offsetM: round(d) } };
  }
  if (roads !== undefined) {
    let minX = Infinity;
    let minY = Infinity;
    let maxX = -Infinity;
    let maxY = -Infinity;
    for (const [x, y] of outer) {
      minX = Math.min(minX, x);
      minY = Math.min(minY, y);
      maxX = Math.max(maxX, x);
      maxY = Math.max(maxY, y);
    }
    const m = ROAD_SEARCH_M;
    const local = obstaclesToLocal(roads, projection, 'roads', [
      minX - m,
      minY - m,
      maxX + m,
      maxY + m,
    ]);
    const segs: [XY, XY][] = [...local.segments.map(([a, b]): [XY, XY] => [a, b])];
    for (const r of local.rings) r.forEach((a, i) => segs.push([a, r[(i + 1) % r.length]!]));
    let best: { q: XY; d: number } | undefined;
    // The closest pair of points of two segments is a crossing (distance 0) or has an end point
    // of one of them: try both ways round, then crossings.
    for (const [a, b] of segs) {
      for (const p of [a, b]) {
        const n = nearestOnRing(p, outer);
        if (!best || n.d < best.d - 1e-9) best = n;
      }
      outer.forEach((c, i) => {
        const d = outer[(i + 1) % outer.length]!;
        for (const p of [c, d]) {
          const q = nearestPointOnSegment(p, a, b);
          const dist = Math.hypot(q[0] - p[0], q[1] - p[1]);
          if (!best || dist < best.d - 1e-9) best = { q: p, d: dist };
        }
        const x = crossing(a, b, c, d);
        if (x && (!best || best.d > 1e-9)) best = { q: x, d: 0 };
      });
    }
    if (best && best.d <= m)
      return { pointLocal: best.q, properties: { source: 'nearestRoad', offsetM: round(best.d) } };
  }
  let longest = -1;
  let mid: XY = outer[0]!;
  outer.forEach((a, i) => {
    const b = outer[(i + 1) % outer.length]!;
    const len = Math.hypot(b[0] - a[0], b[1] - a[1]);
    if (len > longest + 1e-9) {
      longest = len;
      mid = [(a[0] + b[0]) / 2, (a[1] + b[1]) / 2];
    }
  });
  return { pointLocal: mid, properties: { source: 'longestEdge', offsetM: 0 } };
}

const round = (m: number): number => Math.round(m * 100) / 100;

/** Where segments a–b and c–d cross, if they do (not when parallel). */
const crossing = (a: XY, b: XY, c: XY, d: XY): XY | undefined => {
  const r: XY = [b[0] - a[0], b[1] - a[1]];
  const s: XY = [d[0] - c[0], d[1] - c[1]];
  const den = r[0] * s[1] - r[1] * s[0];
  if (Math.abs(den) < 1e-12) return undefined;
  const t = ((c[0] - a[0]) * s[1] - (c[1] - a[1]) * s[0]) / den;
  const u = ((c[0] - a[0]) * r[1] - (c[1] - a[1]) * r[0]) / den;
  if (t < 0 || t > 1 || u < 0 || u > 1) return undefined;
  return [a[0] + t * r[0], a[1] + t * r[1]];
};
