import type { XY } from './local-projection';

const orient = (a: XY, b: XY, c: XY): number =>
  (b[0] - a[0]) * (c[1] - a[1]) - (b[1] - a[1]) * (c[0] - a[0]);

const onSegment = (a: XY, b: XY, p: XY): boolean =>
  Math.min(a[0], b[0]) <= p[0] &&
  p[0] <= Math.max(a[0], b[0]) &&
  Math.min(a[1], b[1]) <= p[1] &&
  p[1] <= Math.max(a[1], b[1]);

/**
 * Whether segments ab and cd share a point (touching counts), in local metres. Orientation
 * values within `epsSqM` (m², twice a triangle's area) of zero count as collinear, so that
 * rounding in projected input does not hide a touch.
 */
export function segmentsIntersect(a: XY, b: XY, c: XY, d: XY, epsSqM = 1e-9): boolean {
  const sgn = (v: number): number => (Math.abs(v) <= epsSqM ? 0 : Math.sign(v));
  const o1 = sgn(orient(a, b, c));
  const o2 = sgn(orient(a, b, d));
  const o3 = sgn(orient(c, d, a));
  const o4 = sgn(orient(c, d, b));
  if (o1 !== o2 && o3 !== o4) return true;
  if (o1 === 0 && onSegment(a, b, c)) return true;
  if (o2 === 0 && onSegment(a, b, d)) return true;
  if (o3 === 0 && onSegment(c, d, a)) return true;
  if (o4 === 0 && onSegment(c, d, b)) return true;
  return false;
}
