import type { XY } from '../geo/local-projection';
import { RULES } from '../standards/rules';
import { closestBetweenShapes } from './closest-between-shapes';
import type { DeadEnd } from './find-dead-ends';
import type { GridIndex } from './grid-index';
import { largestSquareSideM } from './inscribed-rectangle';
import { makeViolation, roundM } from './make-violation';
import type {
  FireLaneViolation,
  ResolvedFireLaneOptions,
  Scenario,
  ScenarioFeature,
} from './types';

/** The best polygon tagged `turnaround: true` within reach of a point, by largest square. */
const bestTurnaround = (
  scenario: Scenario,
  index: GridIndex,
  xy: XY,
  reach: number,
): { sideM: number; f: ScenarioFeature } | undefined => {
  const at = { points: [xy], lines: [], polygons: [], bbox: [xy[0], xy[1], xy[0], xy[1]] } as const;
  let best: { sideM: number; f: ScenarioFeature } | undefined;
  for (const fi of index.near(at.bbox, reach)) {
    const f = scenario.features[fi] as ScenarioFeature;
    if (f.props.turnaround !== true || f.shape.polygons.length === 0) continue;
    if (closestBetweenShapes(at, f.shape).distanceM > reach) continue;
    const sideM = largestSquareSideM(f.shape);
    if (!best || sideM > best.sideM) best = { sideM, f };
  }
  return best;
};

/**
 * Dead ends (GB 50016-2014(2018) §7.1.9: "尽头式消防车道应设置回车道或回车场，回车场的面积不应
 * 小于12m×12m；对于高层建筑，不宜小于15m×15m；供重型消防车使用时，不宜小于18m×18m"), for
 * every dead end whatever its length (findDeadEnds). Satisfied by either
 * - a 回车场: a polygon tagged `turnaround: true` (parking_area, boundary, fire_lane …) within
 *   the lane's half width of the free end, holding a square of the required side
 *   (largestSquareSideM): 12 m, 15 m when the dead end serves a high-rise building, 18 m for a
 *   lane flagged `heavy`; or
 * - a T/Y 回车道: two legs at one junction, each at least teeLegMinLength* long (12/15/18 m,
 *   RULES.fireLane.teeLegMinLengthM) and at least the minimum clear width.
 * One violation per free end without either, at the end point; measured = the largest square
 * side of the turnarounds found there (0 for none), `featureId` the best of them; the message
 * names the served high-rise building and, for a T/Y that falls short, its legs' lengths.
 */
export function checkDeadEnds(
  scenario: Scenario,
  index: GridIndex,
  opts: ResolvedFireLaneOptions,
  deadEnds: readonly DeadEnd[],
): FireLaneViolation[] {
  const rule = RULES.fireLane.turnaroundSideM;
  const out: FireLaneViolation[] = [];
  for (const d of deadEnds) {
    if (d.teeOk) continue;
    const required = d.requiredSideM;
    const why = d.highRise
      ? {
          zh: `, 服务高层建筑 ${d.highRise.id}`,
          en: `, serving high-rise building ${d.highRise.id}`,
        }
      : { zh: '', en: '' };
    const tee =
      d.kind === 'tee'
        ? {
            zh: `; T/Y 形回车道各支 ${d.legs.map((l) => roundM(l.run.lengthM)).join(' m / ')} m, 应各不小于 ${d.teeLegMinM} m 且宽度不小于 ${opts.minClearWidthM} m`,
            en: `; its T/Y legs are ${d.legs.map((l) => roundM(l.run.lengthM)).join(' m / ')} m, each should be ≥ ${d.teeLegMinM} m and ≥ ${opts.minClearWidthM} m wide`,
          }
        : { zh: '', en: '' };
    for (const leg of d.legs) {
      const best = bestTurnaround(
        scenario,
        index,
        leg.end.xy,
        Math.max(opts.snapToleranceM, leg.lane.halfM),
      );
      if (best && best.sideM >= required - 0.005) continue;
      const found = best
        ? {
            zh: `回车场 ${best.f.id} 仅容 ${roundM(best.sideM)} m 见方`,
            en: `turnaround ${best.f.id} holds only a ${roundM(best.sideM)} m square`,
          }
        : { zh: '端部无回车场或回车道', en: 'no turnaround or turning head at its end' };
      out.push(
        makeViolation(scenario.projection, { type: 'Point', xy: leg.end.xy }, rule, {
          ruleId: 'dead-end',
          severity: 'error',
          laneId: leg.lane.id,
          ...(best ? { featureId: best.f.id } : {}),
          measured: best?.sideM ?? 0,
          required,
          unit: 'm',
          messageZh: `尽头式消防车道 ${leg.lane.id} (尽端长 ${roundM(leg.run.lengthM)} m${why.zh}): ${found.zh}${tee.zh}, 应设回车道或不小于 ${required} m × ${required} m 的回车场`,
          messageEn: `Dead-end fire lane ${leg.lane.id} (${roundM(leg.run.lengthM)} m from its last junction${why.en}): ${found.en}${tee.en}; needs a turning head or a ${required} × ${required} m turnaround`,
        }),
      );
    }
  }
  return out;
}
