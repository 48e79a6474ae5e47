import type { XY } from '../geo/local-projection';

/** Step of the even sweep of aisle directions, degrees. */
const SWEEP_STEP_DEG = 5;
/** Edges shorter than this (m) do not propose a direction: too short to hold a row. */
const MIN_EDGE_M = 2;
/** Directions closer than this (degrees) count as one. */
const SAME_DEG = 0.25;

/**
 * Aisle directions to try, radians counter-clockwise from east in [0, π): the direction of
 * every edge of the lot, ascending (rows parallel to a side usually fit best, so they come
 * first and win ties), then an even sweep every 5°, ascending.
 */
export function candidateAngles(rings: readonly (readonly XY[])[]): number[] {
  const edges: number[] = [];
  for (const ring of rings) {
    for (let i = 0; i < ring.length; i++) {
      const a = ring[i]!;
      const b = ring[(i + 1) % ring.length]!;
      if (Math.hypot(b[0] - a[0], b[1] - a[1]) < MIN_EDGE_M) continue;
      const t = (Math.atan2(b[1] - a[1], b[0] - a[0]) * 180) / Math.PI;
      edges.push(((t % 180) + 180) % 180);
    }
  }
  const near = (t: number, list: readonly number[]): boolean =>
    list.some((u) => {
      const diff = Math.abs(t - u);
      return Math.min(diff, 180 - diff) < SAME_DEG;
    });
  const kept: number[] = [];
  // Exact edge directions first; a sweep direction close to one of them adds nothing.
  for (const t of edges) if (!near(t, kept)) kept.push(t);
  const edgeCount = kept.length;
  for (let t = 0; t < 180; t += SWEEP_STEP_DEG) if (!near(t, kept)) kept.push(t);
  const ascending = (p: number, q: number): number => p - q;
  return [
    ...kept.slice(0, edgeCount).sort(ascending),
    ...kept.slice(edgeCount).sort(ascending),
  ].map((t) => (t * Math.PI) / 180);
}
