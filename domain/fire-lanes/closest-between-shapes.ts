import type { XY } from '../geo/local-projection';
import type { ShapeM } from './types';
import { pointInRing } from '../geo/point-in-ring';

export interface Closest {
  readonly distanceM: number;
  /** The closest point on the first shape, and on the second. */
  readonly onA: XY;
  readonly onB: XY;
}

type Seg = readonly [XY, XY];

const cross = (o: XY, a: XY, b: XY): number =>
  (a[0] - o[0]) * (b[1] - o[1]) - (a[1] - o[1]) * (b[0] - o[0]);

/** The crossing point of two segments that properly cross, else undefined. */
const crossing = (s: Seg, t: Seg): XY | undefined => {
  const d1 = cross(t[0], t[1], s[0]);
  const d2 = cross(t[0], t[1], s[1]);
  const d3 = cross(s[0], s[1], t[0]);
  const d4 = cross(s[0], s[1], t[1]);
  if (d1 > 0 === d2 > 0 || d1 === 0 || d2 === 0 || d3 > 0 === d4 > 0 || d3 === 0 || d4 === 0)
    return undefined;
  const k = d1 / (d1 - d2);
  return [s[0][0] + k * (s[1][0] - s[0][0]), s[0][1] + k * (s[1][1] - s[0][1])];
};

/** `best`, or the pair (p, its closest point on seg) if nearer; `pIsA` says which shape p is on. */
const nearer = (best: Closest, p: XY, seg: Seg, pIsA: boolean): Closest => {
  const a = seg[0];
  const b = seg[1];
  const dx = b[0] - a[0];
  const dy = b[1] - a[1];
  const len2 = dx * dx + dy * dy;
  const t =
    len2 === 0 ? 0 : Math.max(0, Math.min(1, ((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / len2));
  const qx = a[0] + t * dx;
  const qy = a[1] + t * dy;
  const d = Math.hypot(p[0] - qx, p[1] - qy);
  if (d >= best.distanceM) return best;
  const q: XY = [qx, qy];
  return pIsA ? { distanceM: d, onA: p, onB: q } : { distanceM: d, onA: q, onB: p };
};

const segmentsOf = (s: ShapeM): Seg[] => {
  const out: Seg[] = s.points.map((p) => [p, p] as const);
  for (const l of s.lines)
    for (let i = 0; i + 1 < l.length; i++) out.push([l[i] as XY, l[i + 1] as XY]);
  for (const poly of s.polygons)
    for (const ring of poly)
      for (let i = 0; i < ring.length; i++)
        out.push([ring[i] as XY, ring[(i + 1) % ring.length] as XY]);
  return out;
};

/** Whether `p` lies inside one of the shape's polygons (outer ring, not in a hole). */
export const pointInShape = (p: XY, s: ShapeM): boolean =>
  s.polygons.some(
    (poly) => pointInRing(p, poly[0] ?? []) && !poly.slice(1).some((h) => pointInRing(p, h)),
  );

const firstVertex = (s: ShapeM): XY | undefined =>
  s.points[0] ?? s.lines[0]?.[0] ?? s.polygons[0]?.[0]?.[0];

/**
 * The shortest distance between two shapes in local metres, with the closest points; 0 when
 * they overlap (a polygon contains part of the other shape, or edges cross). Brute force over
 * segment pairs: callers prefilter by bounding box, so the shapes are few and small.
 */
export function closestBetweenShapes(a: ShapeM, b: ShapeM): Closest {
  const sa = segmentsOf(a);
  const sb = segmentsOf(b);
  let best: Closest = { distanceM: Infinity, onA: [NaN, NaN], onB: [NaN, NaN] };
  for (const s of sa)
    for (const t of sb) {
      const x = crossing(s, t);
      if (x) return { distanceM: 0, onA: x, onB: x };
      best = nearer(best, s[0], t, true);
      best = nearer(best, s[1], t, true);
      best = nearer(best, t[0], s, false);
      best = nearer(best, t[1], s, false);
    }
  if (best.distanceM > 0) {
    const va = firstVertex(a);
    const vb = firstVertex(b);
    if (va && pointInShape(va, b)) return { distanceM: 0, onA: va, onB: va };
    if (vb && pointInShape(vb, a)) return { distanceM: 0, onA: vb, onB: vb };
  }
  return best;
}
