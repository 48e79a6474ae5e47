import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Feature, Point, Polygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import { computeCoverage } from '../../../domain/coverage/compute-coverage';
import {
  districtToCoverageInput,
  type DistrictView,
  type ViewFeature,
} from '../../../domain/coverage/district-view-to-coverage-input';
import { RULES, type FacilityCategoryId } from '../../../domain/standards/rules';
import { fc, line, P, point, polygon } from './build';

const OUT = join(import.meta.dirname, 'out');
const UPDATE = process.env.UPDATE_GOLDEN === '1';
const KG: FacilityCategoryId = 'kindergarten';
const SHOP: FacilityCategoryId = 'convenience';

//            (-10,110)                      (110,110)
//     west st  │  (0,100)┌──────────────┐(100,100)  │ east st
//              │         │    ◁ home    │           ● K kindergarten (110,100)
//              │  (0,50) ✕  (10,50)     ● B gate (100,50)
//              │ emergency (30,40)(30,60) │         │
//              │         │              │           │
//              │    (0,0)└──────●───────┘(100,0)    │
//              │               A gate (50,0)        │
//   C shop ● (-10,-10) ─────────── south st ──────── (110,-10)
//
// The compound (小区) is the 100 m square; no path inside is mapped. The home is the triangle
// (10,50) (30,40) (30,60) with no door mapped, so without gates its walk starts at the
// footprint's point nearest the network, its west tip (10,50), and goes 20 m west through the
// wall to the west street.
const streets = [
  line([
    [-10, 110],
    [-10, -10],
    [110, -10],
    [110, 110],
  ]),
].map((f, i) => ({ ...f, properties: { ...f.properties, id: `s${i}` } }));
const home = polygon(
  [
    [10, 50],
    [30, 40],
    [30, 60],
  ],
  undefined,
  { id: 'home', kind: 'building', category: 'residential' },
);
const compound = polygon(
  [
    [0, 0],
    [100, 0],
    [100, 100],
    [0, 100],
  ],
  undefined,
  { id: 'c1', households: null },
) as Feature<Polygon, { id: string; households: null }>;
const gate = (x: number, y: number, id: string, props: Record<string, string>): ViewFeature =>
  point(x, y, { id, kind: 'gate', category: 'gate', props }) as ViewFeature;
const gates = [
  gate(50, 0, 'A', { barrier: 'gate' }),
  gate(100, 50, 'B', { barrier: 'gate' }),
  // An emergency exit on the west wall and a gate 30 m outside the compound: not its gates.
  gate(0, 50, 'E', { barrier: 'gate', entrance: 'emergency' }),
  gate(50, 130, 'F', { barrier: 'gate' }),
];
const facilities = [
  point(110, 100, { id: 'K', kind: 'facility', category: KG }),
  point(-10, -10, { id: 'C', kind: 'facility', category: SHOP }),
] as ViewFeature[];

const view = (withGates: readonly ViewFeature[], building: Feature = home): DistrictView => ({
  communities: [compound],
  buildings: [building as ViewFeature],
  roads: streets as ViewFeature[],
  footways: [],
  facilities,
  gates: withGates,
});
const distances = (v: DistrictView) => {
  const input = districtToCoverageInput(v);
  const r = computeCoverage(input, { categories: [KG, SHOP] });
  return { input, origin: r.origins[0]!, d: r.origins[0]!.distancesM };
};

describe('compound gates as walk starts (issue 12 §3)', () => {
  it('without gates: through the wall to the west street, 310 m and 80 m', () => {
    // (10,50) → (-10,50): 20; → (-10,-10): 60; → (110,-10): 120; → K (110,100): 110.
    const { d } = distances(view([]));
    expect(d[KG]).toBeCloseTo(20 + 60 + 120 + 110, 6);
    // → C (-10,-10): 20 + 60 = 80.
    expect(d[SHOP]).toBeCloseTo(20 + 60, 6);
  });

  it('with gates A and B: each walk leaves by its best gate, 130 m and 114.72 m', () => {
    const { input, origin, d } = distances(view(gates));
    // Only A and B are the compound's gates (E is an emergency exit, F is 30 m off the wall,
    // past RULES.lifeCircle.gateOnBoundaryM).
    expect(RULES.lifeCircle.gateOnBoundaryM.value).toBe(15);
    const listed = String(input.origins.features[0]!.properties!['gates']).split(';');
    expect(listed.map((s) => P.toLocal(s.split(',').map(Number)).map(Math.round))).toEqual([
      [50, 0],
      [100, 50],
    ]);
    // K via B: footprint (30,50) → B (100,50) 70, B → east street (110,50) 10, → K 50 = 130.
    // (via A: √(20² + 40²) + 10 + 60 + 110 = 224.72.)
    expect(d[KG]).toBeCloseTo(70 + 10 + 50, 6);
    // C via A: footprint (30,40) → A (50,0) √(20² + 40²) = 44.72, A → (50,-10) 10, → C 60.
    // (via B: 70 + 10 + 60 + 120 = 260.)
    expect(d[SHOP]).toBeCloseTo(Math.hypot(20, 40) + 10 + 60, 6);
    expect(origin.accessEstimated).toBe(true);
    golden([
      ...streets,
      compound,
      { ...home, properties: { ...home.properties, handKgM: 130, handShopM: 114.72 } },
      ...gates,
      ...facilities,
    ] as Feature[]);
  });

  it('a door of its own wins over the gates: 20 m from (10,50) straight to the west street', () => {
    const door = P.toLonLat([10, 50]);
    const own = {
      ...home,
      properties: { ...home.properties, props: { entrances: `${door[0]},${door[1]}` } },
    };
    const { d, origin } = distances(view(gates, own));
    expect(d[SHOP]).toBeCloseTo(80, 6);
    expect(origin.accessEstimated).toBeUndefined();
  });
});

function golden(features: Feature[]): void {
  const file = join(OUT, 'compound-gates.geojson');
  const text = `${JSON.stringify(fc(features as Feature<Point>[]), null, 1)}\n`;
  if (UPDATE || !existsSync(file)) {
    if (!UPDATE) throw new Error(`${file} missing: run with UPDATE_GOLDEN=1`);
    writeFileSync(file, text);
  }
  expect(JSON.parse(text)).toEqual(JSON.parse(readFileSync(file, 'utf8')));
}
