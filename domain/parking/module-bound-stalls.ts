/**
 * An upper bound of the stalls a lot of `areaSqM` can hold at one stall geometry: every stall
 * needs its own footprint (length along the aisle × depth) plus at least half an aisle in front
 * of it (a double-loaded module shares one aisle between two rows), so no layout holds more than
 * floor(area / (length × (depth + aisle / 2))). Shown beside the layout's count ("how close to the
 * module bound"); the exact grid programme of bench/parking is tighter. 0 for a degenerate input.
 *
 * Hand case: 50 × 32.2 m = 1610 m², 90° back-in (JGJ 100 表4.3.4 2.4 / 5.3 / 5.5):
 * 2.4 × (5.3 + 2.75) = 19.32 m² → floor(83.3) = 83; drive-in (9.0 m): 2.4 × 9.8 = 23.52 → 68.
 */
export function moduleBoundStalls(
  areaSqM: number,
  dims: {
    readonly depthM: number;
    readonly lengthAlongAisleM: number;
    readonly aisleWidthM: number;
  },
): number {
  const perStall = dims.lengthAlongAisleM * (dims.depthM + dims.aisleWidthM / 2);
  if (!(areaSqM > 0) || !(perStall > 0)) return 0;
  return Math.floor(areaSqM / perStall + 1e-9);
}
