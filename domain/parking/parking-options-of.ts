import type { OverriddenRule } from '../standards/rule-override-types';
import type { ProjectContext, Rule, Rules } from '../standards/rules';
import type { ParkingLayoutOptions } from './types';

/** RULES.parking numbers that are also ParkingLayoutOptions (same names). */
const NUMERIC_OPTIONS = new Set<string>(['accessibleMinShare', 'accessibleAisleM']);

/**
 * The parking generator options a project's rules imply (rules from withOverrides, issue 12
 * §1): one option per overridden RULES.parking number the generator takes as an option; {} for
 * the plain table. In a `renovation` project a rule with a cited renovation value
 * (Rule.renovation) gives that value unless overridden. Pure.
 */
export function parkingOptionsOf(
  rules: Rules,
  context: ProjectContext = 'new-build',
): ParkingLayoutOptions {
  const out: Record<string, number> = {};
  for (const [name, r] of Object.entries(rules.parking)) {
    if (!NUMERIC_OPTIONS.has(name)) continue;
    const o = r as Partial<OverriddenRule<number>> & Rule<number>;
    // A project's own override wins; else, in a renovation project, a cited renovation value.
    if (o.overridden === true) out[name] = o.value;
    else if (context === 'renovation' && o.renovation) out[name] = o.renovation.value;
  }
  return out as ParkingLayoutOptions;
}
