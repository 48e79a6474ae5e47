import { InputError } from '../geo/input-error';
import type { OverriddenRule, RuleOverrides } from './rule-override-types';
import { RULES, type Rule, type Rules } from './rules';

const B = RULES.ruleOverrides;

const bad = (key: string, zh: string, en: string): InputError =>
  new InputError('INVALID_OPTION', `规则 ${key} ${zh}`, `Rule ${key} ${en}`);

const isNumberRule = (r: unknown): r is Rule<number> =>
  !!r &&
  typeof r === 'object' &&
  typeof (r as Rule<unknown>).value === 'number' &&
  typeof (r as Rule<unknown>).source === 'string';

/** The numeric rule at `group.key` in `rules`, or undefined (unknown, or not a number). */
export const numberRuleAt = (rules: Rules, key: string): Rule<number> | undefined => {
  const [group, name, ...rest] = key.split('.');
  if (!group || !name || rest.length > 0) return undefined;
  if (!Object.hasOwn(rules, group)) return undefined;
  const g = (rules as unknown as Record<string, Record<string, unknown>>)[group]!;
  if (!Object.hasOwn(g, name)) return undefined;
  const r = g[name];
  return isNumberRule(r) ? r : undefined;
};

/**
 * The rules table with a project's overrides applied (a city's stricter local rules, issue 12
 * §1). Only numeric rules are overridable; each override names its source. Validated: an unknown
 * key, a non-number, a value outside [minRatio, maxRatio] × default (RULES.ruleOverrides; a
 * default of 0 allows 0–maxRatio), an integer rule given a fraction, or an empty source throws an
 * INVALID_OPTION InputError (zh + en). The overridden rule keeps the table's value and source in
 * `defaultValue`/`defaultSource`. Pure: `rules` is not changed; untouched groups are shared.
 */
export function withOverrides(rules: Rules, overrides: RuleOverrides): Rules {
  if (!overrides || typeof overrides !== 'object') {
    throw new InputError('INVALID_OPTION', '规则覆盖应为对象', 'Rule overrides must be an object');
  }
  const groups = new Map<string, Record<string, unknown>>();
  for (const key of Object.keys(overrides).sort()) {
    const o = overrides[key]!;
    const base = numberRuleAt(rules, key);
    if (!base) throw bad(key, '不存在或不可覆盖', 'is unknown or not a number');
    const v = o?.value;
    const lo = base.value * B.minRatio.value;
    const hi = base.value === 0 ? B.maxRatio.value : base.value * B.maxRatio.value;
    if (typeof v !== 'number' || !Number.isFinite(v) || v < lo || v > hi) {
      throw bad(key, `应为 ${lo}–${hi} 之间的数字`, `must be a number from ${lo} to ${hi}`);
    }
    if (Number.isInteger(base.value) && base.value >= 1 && !Number.isInteger(v)) {
      // Counts (connections, storeys, years) stay whole; lengths with an integer default such
      // as 9 m take fractions, so only rules whose key names no unit are treated as counts.
      if (!/(M|SqM|Ratio|Share|Wan|PerMin)$/.test(key))
        throw bad(key, '应为整数', 'must be a whole number');
    }
    const source = typeof o.source === 'string' ? o.source.trim() : '';
    if (!source || source.length > B.maxSourceLength.value) {
      throw bad(
        key,
        `需要注明来源 (1–${B.maxSourceLength.value} 字)`,
        `needs a source (1–${B.maxSourceLength.value} characters)`,
      );
    }
    const [group, name] = key.split('.') as [string, string];
    const g =
      groups.get(group) ??
      ({ ...(rules as unknown as Record<string, Record<string, unknown>>)[group] } as Record<
        string,
        unknown
      >);
    const overridden: OverriddenRule<number> = {
      ...base,
      value: v,
      source,
      overridden: true,
      defaultValue: base.value,
      defaultSource: base.source,
    };
    g[name] = overridden;
    groups.set(group, g);
  }
  return { ...rules, ...Object.fromEntries(groups) } as Rules;
}
