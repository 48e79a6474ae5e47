import type { FeatureCollection, Geometry } from 'geojson';
import { buildLaneNetwork } from './build-lane-network';
import { checkBuildingAccess } from './check-building-access.rule';
import { checkClearWidth } from './check-clear-width.rule';
import { checkConnectivity } from './check-connectivity.rule';
import { checkDeadEndLength } from './check-dead-end-length.rule';
import { checkDeadEnds } from './check-dead-ends.rule';
import { findDeadEnds } from './find-dead-ends';
import { checkRescueSideObstacles } from './check-rescue-side-obstacles.rule';
import { checkRescueSites } from './check-rescue-sites.rule';
import { checkTurningRadius } from './check-turning-radius.rule';
import { checkWallDistance } from './check-wall-distance.rule';
import { gridIndex } from './grid-index';
import { prepareScenario } from './prepare-scenario';
import { resolveFireLaneOptions } from './resolve-fire-lane-options';
import {
  FIRE_LANE_RULE_IDS,
  type FireLaneOptions,
  type FireLaneResult,
  type FireLaneRuleId,
  type FireLaneViolationProps,
} from './types';

/**
 * Fire-lane compliance of a scenario (GB 50016-2014 (2018) §7.1–7.2; 消防法 §28), shared by the
 * client and the server. Input: the scenario's features in WGS84 with `properties.kind`;
 * fire_lane LineStrings (and roads with `fireLane: true`) are lane centrelines with optional
 * `widthM` (default the minimum clear width), `aerial`, `heavy` (a lane's high-rise turnaround
 * follows from the buildings it serves). Options override any RULES.fireLane
 * number. Output: one Feature per violation (geometry of the problem; ruleId, clause,
 * severity, zh/en message, featureId / laneId, measured, required), ordered by rule (in
 * FIRE_LANE_RULE_IDS order), then as each rule finds them (input order); `id` is the index.
 * Throws an InputError (zh + en) for invalid input or options. Pure; does not modify its input.
 */
export function checkFireLanes(
  features: FeatureCollection,
  options: FireLaneOptions = {},
): FireLaneResult {
  const opts = resolveFireLaneOptions(options);
  const scenario = prepareScenario(features, opts);
  const index = gridIndex(scenario.features.map((f) => f.shape.bbox));
  const network = buildLaneNetwork(scenario.lanes, scenario.features, index, opts);
  const deadEnds = findDeadEnds(scenario, network, index, opts);
  const found = [
    ...checkClearWidth(scenario, index, opts),
    ...checkTurningRadius(scenario, network, opts),
    ...checkDeadEnds(scenario, index, opts, deadEnds),
    ...checkDeadEndLength(scenario, opts, deadEnds),
    ...checkConnectivity(scenario, network, opts),
    ...checkWallDistance(scenario, index, opts),
    ...checkRescueSideObstacles(scenario, index, opts),
    ...checkBuildingAccess(scenario, network, opts),
    ...checkRescueSites(scenario, index, opts),
  ];
  const order = (id: FireLaneRuleId): number => FIRE_LANE_RULE_IDS.indexOf(id);
  const sorted = found
    .map((v, i) => ({ v, i }))
    .sort((a, b) => order(a.v.properties.ruleId) - order(b.v.properties.ruleId) || a.i - b.i)
    .map(({ v }, id) => ({ ...v, id }));
  const byRule = Object.fromEntries(FIRE_LANE_RULE_IDS.map((r) => [r, 0])) as Record<
    FireLaneRuleId,
    number
  >;
  for (const v of sorted) byRule[v.properties.ruleId] += 1;
  const errors = sorted.filter((v) => v.properties.severity === 'error').length;
  return {
    violations: { type: 'FeatureCollection', features: sorted } as FeatureCollection<
      Geometry,
      FireLaneViolationProps
    >,
    summary: { total: sorted.length, byRule, errors, warnings: sorted.length - errors },
  };
}
