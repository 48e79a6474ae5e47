import type { XY } from '../geo/local-projection';
import { allocateAccessible } from './allocate-accessible';
import type { PlannedRow } from './planned-row';
import type { StallShape } from './stall-shape';
import { stallsInLength } from './stalls-in-length';

export interface PlacedStall {
  readonly row: number;
  /** Parking angle of the stall, degrees (its row's shape). */
  readonly angleDeg: number;
  /** Open ring, counter-clockwise, local metres. */
  readonly ring: XY[];
  readonly accessible: boolean;
}

export interface PlacedRows {
  readonly stalls: PlacedStall[];
  /** Wheelchair aisles (open rings, local metres). */
  readonly accessibleAisles: { row: number; ring: XY[] }[];
  /** Per row, the x-ranges [a0, b0, …] its stalls cover in the row's frame. */
  readonly usedRuns: number[][];
}

/** Corners A, B, D, C of a stall whose run starts at u0, in band coordinates (u, depth v). */
const stallCorners = (s: StallShape, u0: number): [XY, XY, XY, XY] => {
  if (s.angle === 'parallel') {
    return [
      [u0, 0],
      [u0 + s.pitchM, 0],
      [u0 + s.pitchM, s.depthM],
      [u0, s.depthM],
    ];
  }
  // The front corner B touches the front line, A and C lean back at the parking angle.
  const a: XY = [u0, s.widthM * s.cos];
  const b: XY = [u0 + s.widthM * s.sin, 0];
  const lu = s.lengthM * s.cos;
  const lv = s.lengthM * s.sin;
  return [a, b, [b[0] + lu, b[1] + lv], [a[0] + lu, a[1] + lv]];
};

/**
 * Fills planned rows with stalls: `accessibleWanted` accessible stalls first (each pair around
 * one wheelchair aisle, placed at the start of the runs chosen by `allocateAccessible`), then
 * ordinary stalls at the table pitch, each run's stalls centred in its free length. A row with
 * its own `shape` (a filler at another angle) uses it instead of `shape`. Output is
 * in row order, then along x; rings are in local metres, counter-clockwise.
 */
export function placeStalls(
  rows: readonly PlannedRow[],
  shape: StallShape,
  accessibleWanted: number,
): PlacedRows {
  const runs: { row: number; a: number; b: number }[] = [];
  rows.forEach((r, row) => {
    for (let i = 0; i < r.intervals.length; i += 2)
      runs.push({ row, a: r.intervals[i]!, b: r.intervals[i + 1]! });
  });
  const shapeOf = (row: number): StallShape => rows[row]!.shape ?? shape;
  const alloc = allocateAccessible(
    shape,
    runs.map((r) => r.b - r.a),
    accessibleWanted,
    runs.map((r) => shapeOf(r.row)),
  );
  const stalls: PlacedStall[] = [];
  const accessibleAisles: { row: number; ring: XY[] }[] = [];
  const usedRuns: number[][] = rows.map(() => []);
  runs.forEach((run, i) => {
    const { aisles, accessible } = alloc[i]!;
    const shape = shapeOf(run.row);
    const n = stallsInLength(shape, run.b - run.a, aisles);
    if (n === 0) return;
    const used = (n - 1) * shape.pitchM + shape.extentM + aisles * shape.accessibleStepM;
    const start = run.a + (run.b - run.a - used) / 2;
    const r = rows[run.row]!;
    // A row leaning towards −x is the mirror image of its run (x → a + b − x).
    const mirror = r.lean === -1;
    const toWorld = (p: XY): XY =>
      r.frame.toWorld([mirror ? run.a + run.b - p[0] : p[0], r.frontY + r.facing * p[1]]);
    const ring = (corners: readonly XY[]): XY[] => {
      const w = corners.map(toWorld);
      return (r.facing === 1) !== mirror ? w : w.reverse(); // each mirroring flips it back
    };
    usedRuns[run.row]!.push(start, start + used);
    let u = start;
    let accLeft = accessible;
    let aislesLeft = aisles;
    for (let j = 0; j < n; j++) {
      const isAccessible = accLeft > 0;
      const c = stallCorners(shape, u);
      stalls.push({
        row: run.row,
        angleDeg: shape.angleDeg,
        ring: ring(c),
        accessible: isAccessible,
      });
      u += shape.pitchM;
      if (isAccessible) accLeft--;
      // A wheelchair aisle follows the first stall of each accessible pair (or a lone one).
      const pairStart = accessible - accLeft;
      if (isAccessible && aislesLeft > 0 && (pairStart % 2 === 1 || accLeft === 0)) {
        const [, b, d] = c;
        const s = shape.accessibleStepM;
        accessibleAisles.push({
          row: run.row,
          ring: ring([b, [b[0] + s, b[1]], [d[0] + s, d[1]], d]),
        });
        u += s;
        aislesLeft--;
      }
    }
  });
  return { stalls, accessibleAisles, usedRuns };
}
