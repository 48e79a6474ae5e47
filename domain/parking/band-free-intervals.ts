import type { FrameRegion } from './frame-region';

/** Coordinates closer than this (m) count as equal: absorbs rounding from rotations. */
const EPS_M = 1e-9;

/** Winding number of the closed edges [x1, y1, x2, y2, …] around (x, y) (nonzero rule). */
const winding = (e: Float64Array, x: number, y: number): number => {
  let w = 0;
  for (let i = 0; i < e.length; i += 4) {
    const x1 = e[i]!;
    const y1 = e[i + 1]!;
    const x2 = e[i + 2]!;
    const y2 = e[i + 3]!;
    if (y1 <= y) {
      if (y2 > y && (x2 - x1) * (y - y1) - (x - x1) * (y2 - y1) > 0) w++;
    } else if (y2 <= y && (x2 - x1) * (y - y1) - (x - x1) * (y2 - y1) < 0) w--;
  }
  return w;
};

/** Appends the x-extent of each edge's part inside the open band (y0, y1) to `out` at `n`. */
const collect = (e: Float64Array, y0: number, y1: number, out: Float64Array, n: number): number => {
  const lo = y0 + EPS_M;
  const hi = y1 - EPS_M;
  for (let i = 0; i < e.length; i += 4) {
    const ya = e[i + 1]!;
    const yb = e[i + 3]!;
    if ((ya <= lo && yb <= lo) || (ya >= hi && yb >= hi)) continue;
    const x1 = e[i]!;
    const x2 = e[i + 2]!;
    let xa = x1;
    let xb = x2;
    if (ya !== yb) {
      // Clip to the band: the parts outside it do not block it.
      const dx = (x2 - x1) / (yb - ya);
      xa = x1 + ((ya < y0 ? y0 : ya > y1 ? y1 : ya) - ya) * dx;
      xb = x1 + ((yb < y0 ? y0 : yb > y1 ? y1 : yb) - ya) * dx;
    }
    if (xa <= xb) {
      out[n] = xa;
      out[n + 1] = xb;
    } else {
      out[n] = xb;
      out[n + 1] = xa;
    }
    n += 2;
  }
  return n;
};

/** Sorts the pairs (start, end) in `v[0 .. n)` by start, in place. */
const sortPairs = (v: Float64Array, n: number): void => {
  if (n > 64) {
    const pairs: [number, number][] = [];
    for (let i = 0; i < n; i += 2) pairs.push([v[i]!, v[i + 1]!]);
    pairs.sort((p, q) => p[0] - q[0]);
    pairs.forEach(([a, b], k) => {
      v[2 * k] = a;
      v[2 * k + 1] = b;
    });
    return;
  }
  for (let i = 2; i < n; i += 2) {
    const s = v[i]!;
    const e = v[i + 1]!;
    let j = i - 2;
    while (j >= 0 && v[j]! > s) {
      v[j + 2] = v[j]!;
      v[j + 3] = v[j + 1]!;
      j -= 2;
    }
    v[j + 2] = s;
    v[j + 3] = e;
  }
};

/**
 * The x-intervals [a0, b0, a1, b1, …] (ascending, disjoint) over which the whole band
 * y0 ≤ y ≤ y1 of the frame is free: every vertical segment {x} × [y0, y1] lies inside the
 * region. An x is blocked where some edge crosses the band's interior there; between blocked
 * x-ranges the band is uniformly inside or outside, decided by winding at the gap's middle.
 * Edges lying exactly on the band's edges do not block it, so a lot's own straight sides do not
 * cost a row. Cost O(E) plus sorting the edges that cross the band.
 */
export function bandFreeIntervals(r: FrameRegion, y0: number, y1: number): number[] {
  const iv = r.scratch;
  let n = 0;
  if (r.boundary) n = collect(r.boundary, y0, y1, iv, n);
  n = collect(r.blockers, y0, y1, iv, n);
  n = collect(r.segments, y0, y1, iv, n);
  sortPairs(iv, n);
  const ym = (y0 + y1) / 2;
  const out: number[] = [];
  const hasBlockers = r.blockers.length > 0;
  let cursor = -Infinity;
  for (let i = 0; i <= n; i += 2) {
    const s = i < n ? iv[i]! : Infinity;
    if (s > cursor) {
      // A gap (cursor, s) with no edge crossing the band: free if inside the region.
      const a = cursor > r.xMin ? cursor : r.xMin;
      const b = s < r.xMax ? s : r.xMax;
      if (b - a > EPS_M) {
        let free: boolean;
        if (r.boundary) {
          free = a !== -Infinity && b !== Infinity && winding(r.boundary, (a + b) / 2, ym) !== 0;
        } else free = true;
        if (free && hasBlockers) {
          const xm = a === -Infinity ? b - 1 : b === Infinity ? a + 1 : (a + b) / 2;
          free = winding(r.blockers, xm, ym) === 0;
        }
        if (free) out.push(a, b);
      }
    }
    if (i < n && iv[i + 1]! > cursor) cursor = iv[i + 1]!;
  }
  return out;
}
