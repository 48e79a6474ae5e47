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

/** An obstacle is "between" when going lane → it → wall is at most this much longer than the gap. */
const BETWEEN_SLACK_M = 1;

/**
 * Nothing between a lane and a high-rise building on its rescue side (GB 50016-2014 §7.1.8
 * item 3: 消防车道与建筑之间不应设置妨碍消防车操作的树木、架空管线等障碍物). The rescue side is
 * a lane whose edge lies within the rescue-site distance (rescueSiteDistanceFromWallM.maxM,
 * 10 m) of the building's wall. A tree or obstacle lies between them when its distances to the
 * lane's edge and to the wall add up to the lane–wall gap (+ 1 m): true across the strip
 * between a lane parallel to a wall, false behind the lane or beyond the building's ends.
 * Features inside the clear width are left to the clear-width rule. One violation per
 * (obstacle, building), at the obstacle, with its `featureId`; measured = its wall distance.
 */
export function checkRescueSideObstacles(
  scenario: Scenario,
  index: GridIndex,
  opts: ResolvedFireLaneOptions,
): FireLaneViolation[] {
  const rule = RULES.fireLane.minDistanceFromWallM;
  const reachM = opts.rescueSiteDistanceFromWallM.maxM;
  const seen = new Set<string>();
  const out: FireLaneViolation[] = [];
  for (const lane of scenario.lanes) {
    const shape = laneShape(lane);
    const near = index.near(lane.bbox, lane.halfM + reachM);
    for (const bi of near) {
      const b = scenario.features[bi] as ScenarioFeature;
      if (!isHighRise(b, opts)) continue;
      const gap = closestBetweenShapes(shape, b.shape).distanceM - lane.halfM;
      if (gap < 0 || gap > reachM) continue;
      for (const oi of near) {
        const o = scenario.features[oi] as ScenarioFeature;
        if (o.kind !== 'tree' && o.kind !== 'obstacle') continue;
        const toLane = closestBetweenShapes(shape, o.shape);
        const toWall = closestBetweenShapes(o.shape, b.shape);
        const fromEdge = toLane.distanceM - lane.halfM;
        if (fromEdge < 0 || fromEdge + toWall.distanceM > gap + BETWEEN_SLACK_M) continue;
        const key = `${oi}/${bi}`;
        if (seen.has(key)) continue;
        seen.add(key);
        out.push(
          makeViolation(scenario.projection, { type: 'input', geometry: o.geometry }, rule, {
            ruleId: 'rescue-side-obstacle',
            severity: 'error',
            featureId: o.id,
            laneId: lane.id,
            measured: toWall.distanceM,
            required: null,
            unit: 'm',
            messageZh: `${o.kind === 'tree' ? '树木' : '障碍物'} ${o.id} 位于消防车道 ${lane.id} 与高层建筑 ${b.id} 之间 (距外墙 ${roundM(toWall.distanceM)} m), 妨碍消防车操作`,
            messageEn: `${o.kind === 'tree' ? 'Tree' : 'Obstacle'} ${o.id} stands between fire lane ${lane.id} and high-rise building ${b.id} (${roundM(toWall.distanceM)} m from the wall), in the way of the engines`,
          }),
        );
      }
    }
  }
  return out;
}
