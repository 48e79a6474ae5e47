import type { StallShape } from './stall-shape';
import { stallsInLength } from './stalls-in-length';

/** For one free run: wheelchair aisles inserted and accessible stalls it takes. */
export interface RunAllocation {
  readonly aisles: number;
  readonly accessible: number;
}

/**
 * Spreads `wanted` accessible stalls over free runs of the given lengths. Each wheelchair aisle
 * (GB 50763-2012 §3.14.3: 1.2 m beside the stall) serves the two stalls on its sides. Greedy:
 * each new aisle goes to the run where it costs the fewest ordinary stalls (runs with slack cost
 * none), ties to the earlier run, so the result is deterministic. Returns fewer accessible
 * stalls than wanted only when no run can take another aisle. `runShapes[i]`, when given, is
 * run i's stall shape (filler rows at another angle); otherwise `shape`.
 */
export function allocateAccessible(
  shape: StallShape,
  runLengthsM: readonly number[],
  wanted: number,
  runShapes: readonly StallShape[] = [],
): RunAllocation[] {
  const aisles = runLengthsM.map(() => 0);
  const fit = (i: number, m: number): number =>
    stallsInLength(runShapes[i] ?? shape, runLengthsM[i]!, m);
  const capacity = (i: number, m: number): number => Math.min(2 * m, fit(i, m));
  let have = 0;
  while (have < wanted) {
    let bestRun = -1;
    let bestLoss = Infinity;
    let bestGain = 0;
    for (let i = 0; i < runLengthsM.length; i++) {
      const m = aisles[i]!;
      const gain = capacity(i, m + 1) - capacity(i, m);
      if (gain <= 0) continue;
      const loss = fit(i, m) - fit(i, m + 1);
      if (loss < bestLoss || (loss === bestLoss && gain > bestGain)) {
        bestRun = i;
        bestLoss = loss;
        bestGain = gain;
      }
    }
    if (bestRun < 0) break;
    aisles[bestRun]! += 1;
    have += bestGain;
  }
  // Hand out exactly `wanted` (the last aisle may serve one stall only).
  let left = Math.min(wanted, have);
  return aisles.map((m, i) => {
    const take = Math.min(capacity(i, m), left);
    left -= take;
    return { aisles: Math.ceil(take / 2), accessible: take };
  });
}
