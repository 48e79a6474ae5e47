import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Feature } from 'geojson';
import { describe, expect, it } from 'vitest';
import { computeCoverage } from '../../../domain/coverage/compute-coverage';
import { summarizeCoverage } from '../../../domain/coverage/summarize-coverage';
import { computeCoverageState } from '../../../domain/coverage/compute-coverage-state';
import { buildWalkingNetwork } from '../../../domain/coverage/build-walking-network';
import type {
  FacilityFeatures,
  NetworkLines,
  OriginFeatures,
} from '../../../domain/coverage/types';
import type { FacilityCategoryId } from '../../../domain/standards/rules';
import { fc, line, P, point, polygon } from './build';

const KG: FacilityCategoryId = 'kindergarten';
const OUT = join(import.meta.dirname, 'out');
const UPDATE = process.env.UPDATE_GOLDEN === '1';

const golden = (name: string, features: Feature[]): void => {
  const file = join(OUT, `${name}.geojson`);
  const text = `${JSON.stringify(fc(features), null, 1)}\n`;
  if (UPDATE || !existsSync(file)) {
    if (!UPDATE) throw new Error(`${file} missing: run with UPDATE_GOLDEN=1`);
    writeFileSync(file, text);
  }
  expect(JSON.parse(text)).toEqual(JSON.parse(readFileSync(file, 'utf8')));
};

//   (-30,40)┌──────────┐(30,40)
//           │  home    ● door (30,25)
//   (-30,10)└────┬─────┘(30,10)
//                ┆ 10 m
//              (0,0)
//                │ footway, 100 m
//              (0,-100) k kindergarten
const footway = line(
  [
    [0, -100],
    [0, 0],
  ],
  { kind: 'footway', category: 'footway' },
);
const kg = point(0, -100, { category: KG }, 'kg');
const ring = [
  [-30, 10],
  [30, 10],
  [30, 40],
  [-30, 40],
] as const;

const run = (home: Feature) => {
  const input = {
    network: fc([footway]) as NetworkLines,
    origins: fc([home]) as OriginFeatures,
    facilities: fc([kg]) as FacilityFeatures,
  };
  const d = computeCoverage(input, { categories: [KG] }).origins[0]!.distancesM[KG]!;
  const summary = summarizeCoverage(
    computeCoverageState(buildWalkingNetwork(input), { categories: [KG] }),
  );
  return { d, estimated: summary.origins[0]!.accessEstimated === true };
};

describe('walks start at entrances', () => {
  it('no entrance mapped: the footprint point nearest the footway, flagged estimated, 110 m', () => {
    // (0,10) on the south wall is 10 m from the footway's end: 10 + 100 = 110 m
    // (the nearest corner (±30,10) would give √(30² + 10²) + 100 = 131.62 m).
    const r = run(polygon(ring, 'home'));
    expect(r.d).toBeCloseTo(110, 6);
    expect(r.estimated).toBe(true);
  });

  it('a mapped door (entrance=* on the east wall) is where the walk starts: 139.05 m', () => {
    // Door (30,25) to the footway's end (0,0): √(30² + 25²) = 39.05; + 100 = 139.05 m.
    const door = P.toLonLat([30, 25]);
    const home = polygon(ring, 'home', { entrances: `${door[0]},${door[1]}` });
    const r = run(home);
    expect(r.d).toBeCloseTo(Math.hypot(30, 25) + 100, 6);
    expect(r.estimated).toBe(false);
    golden('entrance-door', [
      footway,
      { ...home, properties: { ...home.properties, handDistanceM: 139.05, engineM: r.d } },
      point(30, 25, { entrance: 'yes', 'marker-color': '#33d' }),
      { ...kg, properties: { ...kg.properties, 'marker-color': '#3a3' } },
    ]);
  });
});
