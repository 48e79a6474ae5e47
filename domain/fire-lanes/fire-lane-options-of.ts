import type { OverriddenRule } from '../standards/rule-override-types';
import type { Rules } from '../standards/rules';
import type { FireLaneOptions } from './types';

/** RULES.fireLane numbers that are also FireLaneOptions (same names; see resolveFireLaneOptions). */
const NUMERIC_OPTIONS = new Set<string>([
  'minClearWidthM',
  'minTurningRadiusM',
  'aerialTurningRadiusM',
  'heavyTurningRadiusM',
  'turnaroundSideM',
  'turnaroundHighRiseSideM',
  'turnaroundHeavySideM',
  'deadEndMaxLengthM',
  'teeLegMinLengthM',
  'teeLegMinLengthHighRiseM',
  'teeLegMinLengthHeavyM',
  'minDistanceFromWallM',
  'ringMinConnections',
  'maxBuildingAccessDistanceM',
  'highRiseResidentialHeightM',
  'highRiseLevelsWhenHeightUnknown',
  'storeyHeightEstimateM',
  'rescueSiteLargerAboveHeightM',
]);

/**
 * The fire-lane engine options a project's rules imply (rules from withOverrides): one option
 * per overridden RULES.fireLane number the engine reads; {} for the plain table, so the engine
 * falls back on its defaults. Pure.
 */
export function fireLaneOptionsOf(rules: Rules): FireLaneOptions {
  const out: Record<string, number> = {};
  for (const [name, r] of Object.entries(rules.fireLane)) {
    const o = r as Partial<OverriddenRule<number>>;
    if (o.overridden === true && NUMERIC_OPTIONS.has(name)) out[name] = o.value!;
  }
  return out as FireLaneOptions;
}
