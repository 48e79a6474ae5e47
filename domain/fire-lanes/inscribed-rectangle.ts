import type { XY } from '../geo/local-projection';
import { pointInShape } from './closest-between-shapes';
import type { ShapeM } from './types';

type Ring = readonly XY[];

const convexHull = (pts: readonly XY[]): XY[] => {
  const s = [...pts].sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const cross = (o: XY, a: XY, b: XY) =>
    (a[0] - o[0]) * (b[1] - o[1]) - (a[1] - o[1]) * (b[0] - o[0]);
  const half = (list: XY[]): XY[] => {
    const h: XY[] = [];
    for (const p of list) {
      while (h.length >= 2 && cross(h[h.length - 2] as XY, h[h.length - 1] as XY, p) <= 0) h.pop();
      h.push(p);
    }
    h.pop();
    return h;
  };
  return [...half(s), ...half([...s].reverse())];
};

/** The minimum-area bounding rectangle of a ring: its axis angle, centre and sides. */
const minAreaRect = (ring: Ring): { angle: number; centre: XY; a: number; b: number } => {
  const hull = convexHull(ring);
  let best = { angle: 0, centre: [0, 0] as XY, a: 0, b: 0, area: Infinity };
  for (let i = 0; i < hull.length; i++) {
    const p = hull[i] as XY;
    const q = hull[(i + 1) % hull.length] as XY;
    const angle = Math.atan2(q[1] - p[1], q[0] - p[0]);
    const c = Math.cos(angle);
    const s = Math.sin(angle);
    let u0 = Infinity;
    let u1 = -Infinity;
    let v0 = Infinity;
    let v1 = -Infinity;
    for (const [x, y] of hull) {
      const u = x * c + y * s;
      const v = -x * s + y * c;
      u0 = Math.min(u0, u);
      u1 = Math.max(u1, u);
      v0 = Math.min(v0, v);
      v1 = Math.max(v1, v);
    }
    const area = (u1 - u0) * (v1 - v0);
    if (area < best.area - 1e-9) {
      const uc = (u0 + u1) / 2;
      const vc = (v0 + v1) / 2;
      best = { angle, centre: [uc * c - vc * s, uc * s + vc * c], a: u1 - u0, b: v1 - v0, area };
    }
  }
  return best;
};

/** Whether the rectangle (sides a along `angle`, b across, at `centre`) lies in the polygon. */
const contains = (poly: ShapeM, angle: number, centre: XY, a: number, b: number): boolean => {
  const c = Math.cos(angle);
  const s = Math.sin(angle);
  const at = (u: number, v: number): XY => [centre[0] + u * c - v * s, centre[1] + u * s + v * c];
  const probes: XY[] = [];
  for (const u of [-a / 2, 0, a / 2]) for (const v of [-b / 2, 0, b / 2]) probes.push(at(u, v));
  if (!probes.every((p) => pointInShape(p, poly))) return false;
  // No polygon corner strictly inside the rectangle (a notch or hole cutting into it).
  for (const rings of poly.polygons)
    for (const r of rings)
      for (const [x, y] of r) {
        const dx = x - centre[0];
        const dy = y - centre[1];
        const u = dx * c + dy * s;
        const v = -dx * s + dy * c;
        if (Math.abs(u) < a / 2 - 1e-6 && Math.abs(v) < b / 2 - 1e-6) return false;
      }
  return true;
};

const oneOf = (rings: readonly Ring[]): ShapeM => ({
  points: [],
  lines: [],
  polygons: [rings],
  bbox: [0, 0, 0, 0],
});

/**
 * Side of the largest square that fits in one of the shape's polygons, in metres, with the
 * square aligned to the polygon's minimum-area bounding rectangle and centred in it. Exact for
 * rectangles (a drawn turnaround or rescue site); for other shapes a lower bound, found by
 * bisection to 1 mm.
 */
export function largestSquareSideM(shape: ShapeM): number {
  let best = 0;
  for (const rings of shape.polygons) {
    const r = minAreaRect(rings[0] ?? []);
    let lo = 0;
    let hi = Math.min(r.a, r.b) + 1e-9;
    if (contains(oneOf(rings), r.angle, r.centre, hi - 2e-9, hi - 2e-9)) lo = hi - 2e-9;
    else
      while (hi - lo > 1e-3) {
        const m = (lo + hi) / 2;
        if (contains(oneOf(rings), r.angle, r.centre, m, m)) lo = m;
        else hi = m;
      }
    best = Math.max(best, lo);
  }
  return best;
}

/**
 * Whether a `lengthM` × `widthM` rectangle fits in one of the shape's polygons, aligned to its
 * minimum-area bounding rectangle (either way round) and centred in it.
 */
export function fitsRectangle(shape: ShapeM, lengthM: number, widthM: number): boolean {
  const eps = 1e-3;
  return shape.polygons.some((rings) => {
    const r = minAreaRect(rings[0] ?? []);
    const poly = oneOf(rings);
    return (
      contains(poly, r.angle, r.centre, lengthM - eps, widthM - eps) ||
      contains(poly, r.angle, r.centre, widthM - eps, lengthM - eps)
    );
  });
}

/** Sides of the shape's first polygon's minimum-area bounding rectangle, the longer first. */
export function rectangleSidesM(shape: ShapeM): { lengthM: number; widthM: number } {
  const r = minAreaRect(shape.polygons[0]?.[0] ?? []);
  return { lengthM: Math.max(r.a, r.b), widthM: Math.min(r.a, r.b) };
}
