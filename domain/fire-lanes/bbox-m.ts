import type { XY } from '../geo/local-projection';
import type { BBoxM } from './types';

/** The bounding box of points in local metres (an empty list gives an inverted box). */
export function bboxOfPoints(points: Iterable<XY>): BBoxM {
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (const [x, y] of points) {
    if (x < minX) minX = x;
    if (y < minY) minY = y;
    if (x > maxX) maxX = x;
    if (y > maxY) maxY = y;
  }
  return [minX, minY, maxX, maxY];
}

/** Whether two boxes come within `marginM` of each other: the cheap prefilter of every rule. */
export const bboxesNear = (a: BBoxM, b: BBoxM, marginM: number): boolean =>
  a[0] - marginM <= b[2] &&
  b[0] - marginM <= a[2] &&
  a[1] - marginM <= b[3] &&
  b[1] - marginM <= a[3];
