import type { OverriddenRule } from './rule-override-types';
import type { Rules } from './rules';

/** One overridden rule as the UI, the report and the sheet print it. */
export interface OverrideLine {
  /** Rule path `group.key`, e.g. `fireLane.minClearWidthM`. */
  readonly key: string;
  readonly value: number;
  readonly source: string;
  readonly defaultValue: number;
  readonly defaultSource: string;
}

/** The rules a project overrode (withOverrides), in key order; empty for the plain table. Pure. */
export function listOverrides(rules: Rules): OverrideLine[] {
  const out: OverrideLine[] = [];
  for (const group of Object.keys(rules).sort()) {
    const g = (rules as unknown as Record<string, Record<string, unknown>>)[group]!;
    for (const name of Object.keys(g).sort()) {
      const r = g[name] as Partial<OverriddenRule<number>> | undefined;
      if (!r || r.overridden !== true) continue;
      out.push({
        key: `${group}.${name}`,
        value: r.value!,
        source: r.source!,
        defaultValue: r.defaultValue!,
        defaultSource: r.defaultSource!,
      });
    }
  }
  return out;
}
