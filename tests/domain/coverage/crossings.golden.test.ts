import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Feature } from 'geojson';
import { describe, expect, it } from 'vitest';
import { computeCoverage } from '../../../domain/coverage/compute-coverage';
import type {
  FacilityFeatures,
  NetworkLines,
  OriginFeatures,
} from '../../../domain/coverage/types';
import { RULES, type FacilityCategoryId } from '../../../domain/standards/rules';
import { fc, line, point } from './build';

const KG: FacilityCategoryId = 'kindergarten';
const OUT = join(import.meta.dirname, 'out');
const UPDATE = process.env.UPDATE_GOLDEN === '1';

/** Distance (m) from each origin to the nearest kindergarten, by origin id. */
const kgDistances = (
  lines: readonly Feature[],
  origins: readonly Feature[],
  facilities: readonly Feature[],
): Record<string, number> => {
  const result = computeCoverage(
    {
      network: fc([...lines]) as NetworkLines,
      origins: fc([...origins]) as OriginFeatures,
      facilities: fc([...facilities]) as FacilityFeatures,
    },
    { categories: [KG] },
  );
  return Object.fromEntries(result.origins.map((o) => [o.id, o.distancesM[KG]!]));
};

/** The case and its hand-worked answer, for a reviewer to open on a map. */
const golden = (name: string, features: Feature[]): void => {
  const file = join(OUT, `${name}.geojson`);
  const text = `${JSON.stringify(fc(features), null, 1)}\n`;
  if (UPDATE || !existsSync(file)) {
    if (!UPDATE) throw new Error(`${file} missing: run with UPDATE_GOLDEN=1`);
    writeFileSync(file, text);
  }
  expect(JSON.parse(text)).toEqual(JSON.parse(readFileSync(file, 'utf8')));
};

// A primary road east–west, 1 km, with a vertex every 100 m:
//
//        home o (0,15)
//  (-500,0)━━━━━━━━━━━━┿━━━━━━━━━━━╋━━━━━━━━━(500,0)   primary
//        kg   k (0,-15)            ┃ footway=crossing (200,±20), shares the road's vertex
const primary = line(
  Array.from({ length: 11 }, (_, i) => [-500 + 100 * i, 0] as const),
  { category: 'primary' },
);
const crossing = line(
  [
    [200, -20],
    [200, 0],
    [200, 20],
  ],
  { kind: 'footway', category: 'footway', footway: 'crossing' },
);
const home = point(0, 15, {}, 'home');
const kg = point(0, -15, { category: KG }, 'kg');

describe('crossings: primary roads are crossed only at crossings, junctions and bridges', () => {
  it('rules table: primary and up cross only at crossings; secondary and below freely', () => {
    const classes = RULES.lifeCircle.crossOnlyAtCrossingsHighwayClasses.value;
    expect(classes).toContain('primary');
    expect(classes).toContain('trunk');
    expect(classes).toContain('motorway');
    expect(classes).not.toContain('secondary');
  });

  it('opposite sides of a primary road, crossing 200 m away: 15 + 200 + 200 + 15 = 430 m', () => {
    // Home joins the north sidewalk at (0,0), walks 200 m east to the crossing at (200,0),
    // crosses, and walks 200 m back west on the south sidewalk to the kindergarten's foot.
    // Across the road it would be 30 m.
    const d = kgDistances([primary, crossing], [home], [kg]);
    expect(d.home).toBeCloseTo(430, 6);
    golden('crossing-primary', [
      { ...primary, properties: { ...primary.properties, stroke: '#d33' } },
      { ...crossing, properties: { ...crossing.properties, stroke: '#33d' } },
      { ...home, properties: { ...home.properties, handDistanceM: 430, engineM: d.home } },
      { ...kg, properties: { ...kg.properties, 'marker-color': '#3a3' } },
    ]);
  });

  it('no crossing at all: round the road ends, 15 + 500 + 500 + 15 = 1030 m', () => {
    const d = kgDistances([primary], [home], [kg]);
    expect(d.home).toBeCloseTo(1030, 6);
  });

  it('a junction with a side road is a crossing: residential from (-100,0) north, 230 m', () => {
    // The side road shares the vertex (-100,0): 15 + 100 + 100 + 15 = 230 m.
    const side = line([
      [-100, 0],
      [-100, 80],
    ]);
    const d = kgDistances([primary, side], [home], [kg]);
    expect(d.home).toBeCloseTo(230, 6);
  });

  it('a footbridge over the road joins the two sides: 5 + 40 + 5 = 50 m', () => {
    // bridge=yes, no shared vertex with the road: home at (-100,25) and kindergarten at
    // (-100,-25) each join the bridge's end, 5 m away (the road is 25 m away).
    const bridge = line(
      [
        [-100, -20],
        [-100, 20],
      ],
      { kind: 'footway', category: 'footway', bridge: 'yes', layer: '1' },
    );
    const d = kgDistances(
      [primary, bridge],
      [point(-100, 25, {}, 'home')],
      [point(-100, -25, { category: KG })],
    );
    expect(d.home).toBeCloseTo(50, 6);
  });

  it('a secondary road is crossed anywhere: 15 + 15 = 30 m', () => {
    const secondary = line(
      Array.from({ length: 11 }, (_, i) => [-500 + 100 * i, 0] as const),
      { category: 'secondary' },
    );
    const d = kgDistances([secondary], [home], [kg]);
    expect(d.home).toBeCloseTo(30, 6);
  });

  it('a point on the road line itself joins the left (north) sidewalk: 0 + 200 + 200 + 15 = 415 m', () => {
    const d = kgDistances([primary, crossing], [point(0, 0, {}, 'on')], [kg]);
    // (0,0) is on the road: it joins the left sidewalk (north of west → east): 430 − 15.
    expect(d.on).toBeCloseTo(415, 6);
  });
});
