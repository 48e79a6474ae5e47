import type { XY } from './local-projection';

/**
 * Signed area of a ring in local metres (shoelace), positive when counter-clockwise. The ring
 * may be closed (last = first) or open; both give the same result.
 */
export function ringSignedArea(ring: readonly XY[]): number {
  let sum = 0;
  const n = ring.length;
  for (let i = 0; i < n; i++) {
    const a = ring[i] as XY;
    const b = ring[(i + 1) % n] as XY;
    sum += a[0] * b[1] - b[0] * a[1];
  }
  return sum / 2;
}
