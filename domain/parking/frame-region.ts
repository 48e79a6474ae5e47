import type { Frame } from '../geo/frame';
import type { XY } from '../geo/local-projection';
import type { LocalShapes } from './local-shapes';

/**
 * A region in a row frame as flat edge arrays [x1, y1, x2, y2, …], ready for band queries.
 * Free = inside `boundary` (nonzero winding; everywhere within [xMin, xMax] when there is no
 * boundary), outside `blockers` (zero winding), and not crossed by `segments`.
 */
export interface FrameRegion {
  readonly boundary: Float64Array | undefined;
  readonly blockers: Float64Array;
  readonly segments: Float64Array;
  readonly xMin: number;
  readonly xMax: number;
  readonly yMin: number;
  readonly yMax: number;
  /** Working space for band queries (two numbers per edge). */
  readonly scratch: Float64Array;
}

const ringEdges = (rings: readonly (readonly XY[])[], f: Frame, out: number[]): void => {
  for (const ring of rings) {
    const n = ring.length;
    for (let i = 0; i < n; i++) {
      const a = f.toFrame(ring[i] as XY);
      const b = f.toFrame(ring[(i + 1) % n] as XY);
      out.push(a[0], a[1], b[0], b[1]);
    }
  }
};

/**
 * Moves a region into `f`: the lot (or none, for a kerb row, which is then bounded by
 * [xMin, xMax] in the frame), the areas to avoid and the barrier lines.
 */
export function frameRegion(
  f: Frame,
  boundary: readonly (readonly XY[])[] | undefined,
  avoid: LocalShapes,
  xRange: readonly [number, number] = [-Infinity, Infinity],
): FrameRegion {
  const b: number[] = [];
  if (boundary) ringEdges(boundary, f, b);
  const o: number[] = [];
  ringEdges(avoid.rings, f, o);
  const s: number[] = [];
  for (const [p, q] of avoid.segments) {
    const a = f.toFrame(p);
    const c = f.toFrame(q);
    s.push(a[0], a[1], c[0], c[1]);
  }
  let yMin = Infinity;
  let yMax = -Infinity;
  for (let i = 1; i < b.length; i += 2) {
    const y = b[i] as number;
    if (y < yMin) yMin = y;
    if (y > yMax) yMax = y;
  }
  return {
    boundary: boundary ? Float64Array.from(b) : undefined,
    blockers: Float64Array.from(o),
    segments: Float64Array.from(s),
    xMin: xRange[0],
    xMax: xRange[1],
    yMin,
    yMax,
    scratch: new Float64Array((b.length + o.length + s.length) / 2),
  };
}
