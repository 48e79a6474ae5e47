import type { XY } from './local-projection';

/** Sides of the polygon that stands in for a circle. */
const CIRCLE_SIDES = 16;

/**
 * A regular polygon around `centre` that contains the circle of `radiusM` (its edges touch
 * the circle), counter-clockwise: a conservative stand-in for a round cap, joint or tree pit.
 */
export function circlePolygon(centre: XY, radiusM: number, sides = CIRCLE_SIDES): XY[] {
  const r = radiusM / Math.cos(Math.PI / sides);
  const out: XY[] = [];
  for (let i = 0; i < sides; i++) {
    const t = (2 * Math.PI * (i + 0.5)) / sides;
    out.push([centre[0] + r * Math.cos(t), centre[1] + r * Math.sin(t)]);
  }
  return out;
}

/**
 * The area within `halfWidthM` of a polyline, in local metres, as overlapping counter-clockwise
 * rings (one rectangle per segment, one circle per vertex): their union — the points where the
 * rings' nonzero winding is positive — is the buffer with round caps and joins, slightly
 * enlarged at the circles (conservative). Callers test nonzero winding, so no union is needed.
 */
export function bufferPolyline(points: readonly XY[], halfWidthM: number): XY[][] {
  const rings: XY[][] = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const a = points[i] as XY;
    const b = points[i + 1] as XY;
    const len = Math.hypot(b[0] - a[0], b[1] - a[1]);
    if (len === 0) continue;
    const nx = (-(b[1] - a[1]) / len) * halfWidthM;
    const ny = ((b[0] - a[0]) / len) * halfWidthM;
    rings.push([
      [a[0] - nx, a[1] - ny],
      [b[0] - nx, b[1] - ny],
      [b[0] + nx, b[1] + ny],
      [a[0] + nx, a[1] + ny],
    ]);
  }
  for (const p of points) rings.push(circlePolygon(p, halfWidthM));
  return rings;
}
