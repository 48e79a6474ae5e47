import { describe, expect, it } from 'vitest';
import { FACILITY_CATEGORIES, RULES, ruleValue, type Rule } from '../../../domain/standards/rules';

/** Walk the rules table and collect every leaf rule with its path. */
function leaves(node: unknown, path: string[] = []): [string, Rule<unknown>][] {
  if (node && typeof node === 'object' && 'value' in node && 'source' in node) {
    return [[path.join('.'), node as Rule<unknown>]];
  }
  return Object.entries(node as Record<string, unknown>).flatMap(([k, v]) =>
    leaves(v, [...path, k]),
  );
}

describe('rules table', () => {
  const all = leaves(RULES);

  it('cites a source clause for every number', () => {
    expect(all.length).toBeGreaterThan(40);
    for (const [path, rule] of all) expect(rule.source, path).toMatch(/\S{3,}/);
  });

  it('holds the GB 50016 fire-lane numbers of STANDARDS.md', () => {
    expect(RULES.fireLane.minClearWidthM.value).toBe(4);
    expect(RULES.fireLane.minTurningRadiusM.value).toBe(9);
    expect(RULES.fireLane.aerialTurningRadiusM.value).toBe(12);
    expect(RULES.fireLane.turnaroundSideM.value).toBe(12);
    expect(RULES.fireLane.turnaroundHighRiseSideM.value).toBe(15);
    expect(RULES.fireLane.turnaroundHeavySideM.value).toBe(18);
    expect(RULES.fireLane.heavyTurningRadiusM.verify).toBe(true);
  });

  it('holds the JGJ 100 stall table, flagged for verification', () => {
    expect(RULES.parking.byAngle.deg90.value).toEqual({
      depthM: 5.3,
      lengthAlongAisleM: 2.4,
      aisleWidthM: 9,
    });
    expect(RULES.parking.byAngle.parallel.value.lengthAlongAisleM).toBe(6);
    expect(RULES.parking.byAngle.deg60.verify).toBe(true);
  });

  it('gives every facility category a radius within its tier', () => {
    const tierMax = {
      min15: RULES.lifeCircle.tiers.min15.value.maxDistanceM,
      min10: RULES.lifeCircle.tiers.min10.value.maxDistanceM,
      min5: RULES.lifeCircle.tiers.min5.value.maxDistanceM,
      block: RULES.lifeCircle.tiers.block.value.maxDistanceM,
    };
    const ids = new Set<string>();
    for (const c of FACILITY_CATEGORIES) {
      expect(ids.has(c.id), c.id).toBe(false);
      ids.add(c.id);
      expect(c.maxDistanceM, c.id).toBeLessThanOrEqual(tierMax[c.tier]);
      expect(c.source, c.id).toMatch(/GB 50180|完整居住社区/);
    }
    // The three radii STANDARDS.md marks as confirmed.
    expect(FACILITY_CATEGORIES.find((c) => c.id === 'kindergarten')?.maxDistanceM).toBe(300);
    expect(FACILITY_CATEGORIES.find((c) => c.id === 'primary_school')?.maxDistanceM).toBe(500);
    expect(FACILITY_CATEGORIES.find((c) => c.id === 'middle_school')?.maxDistanceM).toBe(1000);
  });

  // issue 12 (fire-fidelity)
  it('quotes the clause text of every checked fire-lane number, and names the governing code', () => {
    for (const [path, r] of leaves(RULES.fireLane)) {
      // A rule not marked verify was checked against a public page quoting the clause.
      if (!r.verify && /GB 50016/.test(r.source) && !/§5\.1\.1|大于50 m/.test(r.source))
        expect(r.source, path).toMatch(/"[^"]+" \([a-z0-9.-]+\.[a-z]{2,}\//);
    }
    // GB 55037-2022 replaces the mandatory clauses of GB 50016 §7.1.8/§7.1.9.
    for (const key of ['minClearWidthM', 'turnaroundSideM', 'minDistanceFromWallM'] as const)
      expect(RULES.fireLane[key].governs, key).toMatch(/GB 55037-2022/);
    expect(RULES.fireLane.deadEndMaxLengthM).toMatchObject({ value: 120, verify: true });
    expect(RULES.fireLane.deadEndMaxLengthM.source).toMatch(/GB 50180/);
  });

  it('holds the GB 50763-2012 accessible-stall clauses', () => {
    expect(RULES.parking.accessibleMinShare.value).toBe(0.005);
    expect(RULES.parking.accessibleMinShare.source).toMatch(/§7\.3\.3 "居住区停车场和车库/);
    expect(RULES.parking.accessiblePublicBuilding.source).toMatch(/§8\.1\.2/);
  });

  it('reads a rule in a project context: renovation only where a source gives its own value', () => {
    const r: Rule<number> = { value: 4, source: 'a', renovation: { value: 3.5, source: 'b' } };
    expect(ruleValue(r)).toBe(4);
    expect(ruleValue(r, 'renovation')).toBe(3.5);
    expect(ruleValue(RULES.fireLane.minClearWidthM, 'renovation')).toBe(4);
  });
  // end issue 12
});
