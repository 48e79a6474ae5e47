import { frame } from '../geo/frame';
import type { XY } from '../geo/local-projection';
import { bandFreeIntervals } from './band-free-intervals';
import { frameRegion } from './frame-region';
import type { LocalShapes } from './local-shapes';
import type { PlannedRow } from './planned-row';
import type { StallShape } from './stall-shape';
import { stallsInLength } from './stalls-in-length';

/**
 * One row per segment of a kerb line, on its left or right side (walking from the first point
 * to the last), the road itself serving as the aisle. A row's free runs avoid `avoid` (areas and
 * barriers), every other segment of the kerb (stalls never cross it), and the runs of earlier
 * rows, so rows meeting at an inside corner do not overlap.
 */
export function planKerbRows(
  points: readonly XY[],
  side: 'left' | 'right',
  shape: StallShape,
  avoid: LocalShapes,
): PlannedRow[] {
  const facing = side === 'left' ? 1 : -1;
  const [y0, y1] = facing === 1 ? [0, shape.depthM] : [-shape.depthM, 0];
  const kerb: [XY, XY][] = [];
  for (let i = 0; i + 1 < points.length; i++) kerb.push([points[i]!, points[i + 1]!]);
  const taken: XY[][] = [];
  const rows: PlannedRow[] = [];
  kerb.forEach(([a, b]) => {
    const lengthM = Math.hypot(b[0] - a[0], b[1] - a[1]);
    const f = frame(Math.atan2(b[1] - a[1], b[0] - a[0]), a);
    const region = frameRegion(
      f,
      undefined,
      { rings: [...avoid.rings, ...taken], segments: [...avoid.segments, ...kerb] },
      [0, lengthM],
    );
    const intervals = bandFreeIntervals(region, y0, y1);
    rows.push({ frame: f, frontY: 0, facing, intervals });
    for (let i = 0; i < intervals.length; i += 2) {
      const u0 = intervals[i]!;
      const u1 = intervals[i + 1]!;
      if (stallsInLength(shape, u1 - u0) === 0) continue;
      taken.push(
        (
          [
            [u0, y0],
            [u1, y0],
            [u1, y1],
            [u0, y1],
          ] as XY[]
        ).map((p) => f.toWorld(p)),
      );
    }
  });
  return rows;
}
