import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FeatureCollection } from 'geojson';
import { describe, expect, it } from 'vitest';
import { checkFireLanes } from '../../../domain/fire-lanes/check-fire-lanes';
import type { FireLaneOptions, FireLaneResult } from '../../../domain/fire-lanes/types';

const IN = join(import.meta.dirname, 'in');
const OUT = join(import.meta.dirname, 'out');
const UPDATE = process.env.UPDATE_GOLDEN === '1';

/** [ruleId, featureId or laneId, measured] per violation, in output order, worked by hand. */
type Row = [string, string | number | undefined, number | null];

/** The lane's free end without a turnaround: GB 50016 §7.1.9 asks a turnaround of every dead end whatever its length (issue 12). */
const NO_TURNAROUND = 'its free end has no 回车场/回车道: §7.1.9, every dead end';

const EXPECTED: Record<string, { rows: Row[]; why: string }> = {
  'clear-width-gap-3.9m': {
    rows: [
      ['clear-width', 'bldg-w', 1.95],
      ['clear-width', 'bldg-e', 1.95],
      ['dead-end', 'lane-1', 0],
    ],
    why: `walls 3.9/2 = 1.95 m from the centreline < 4.0/2 = 2.0 m: both buildings intrude by 5 cm (inside the clear width: left to clear-width, no wall-distance); lane-1 ${NO_TURNAROUND}`,
  },
  'clear-width-gap-4.0m': {
    rows: [
      ['dead-end', 'lane-1', 0],
      ['wall-distance', 'bldg-w', 0],
      ['wall-distance', 'bldg-e', 0],
    ],
    why: `walls exactly 2.0 m from the centreline: on the edge, clear width passes; the edge is 0 m from each wall < 5 m (§7.1.8 item 4, all buildings since issue 12); lane-1 ${NO_TURNAROUND}`,
  },
  'clear-width-lane-3.9m': {
    rows: [
      ['clear-width', 'lane-narrow', 3.9],
      ['dead-end', 'lane-narrow', 0],
      ['dead-end', 'lane-ok', 0],
    ],
    why: `widthM 3.9 < 4.0 fails; 4.0 passes; both 50 m lanes ${NO_TURNAROUND}`,
  },
  'clear-width-stall': {
    rows: [
      ['clear-width', 'stall-7', 0.5],
      ['clear-width', 'tree-1', 1.5],
      ['dead-end', 'lane-1', 0],
    ],
    why: `stall-7 starts 0.5 m from the centreline, tree-1 1.5 m: both < 2.0 m; stall-8 at 2.0 m passes; lane-1 ${NO_TURNAROUND}`,
  },
  'turning-right-angle-8m-legs': {
    rows: [
      ['turning-radius', 'lane-1', 6.83],
      ['dead-end', 'lane-1', 0],
    ],
    why: `legs R = 8 / tan(90°/2) = 8 m, swept path (4/2)/(1 − cos 45°) = 6.83 m: the smaller, 6.83 < 9 m; lane-1 ${NO_TURNAROUND}`,
  },
  'turning-right-angle-20m-legs': {
    rows: [
      ['turning-radius', 'lane-1', 6.83],
      ['dead-end', 'lane-1', 0],
    ],
    why: `legs R = 20 m, but a 9 m arc round the corner leaves the 4 m lane: swept path (4/2)/(1 − cos 45°) = 6.83 m < 9 m (issue 12; passed before); lane-1 ${NO_TURNAROUND}`,
  },
  'turning-right-angle-5.3m-wide': {
    rows: [['dead-end', 'lane-1', 0]],
    why: `the same corner 5.3 m wide: swept path (5.3/2)/(1 − cos 45°) = 9.05 m ≥ 9 m, legs 20 m; lane-1 ${NO_TURNAROUND}`,
  },
  'turning-arc-12m-polyline': {
    rows: [['dead-end', 'lane-1', 0]],
    why: `a 12 m arc drawn with its vertices on the circle every 10°: legs R = 12·sin 5° / tan 5° = 11.95 m ≥ 9 m at each vertex, swept path 2/(1 − cos 5°) = 525.6 m; lane-1 ${NO_TURNAROUND}`,
  },
  'turning-aerial-10m-legs': {
    rows: [
      ['turning-radius', 'lane-1', 6.83],
      ['dead-end', 'lane-1', 0],
    ],
    why: `legs R = 10 m, swept path (4/2)/(1 − cos 45°) = 6.83 m < 12 m for an aerial lane; lane-1 ${NO_TURNAROUND}`,
  },
  'dead-end-13m-turnaround': {
    rows: [['dead-end-length', 'lane-1', 150]],
    why: 'the 13 m square ≥ 12 m satisfies §7.1.9; the road is 150 m > 120 m long: GB 50180 dead-end-length, a finding of its own',
  },
  'dead-end-no-turnaround': {
    rows: [
      ['dead-end', 'lane-long', 0],
      ['dead-end', 'lane-short', 0],
      ['dead-end-length', 'lane-long', 150],
    ],
    why: 'both lanes lack a turnaround (§7.1.9, whatever the length: the 100 m lane needed none before issue 12); only the 150 m one is longer than 120 m',
  },
  'dead-end-short-no-turnaround': {
    rows: [['dead-end', 'lane-1', 0]],
    why: 'a 30 m dead end needs a turnaround too (§7.1.9); 30 ≤ 120 m: no dead-end-length',
  },
  'dead-end-tee-12m-legs': {
    rows: [],
    why: 'T: two 12 m legs (≥ teeLegMinLengthM 12, 4 m wide) at the stem end count as a 回车道; 12 + 50 = 62 ≤ 120 m; stem→leg R = 12/tan 45° = 12 ≥ 9 m',
  },
  'dead-end-tee-8m-leg': {
    rows: [
      ['turning-radius', 'stem', 8],
      ['dead-end', 'bar', 0],
      ['dead-end', 'bar', 0],
    ],
    why: 'the east leg is 8 < 12 m: no 回车道, so both leg ends are dead ends without a 回车场 (measured 0); stem→east leg R = 8/tan 45° = 8 < 9 m',
  },
  'dead-end-y-12m-legs': {
    rows: [],
    why: 'Y: two 12 m legs at ±45° count as a 回车道; turns R = 12/tan 22.5° = 28.97 m and 12/tan 45° = 12 m ≥ 9 m',
  },
  'dead-end-high-rise-served': {
    rows: [
      ['dead-end', 'turn-1', 13],
      ['dead-end-length', 'lane-1', 150],
      ['rescue-site', 'bldg-hr', null],
    ],
    why: 'bldg-hr (18 levels ≥ 10: high-rise) is 8 m from the lane edge ≤ 60 m: the dead end serves it and needs 15 × 15 m > 13 m (no lane flag); 150 > 120 m; bldg-hr has no rescue site',
  },
  'dead-end-high-rise-beyond-reach': {
    rows: [
      ['dead-end-length', 'lane-1', 150],
      ['building-access', 'bldg-hr', 68],
      ['rescue-site', 'bldg-hr', null],
    ],
    why: 'bldg-hr 70 − 2 = 68 m from the lane edge > 60 m: not served, so 12 × 12 m is enough and 13 m passes; 150 > 120 m; bldg-hr beyond 60 m and without a rescue site',
  },
  'wall-distance-low-rise': {
    rows: [['wall-distance', 'bldg-6', 3]],
    why: 'a 6-level building: wall 5 m from the centreline − 2 m = 3 m < 5 m (§7.1.8 item 4 applies to all buildings); bldg-far 7 − 2 = 5 m passes, on the limit; the lane joins two roads: no dead end',
  },
  'not-connected': {
    rows: [
      ['dead-end', 'lane-1', 0],
      ['dead-end', 'lane-1', 0],
      ['connectivity', 'lane-1', 0],
    ],
    why: 'the lane ends 20 m short of the road: both of its ends are free, each a dead end without a turnaround (§7.1.9)',
  },
  'ring-one-connection': {
    rows: [
      ['turning-radius', 'ring', 6.83],
      ['turning-radius', 'ring', 6.83],
      ['turning-radius', 'ring', 6.83],
      ['ring-connections', 'ring', 1],
    ],
    why: 'a ring meeting the road through one spur: 1 < 2; three square corners are bends of the 4 m ring piece: legs R = 20/tan 45° = 20 m but swept path (4/2)/(1 − cos 45°) = 6.83 m < 9 m each (issue 12); the fourth corner is the node where the ring closes, a junction (no swept-path bound: its kerb radius is not in the data); T junction R = 10 m, pass',
  },
  'ring-two-connections': {
    rows: [
      ['turning-radius', 'ring', 6.83],
      ['turning-radius', 'ring', 6.83],
      ['turning-radius', 'ring', 6.83],
    ],
    why: 'road spur and gate spur: 2 connections; the three square corners within the 4 m ring piece: swept path (4/2)/(1 − cos 45°) = 6.83 m < 9 m (as ring-one-connection)',
  },
  'high-rise': {
    rows: [
      ['dead-end', 'lane-1', 0],
      ['wall-distance', 'bldg-b', 3],
      ['rescue-side-obstacle', 'tree-1', 4],
      ['rescue-site', 'bldg-a', 20],
      ['rescue-site', 'bldg-b', 8],
    ],
    why: 'lane-1 (60 m) has no turnaround and serves high-rise bldg-a (8 m away): needs 15 × 15 m; bldg-b wall 5 m from the centreline − 2 m = 3 m < 5 m; tree-1: 4 m from the lane edge + 4 m from the wall = the 8 m gap; rescue-a 20 × 10 at 6 m passes §7.2.2 but runs 20 m along bldg-a’s 30 m long side (y 10..40) < 30 m (§7.2.1, issue 12); rescue-b is 8 m wide < 10 m. bldg-a wall 8 m passes',
  },
  'building-access': {
    rows: [
      ['dead-end', 'lane-1', 0],
      ['building-access', 'bldg-far', 68],
      ['building-access', 'bldg-none', null],
    ],
    why: `bldg-far 70 − 2 = 68 m > 60 m; bldg-none 198 m, beyond the 120 m search; lane-1 ${NO_TURNAROUND}`,
  },
  'rescue-site-slab-60m': {
    rows: [['rescue-site', 'slab-a', 15]],
    why: '§7.2.1: one 15 × 10 m site beside the 60 m slab-a runs 15 < 60 m (required 60); slab-b’s four 15 m sites run 4 × 15 = 60 ≥ 60 m (≤ 50 m high: separate sites add up); the road is a public fire lane: no dead end',
  },
  'real-cau-service-road': {
    rows: [
      ['clear-width', 'way/609217610', 1.99],
      ['clear-width', 'way/609217612', 1.89],
      ['turning-radius', 'lane-cau', 6.93],
      ['dead-end', 'lane-cau', 0],
      ['dead-end-length', 'lane-cau', 311.4],
      ['building-access', 'way/167171224', 104.96],
      ['building-access', 'way/609217606', 63.22],
      ['rescue-site', 'way/154827373', null],
    ],
    why: 'OSM: parking spaces 609217612 (along the south kerb) and 609217610 (at the east end) reach into the 4 m lane; 609217613 and 609217614 stay clear; the lane ends 311 m from the residential road without a turnaround (it serves 学生公寓二号楼, 14 levels ≥ 10: 15 × 15 m), and 311.4 > 120 m is a GB 50180 finding too; 学生公寓二号楼 (≈ 42 m) has no rescue site; where the lane turns ≈ 89° from north to east: swept path 2/(1 − cos 44.65°) = 6.93 m < 9 m in a 4 m lane (issue 12)',
  },
};

const STYLE: Record<string, Record<string, string | number>> = {
  fire_lane: { stroke: '#dc2626', 'stroke-width': 4 },
  road: { stroke: '#6b7280', 'stroke-width': 6 },
  building: { fill: '#9ca3af', 'fill-opacity': 0.6, stroke: '#374151', 'stroke-width': 1 },
  parking_stall: { fill: '#60a5fa', 'fill-opacity': 0.6, stroke: '#1d4ed8', 'stroke-width': 1 },
  parking_area: { fill: '#bfdbfe', 'fill-opacity': 0.4, stroke: '#1d4ed8', 'stroke-width': 1 },
  tree: { 'marker-color': '#16a34a', 'marker-symbol': 'park', 'marker-size': 'small' },
  gate: { 'marker-color': '#111827', 'marker-symbol': 'entrance', 'marker-size': 'small' },
};
const VIOLATION_STYLE = {
  error: {
    stroke: '#b91c1c',
    'stroke-width': 3,
    fill: '#ef4444',
    'fill-opacity': 0.8,
    'marker-color': '#b91c1c',
  },
  warning: {
    stroke: '#d97706',
    'stroke-width': 3,
    fill: '#f59e0b',
    'fill-opacity': 0.6,
    'marker-color': '#d97706',
  },
} as const;

/** The input and the violations in one file, styled with simplestyle for a map viewer. */
const goldenOf = (input: FeatureCollection, r: FireLaneResult): object => ({
  type: 'FeatureCollection',
  summary: r.summary,
  features: [
    ...input.features.map((f) => ({
      ...f,
      properties: { ...f.properties, ...(STYLE[String(f.properties?.kind)] ?? {}) },
    })),
    ...r.violations.features.map((f) => ({
      ...f,
      properties: { ...f.properties, ...VIOLATION_STYLE[f.properties.severity] },
    })),
  ],
});

/** Deep equality with numbers equal to 1e-9 (≈ 0.1 mm in degrees, 1 nm in metres). */
const expectClose = (actual: unknown, expected: unknown, path = '$'): void => {
  if (typeof expected === 'number') {
    expect(typeof actual, path).toBe('number');
    expect(Math.abs((actual as number) - expected), path).toBeLessThan(1e-9);
  } else if (Array.isArray(expected)) {
    expect(Array.isArray(actual), path).toBe(true);
    expect((actual as unknown[]).length, path).toBe(expected.length);
    expected.forEach((e, i) => expectClose((actual as unknown[])[i], e, `${path}[${i}]`));
  } else if (expected && typeof expected === 'object') {
    expect(Object.keys(actual as object).sort(), path).toEqual(Object.keys(expected).sort());
    for (const [k, v] of Object.entries(expected))
      expectClose((actual as Record<string, unknown>)[k], v, `${path}.${k}`);
  } else expect(actual, path).toEqual(expected);
};

const files = readdirSync(IN)
  .filter((f) => f.endsWith('.geojson'))
  .map((f) => f.replace(/\.geojson$/, ''))
  .sort();

describe('checkFireLanes golden files (in/*.geojson → out/*.geojson)', () => {
  it('has expected violations for every input', () => {
    expect(files).toEqual(Object.keys(EXPECTED).sort());
  });

  it.each(files)('%s', (name) => {
    const file = `${name}.geojson`;
    const input = JSON.parse(readFileSync(join(IN, file), 'utf8')) as FeatureCollection & {
      options?: FireLaneOptions;
    };
    const before = JSON.stringify(input);
    const r = checkFireLanes(input, input.options);
    expect(JSON.stringify(input), 'input not modified').toBe(before);

    const want = EXPECTED[name]!;
    const rows = r.violations.features.map((f): Row => [
      f.properties.ruleId,
      f.properties.featureId ?? f.properties.laneId,
      f.properties.measured,
    ]);
    expect(rows, want.why).toEqual(want.rows);
    expect(r.summary.total).toBe(want.rows.length);

    const golden = goldenOf(input, r);
    const outFile = join(OUT, file);
    if (UPDATE) writeFileSync(outFile, `${JSON.stringify(golden)}\n`);
    expectClose(JSON.parse(JSON.stringify(golden)), JSON.parse(readFileSync(outFile, 'utf8')));
  });
});
