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

const EXPECTED: Record<string, { rows: Row[]; why: string }> = {
  'clear-width-gap-3.9m': {
    rows: [
      ['clear-width', 'bldg-w', 1.95],
      ['clear-width', 'bldg-e', 1.95],
    ],
    why: 'walls 3.9/2 = 1.95 m from the centreline < 4.0/2 = 2.0 m: both buildings intrude by 5 cm',
  },
  'clear-width-gap-4.0m': {
    rows: [],
    why: 'walls exactly 2.0 m from the centreline: on the edge, passes',
  },
  'clear-width-lane-3.9m': {
    rows: [['clear-width', 'lane-narrow', 3.9]],
    why: 'widthM 3.9 < 4.0 fails; 4.0 passes',
  },
  'clear-width-stall': {
    rows: [
      ['clear-width', 'stall-7', 0.5],
      ['clear-width', 'tree-1', 1.5],
    ],
    why: 'stall-7 starts 0.5 m from the centreline, tree-1 1.5 m: both < 2.0 m; stall-8 at 2.0 m passes',
  },
  'turning-right-angle-8m-legs': {
    rows: [['turning-radius', 'lane-1', 8]],
    why: 'R = 8 / tan(90°/2) = 8 m < 9 m',
  },
  'turning-right-angle-20m-legs': { rows: [], why: 'R = 20 m ≥ 9 m' },
  'turning-aerial-10m-legs': {
    rows: [['turning-radius', 'lane-1', 10]],
    why: 'R = 10 m ≥ 9 m but < 12 m for an aerial lane',
  },
  'dead-end-13m-turnaround': { rows: [], why: '150 m > 120 m needs a turnaround; 13 m ≥ 12 m' },
  'dead-end-13m-turnaround-high-rise': {
    rows: [['dead-end', 'turn-1', 13]],
    why: 'highRise lane: turn-1 holds 13 m < 15 m',
  },
  'dead-end-no-turnaround': {
    rows: [['dead-end', 'lane-long', 0]],
    why: '150 m > 120 m with no turnaround; the 100 m lane needs none',
  },
  'not-connected': {
    rows: [['connectivity', 'lane-1', 0]],
    why: 'the lane ends 20 m short of the road',
  },
  'ring-one-connection': {
    rows: [['ring-connections', 'ring', 1]],
    why: 'a ring meeting the road through one spur: 1 < 2 (corners: R = 20/tan 45° = 20 m; T junction: R = 10 m, pass)',
  },
  'ring-two-connections': { rows: [], why: 'road spur and gate spur: 2 connections' },
  'high-rise': {
    rows: [
      ['wall-distance', 'bldg-b', 3],
      ['rescue-side-obstacle', 'tree-1', 4],
      ['rescue-site', 'bldg-b', 8],
    ],
    why: 'bldg-b wall 5 m from the centreline − 2 m = 3 m < 5 m; tree-1: 4 m from the lane edge + 4 m from the wall = the 8 m gap; rescue-b is 8 m wide < 10 m. bldg-a: 8 m, rescue-a 20 × 10 at 6 m pass',
  },
  'building-access': {
    rows: [
      ['building-access', 'bldg-far', 68],
      ['building-access', 'bldg-none', null],
    ],
    why: 'bldg-far 70 − 2 = 68 m > 60 m; bldg-none 198 m, beyond the 120 m search',
  },
  'real-cau-service-road': {
    rows: [
      ['clear-width', 'way/609217610', 1.99],
      ['clear-width', 'way/609217612', 1.89],
      ['dead-end', 'lane-cau', 0],
      ['building-access', 'way/167171224', 104.96],
      ['building-access', 'way/609217606', 63.22],
      ['rescue-site', 'way/154827373', null],
    ],
    why: 'OSM: parking spaces 609217612 (along the south kerb) and 609217610 (at the east end) reach into the 4 m lane; 609217613 and 609217614 stay clear; the lane ends 311 m from the residential road without a turnaround; 学生公寓二号楼 (14 levels ≈ 42 m) has no rescue site',
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
