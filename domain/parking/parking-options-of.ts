import type { OverriddenRule } from '../standards/rule-override-types';
import type { Rules } from '../standards/rules';
import type { ParkingLayoutOptions } from './types';

/** RULES.parking numbers that are also ParkingLayoutOptions (same names). */
const NUMERIC_OPTIONS = new Set<string>(['accessibleMinShare', 'accessibleAisleM']);

/**
 * The parking generator options a project's rules imply (rules from withOverrides, issue 12
 * §1): one option per overridden RULES.parking number the generator takes as an option; {} for
 * the plain table. Pure.
 */
export function parkingOptionsOf(rules: Rules): ParkingLayoutOptions {
  const out: Record<string, number> = {};
  for (const [name, r] of Object.entries(rules.parking)) {
    const o = r as Partial<OverriddenRule<number>>;
    if (o.overridden === true && NUMERIC_OPTIONS.has(name)) out[name] = o.value!;
  }
  return out as ParkingLayoutOptions;
}
