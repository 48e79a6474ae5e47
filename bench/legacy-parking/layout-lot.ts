import { frame } from '../../domain/geo/frame';
import type { XY } from '../../domain/geo/local-projection';
import { candidateAngles } from '../../domain/parking/candidate-angles';
import { frameRegion } from '../../domain/parking/frame-region';
import { layoutLotAtAngle } from './layout-lot-at-angle';
import type { LocalShapes } from '../../domain/parking/local-shapes';
import type { PlannedAisle, PlannedRow } from '../../domain/parking/planned-row';
import type { StallShape } from '../../domain/parking/stall-shape';

/** Row-position grid of the first pass over all directions, m. */
const COARSE_STEP_M = 0.5;
/** Row-position grid of the final pass, m: costs at most 0.1 m per module. */
const FINE_STEP_M = 0.1;
/** Directions refined on the fine grid, best first from the coarse pass. */
const REFINE_TOP = 3;

export interface LotPlan {
  readonly angleRad: number;
  readonly rows: PlannedRow[];
  readonly aisles: PlannedAisle[];
  readonly count: number;
}

/**
 * Plans double-loaded rows over a lot: tries every candidate aisle direction (the lot's edge
 * directions and a 5° sweep, or only `fixedAngleRad`) with the row programme on a coarse grid,
 * refines the best few on a fine grid, and keeps the one that `score`s highest (the caller
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
  fillers: readonly StallShape[] = [],
): LotPlan {
  const angles = fixedAngleRad === undefined ? candidateAngles(rings) : [fixedAngleRad];
  const run = (angleRad: number, stepM: number, withFillers: readonly StallShape[]) => {
    const f = frame(angleRad);
    const layout = layoutLotAtAngle(
      frameRegion(f, rings, stallAvoid),
      frameRegion(f, rings, aisleAvoid),
      shape,
      stepM,
      withFillers,
    );
    return { f, layout };
  };
  // The coarse pass ranks directions by the main modules alone (fillers would multiply its
  // cost by their number); the refined ones get the fillers.
  const coarse = angles
    .map((angleRad, i) => ({ angleRad, i, count: run(angleRad, COARSE_STEP_M, []).layout.count }))
    .sort((p, q) => q.count - p.count || p.i - q.i)
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
      aisles: layout.aisles.map(([y0, y1], ai) => ({
        frame: f,
        y0,
        y1,
        widthM: layout.rows.find((r) => r.aisle === ai)?.shape.aisleWidthM ?? shape.aisleWidthM,
      })),
    };
    const value = score(plan.rows);
    if (value > bestScore) {
      best = plan;
      bestScore = value;
    }
  }
  return best ?? { angleRad: angles[0] ?? 0, count: 0, rows: [], aisles: [] };
}
