import { describe, expect, it } from 'vitest';
import { checkFireLanes } from '../../../domain/fire-lanes/check-fire-lanes';
import { fireLaneOptionsOf } from '../../../domain/fire-lanes/fire-lane-options-of';
import { listOverrides } from '../../../domain/standards/list-overrides';
import { RULES } from '../../../domain/standards/rules';
import { withOverrides } from '../../../domain/standards/with-overrides';

const LOCAL = '某市地方标准 DB/T 0000-2024 §5.1 "消防车道净宽不应小于4.5m"';

describe('withOverrides (project-level rule overrides, issue 12 §1)', () => {
  it('replaces the value and source, keeps the default, and leaves RULES untouched', () => {
    const rules = withOverrides(RULES, {
      'fireLane.minClearWidthM': { value: 4.5, source: `  ${LOCAL} ` },
    });
    expect(rules.fireLane.minClearWidthM.value).toBe(4.5);
    expect(rules.fireLane.minClearWidthM.source).toBe(LOCAL);
    expect(rules.fireLane.minClearWidthM).toMatchObject({
      overridden: true,
      defaultValue: 4,
      defaultSource: RULES.fireLane.minClearWidthM.source,
      governs: RULES.fireLane.minClearWidthM.governs,
    });
    // Pure: the table itself is unchanged, and groups without overrides are shared.
    expect(RULES.fireLane.minClearWidthM.value).toBe(4);
    expect(rules.parking).toBe(RULES.parking);
    expect(rules.fireLane.minTurningRadiusM).toBe(RULES.fireLane.minTurningRadiusM);
  });

  it('lists the overridden rules with value, default and source', () => {
    const rules = withOverrides(RULES, {
      'fireLane.minTurningRadiusM': { value: 12, source: '地方: 转弯半径 12 m' },
      'fireLane.minClearWidthM': { value: 4.5, source: LOCAL },
    });
    expect(listOverrides(rules)).toEqual([
      {
        key: 'fireLane.minClearWidthM',
        value: 4.5,
        source: LOCAL,
        defaultValue: 4,
        defaultSource: RULES.fireLane.minClearWidthM.source,
      },
      {
        key: 'fireLane.minTurningRadiusM',
        value: 12,
        source: '地方: 转弯半径 12 m',
        defaultValue: 9,
        defaultSource: RULES.fireLane.minTurningRadiusM.source,
      },
    ]);
    expect(listOverrides(RULES)).toEqual([]);
    expect(withOverrides(RULES, {})).toEqual(RULES);
  });

  it.each([
    ['an unknown key', { 'fireLane.nope': { value: 1, source: 's' } }, /unknown/],
    ['a group alone', { fireLane: { value: 1, source: 's' } }, /unknown/],
    ['a prototype key', { 'fireLane.constructor': { value: 1, source: 's' } }, /unknown/],
    ['a non-numeric rule', { 'parking.angles': { value: 1, source: 's' } }, /unknown|number/],
    [
      'a value over maxRatio × default (45 m for 4.5 m)',
      { 'fireLane.minClearWidthM': { value: 45, source: 's' } },
      /from 1 to 16/,
    ],
    [
      'a value under minRatio × default',
      { 'fireLane.minClearWidthM': { value: 0.5, source: 's' } },
      /from 1 to 16/,
    ],
    ['NaN', { 'fireLane.minClearWidthM': { value: Number.NaN, source: 's' } }, /number/],
    [
      'a text value',
      { 'fireLane.minClearWidthM': { value: '4.5' as unknown as number, source: 's' } },
      /number/,
    ],
    ['an empty source', { 'fireLane.minClearWidthM': { value: 4.5, source: '  ' } }, /source/],
    [
      'a fraction of a count',
      { 'fireLane.ringMinConnections': { value: 2.5, source: 's' } },
      /whole/,
    ],
  ])('refuses %s (INVALID_OPTION, zh + en)', (_what, overrides, en) => {
    try {
      withOverrides(RULES, overrides);
      expect.unreachable();
    } catch (e) {
      expect(e).toMatchObject({ code: 'INVALID_OPTION' });
      expect((e as { en: string }).en).toMatch(en);
      expect((e as { zh: string }).zh).toMatch(/规则/);
    }
  });

  it('turns a 4.2 m lane into a clear-width violation once the width is 4.5 m (fireLaneOptionsOf)', () => {
    // A 60 m straight lane, 4.2 m wide, joined to public roads at both ends: passes 4.0 m.
    const lane = {
      type: 'FeatureCollection' as const,
      features: [
        {
          type: 'Feature' as const,
          properties: { kind: 'fire_lane', id: 1, widthM: 4.2 },
          geometry: {
            type: 'LineString' as const,
            coordinates: [
              [121.4, 31.2],
              [121.4006, 31.2],
            ],
          },
        },
      ],
    };
    const clearWidth = (opts: object) =>
      checkFireLanes(lane, opts).violations.features.filter(
        (v) => v.properties.ruleId === 'clear-width',
      );
    expect(fireLaneOptionsOf(RULES)).toEqual({});
    expect(clearWidth(fireLaneOptionsOf(RULES))).toHaveLength(0);
    const local = withOverrides(RULES, {
      'fireLane.minClearWidthM': { value: 4.5, source: LOCAL },
    });
    expect(fireLaneOptionsOf(local)).toEqual({ minClearWidthM: 4.5 });
    const found = clearWidth(fireLaneOptionsOf(local));
    expect(found).toHaveLength(1);
    expect(found[0]!.properties).toMatchObject({ measured: 4.2, required: 4.5 });
  });
});

describe('parkingOptionsOf (issue 12 §1)', () => {
  it('passes an overridden accessible share to the parking generator', async () => {
    const { parkingOptionsOf } = await import('../../../domain/parking/parking-options-of');
    expect(parkingOptionsOf(RULES)).toEqual({});
    const share = RULES.parking.accessibleMinShare.value * 2;
    const local = withOverrides(RULES, {
      'parking.accessibleMinShare': { value: share, source: '地方: 无障碍车位不少于 1%' },
    });
    expect(parkingOptionsOf(local)).toEqual({ accessibleMinShare: share });
  });
});
