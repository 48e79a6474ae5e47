import { frame } from '../geo/frame';
import type { XY } from '../geo/local-projection';
import { candidateAngles } from './candidate-angles';
import { connectAisleNetwork, type NetworkRules } from './connect-aisle-network';
import { frameRegion } from './frame-region';
import { layoutLotAtAngle } from './layout-lot-at-angle';
import type { LocalShapes } from './local-shapes';
import type { PlannedAisle, PlannedRow } from './planned-row';
import type { StallShape } from './stall-shape';

/** Row-position grid of the first pass over all directions, m. */
const COARSE_STEP_M = 0.5;
/** Row-position grid of the final pass, m: costs at most 0.1 m per module. */
const FINE_STEP_M = 0.1;
/** Directions refined on the fine grid, best first from the coarse pass. */
const REFINE_TOP = 3;
/** Directions of the coarse pass that get their aisle network (the most stalls unconnected). */
const CONNECT_TOP = 10;

/** Where cars enter the lot (local metres, on its edge) and the network's widths. */
export interface LotEntrance {
  readonly pointLocal: XY;
  readonly rules: NetworkRules;
}

export interface LotPlan {
  readonly angleRad: number;
  readonly rows: PlannedRow[];
  readonly aisles: PlannedAisle[];
  readonly count: number;
}

/**
 * Plans double-loaded rows over a lot: tries every candidate aisle direction (the lot's edge
 * directions and a 5° sweep, or only `fixedAngleRad`) with the row programme on a coarse grid,
 * joins each direction's aisles into one network entered at `entrance` (connectAisleNetwork:
 * only stalls a car can reach count), refines the best few on a fine grid, and keeps the one
 * that `score`s highest (the caller
 * counts stalls after placing accessible ones); ties go to the earlier candidate, so the result
 * is deterministic. Stalls avoid `stallAvoid`; aisles avoid `aisleAvoid`
 * (they may run over a fire lane, stalls may not). `fillers`: stall shapes at other angles for
 * the strips the main modules leave (see `layoutLotAtAngle`).
 */
export function layoutLot(
  rings: readonly (readonly XY[])[],
  stallAvoid: LocalShapes,
  aisleAvoid: LocalShapes,
  shape: StallShape,
  fixedAngleRad: number | undefined,
  score: (rows: PlannedRow[]) => number,
  entrance: LotEntrance,
  fillers: readonly StallShape[] = [],
): LotPlan {
  const angles = fixedAngleRad === undefined ? candidateAngles(rings) : [fixedAngleRad];
  const run = (angleRad: number, stepM: number, withFillers: readonly StallShape[]) => {
    const { f, rows, aisleRegion } = unconnected(angleRad, stepM, withFillers);
    const layout = connectAisleNetwork(
      rows,
      f,
      aisleRegion,
      frameRegion(frame(angleRad + Math.PI / 2), rings, aisleAvoid),
      entrance.pointLocal,
      entrance.rules,
    );
    return { f, layout };
  };
  const unconnected = (angleRad: number, stepM: number, withFillers: readonly StallShape[]) => {
    const f = frame(angleRad);
    const aisleRegion = frameRegion(f, rings, aisleAvoid);
    const rows = layoutLotAtAngle(
      frameRegion(f, rings, stallAvoid),
      aisleRegion,
      shape,
      stepM,
      withFillers,
    );
    return { f, rows, aisleRegion };
  };
  // The coarse pass ranks directions by the main modules alone (fillers would multiply its
  // cost by their number), first unconnected, then the best of those with their network; the
  // refined ones get the fillers.
  const byCount = <T extends { count: number; i: number }>(p: T, q: T): number =>
    q.count - p.count || p.i - q.i;
  const coarse = angles
    .map((angleRad, i) => ({
      angleRad,
      i,
      count: unconnected(angleRad, COARSE_STEP_M, []).rows.count,
    }))
    .sort(byCount)
    .slice(0, CONNECT_TOP)
    .map((c) => ({ ...c, count: run(c.angleRad, COARSE_STEP_M, []).layout.count }))
    .sort(byCount)
    .slice(0, REFINE_TOP)
    .sort((p, q) => p.i - q.i);
  let best: LotPlan | undefined;
  let bestScore = -1;
  for (const c of coarse) {
    const { f, layout } = run(c.angleRad, FINE_STEP_M, fillers);
    const plan: LotPlan = {
      angleRad: f.angleRad,
      count: layout.count,
      rows: layout.rows.map((r) => ({ frame: f, ...r })),
      aisles: layout.aisles.map((a) => ({ frame: f, ...a })),
    };
    const value = score(plan.rows);
    if (value > bestScore) {
      best = plan;
      bestScore = value;
    }
  }
  return best ?? { angleRad: angles[0] ?? 0, count: 0, rows: [], aisles: [] };
}
