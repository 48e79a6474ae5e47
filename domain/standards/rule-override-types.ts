import type { ProjectContext, Rule } from './rules';

/** One project's override of a rules-table number: the value and the local rule it comes from. */
export interface RuleOverride {
  readonly value: number;
  /** The local standard and clause (e.g. "DB11/T 1234-2020 §5.2"), shown wherever it is used. */
  readonly source: string;
}

/** Overrides keyed by rule path `group.key`, e.g. `fireLane.minClearWidthM`. */
export type RuleOverrides = Readonly<Record<string, RuleOverride>>;

/** A rule whose value a project replaced: the override in `value`/`source`, the table's kept. */
export interface OverriddenRule<T> extends Rule<T> {
  readonly overridden: true;
  readonly defaultValue: T;
  readonly defaultSource: string;
}

/** A district's rule settings: the project context (新建 / 改造) and the overrides. */
export interface ProjectRules {
  readonly context: ProjectContext;
  readonly overrides: RuleOverrides;
}
