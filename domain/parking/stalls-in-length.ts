import type { StallShape } from './stall-shape';

/** Slack (m) granted when testing whether stalls fit, against floating-point rounding. */
const FIT_EPS_M = 1e-7;

/**
 * How many stalls of `shape` fit along a free run of `lengthM`, with `accessibleAisles`
 * wheelchair aisles inserted between them: n stalls take (n − 1)·pitch + extent + k·step.
 */
export function stallsInLength(shape: StallShape, lengthM: number, accessibleAisles = 0): number {
  const room = lengthM - shape.extentM - accessibleAisles * shape.accessibleStepM + FIT_EPS_M;
  return room < 0 ? 0 : Math.floor(room / shape.pitchM) + 1;
}

/** Stalls along a list of free intervals [a0, b0, …]. */
export function stallsInIntervals(shape: StallShape, intervals: readonly number[]): number {
  let n = 0;
  for (let i = 0; i < intervals.length; i += 2)
    n += stallsInLength(shape, intervals[i + 1]! - intervals[i]!);
  return n;
}
