import { RULES } from '../standards/rules';
import { isHighRise } from './building-height';
import { laneShape } from './check-clear-width.rule';
import { closestBetweenShapes } from './closest-between-shapes';
import type { GridIndex } from './grid-index';
import { makeViolation, roundM } from './make-violation';
import type {
  FireLaneViolation,
  ResolvedFireLaneOptions,
  Scenario,
  ScenarioFeature,
} from './types';

/**
 * Wall distance (GB 50016-2014 §7.1.8 item 4: "消防车道靠建筑外墙一侧的边缘距离建筑外墙不宜小于
 * 5m" — "不宜", so a warning). Applies to every building by default: the clause names no building
 * class (issue 12); `wallDistanceAppliesTo: 'high-rise'` narrows it to isHighRise buildings as a
 * project's choice. A lane edge closer than the limit to a wall gives one violation per (lane,
 * building), located on the shortest line from the wall to the centreline; measured =
 * edge-to-wall distance. A building inside the clear width is left to the clear-width rule.
 */
export function checkWallDistance(
  scenario: Scenario,
  index: GridIndex,
  opts: ResolvedFireLaneOptions,
): FireLaneViolation[] {
  const rule = RULES.fireLane.minDistanceFromWallM;
  const out: FireLaneViolation[] = [];
  for (const lane of scenario.lanes) {
    const shape = laneShape(lane);
    for (const fi of index.near(lane.bbox, lane.halfM + opts.minDistanceFromWallM)) {
      const f = scenario.features[fi] as ScenarioFeature;
      if (f.kind !== 'building' || (opts.wallDistanceAppliesTo !== 'all' && !isHighRise(f, opts)))
        continue;
      const c = closestBetweenShapes(shape, f.shape);
      const edgeM = c.distanceM - lane.halfM;
      if (edgeM < -0.001 || edgeM >= opts.minDistanceFromWallM - 0.005) continue;
      out.push(
        makeViolation(scenario.projection, { type: 'LineString', xy: [c.onB, c.onA] }, rule, {
          ruleId: 'wall-distance',
          severity: 'warning',
          featureId: f.id,
          laneId: lane.id,
          measured: Math.max(0, edgeM),
          required: opts.minDistanceFromWallM,
          unit: 'm',
          messageZh: `消防车道 ${lane.id} 边缘距建筑 ${f.id} 外墙 ${roundM(Math.max(0, edgeM))} m, 不宜小于 ${opts.minDistanceFromWallM} m`,
          messageEn: `Fire lane ${lane.id} runs ${roundM(Math.max(0, edgeM))} m from the wall of building ${f.id}; should be ≥ ${opts.minDistanceFromWallM} m`,
        }),
      );
    }
  }
  return out;
}
