import type { OverriddenRule } from '../standards/rule-override-types';
import type { ProjectContext, Rule, Rules } from '../standards/rules';
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
 * falls back on its defaults. In a `renovation` project a rule with a cited renovation value
 * (Rule.renovation) gives that value unless overridden; RULES has none yet (issue 12 §1: no
 * renovation threshold was found in a checked clause), so today both contexts agree. Pure.
 */
export function fireLaneOptionsOf(
  rules: Rules,
  context: ProjectContext = 'new-build',
): FireLaneOptions {
  const out: Record<string, number> = {};
  for (const [name, r] of Object.entries(rules.fireLane)) {
    if (!NUMERIC_OPTIONS.has(name)) continue;
    const o = r as Partial<OverriddenRule<number>> & Rule<number>;
    // A project's own override wins; else, in a renovation project, a cited renovation value.
    if (o.overridden === true) out[name] = o.value;
    else if (context === 'renovation' && o.renovation) out[name] = o.renovation.value;
  }
  return out as FireLaneOptions;
}
