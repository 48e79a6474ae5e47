import type { XY } from '../geo/local-projection';

export interface PolylinePoint {
  /** Segment index plus the fraction along it: 0 at the first vertex, n − 1 at the last. */
  readonly param: number;
  readonly xy: XY;
  readonly distanceM: number;
}

/** The point of a polyline (local metres) closest to `p`; the first one on ties. */
export function closestOnPolyline(points: readonly XY[], p: XY): PolylinePoint {
  let best: PolylinePoint = { param: 0, xy: points[0] as XY, distanceM: Infinity };
  for (let i = 0; i + 1 < points.length; i++) {
    const a = points[i] as XY;
    const b = points[i + 1] as XY;
    const dx = b[0] - a[0];
    const dy = b[1] - a[1];
    const len2 = dx * dx + dy * dy;
    const t =
      len2 === 0 ? 0 : Math.max(0, Math.min(1, ((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / len2));
    const xy: XY = [a[0] + t * dx, a[1] + t * dy];
    const d = Math.hypot(p[0] - xy[0], p[1] - xy[1]);
    if (d < best.distanceM) best = { param: i + t, xy, distanceM: d };
  }
  return best;
}
