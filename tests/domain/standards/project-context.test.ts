import { describe, expect, it } from 'vitest';
import { fireLaneOptionsOf } from '../../../domain/fire-lanes/fire-lane-options-of';
import { parkingOptionsOf } from '../../../domain/parking/parking-options-of';
import { RULES, ruleValue, type Rules } from '../../../domain/standards/rules';
import { withOverrides } from '../../../domain/standards/with-overrides';

/** A table in which the clear width has a renovation value (none is cited in RULES yet). */
const withRenovationWidth = (value: number): Rules => ({
  ...RULES,
  fireLane: {
    ...RULES.fireLane,
    minClearWidthM: {
      ...RULES.fireLane.minClearWidthM,
      renovation: { value, source: '某地既有住宅改造导则 §3 (test only)' },
    },
  },
});

describe('the project context (new build / renovation) reaches the engines (issue 12 §1)', () => {
  it('RULES cites no renovation value yet: both contexts give the same engine options', () => {
    const withRenovation = Object.entries(RULES).flatMap(([group, rules]) =>
      Object.entries(rules as Record<string, { renovation?: unknown }>)
        .filter(([, r]) => r && typeof r === 'object' && 'renovation' in r)
        .map(([name]) => `${group}.${name}`),
    );
    expect(withRenovation).toEqual([]);
    expect(fireLaneOptionsOf(RULES, 'renovation')).toEqual(fireLaneOptionsOf(RULES, 'new-build'));
    expect(parkingOptionsOf(RULES, 'renovation')).toEqual(parkingOptionsOf(RULES));
  });

  it('a cited renovation value is used in a renovation project only; an override wins', () => {
    const rules = withRenovationWidth(3.5);
    expect(ruleValue(rules.fireLane.minClearWidthM, 'renovation')).toBe(3.5);
    expect(fireLaneOptionsOf(rules, 'new-build')).toEqual({});
    expect(fireLaneOptionsOf(rules, 'renovation')).toEqual({ minClearWidthM: 3.5 });
    const local = withOverrides(rules, {
      'fireLane.minClearWidthM': { value: 4.5, source: '某市地方标准 §5.1' },
    });
    expect(fireLaneOptionsOf(local, 'renovation')).toEqual({ minClearWidthM: 4.5 });
  });
});
