import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Feature, FeatureCollection, LineString, Polygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import { localProjection, type XY } from '../../../domain/geo/local-projection';
import { generateParkingLayout } from '../../../domain/parking/generate-parking-layout';
import type { ParkingLayoutOptions, ParkingLayoutResult } from '../../../domain/parking/types';
import {
  overlappingPairs,
  shrink,
  ringToLineM,
  stallHits,
  stallInside,
  toLocalRing,
} from './geometry-checks';
import { circlePolygon } from '../../../domain/geo/buffer-polyline';
import { segmentsIntersect } from '../../../domain/geo/segments-intersect';

const IN = join(import.meta.dirname, 'in');
const OUT = join(import.meta.dirname, 'out');
const UPDATE = process.env.UPDATE_GOLDEN === '1';

/**
 * Stall counts per case, worked by hand (JGJ 100 表4.3.4, 90°: depth d 5.3, pitch 2.4, aisle
 * 9.0, so a double-loaded module is 2·5.3 + 9 = 19.6 m deep; accessible stalls: ⌈2 % × n⌉, a
 * pair shares one 1.2 m aisle, which costs a stall only where a row has < 1.2 m of slack).
 */
const EXPECTED: Record<string, { count: number; accessible: number; ev?: number; why: string }> = {
  'rect-40x40': {
    count: 64,
    accessible: 2,
    why: '2 modules = 39.2 m ≤ 40; 4 rows × ⌊40/2.4⌋ = 16 → 64; slack 1.6 m takes the 1.2 m aisle',
  },
  'rect-60x30': {
    count: 72,
    accessible: 2,
    ev: 8,
    why: 'rows along the 30 m side: 3 modules = 58.8 ≤ 60; 6 rows × ⌊30/2.4⌋ = 12 → 72 (along 60: 1 module, 50); slack 1.2 m; EV ⌈10 % × 72⌉ = 8',
  },
  'rect-40x40-deg60': {
    count: 60,
    accessible: 2,
    // Was 52 = 4 × 13 (two 60° modules, 7.8 m wasted) before strips were filled.
    why: '60°: module 2·5.8 + 4.5 = 16.1; a row of n takes (n − 1)·2.8 + 4.75 m → 13 per 40 m row. One 60° module (2 × 13) + a 45° module 2·5.5 + 3.8 = 14.8 m, (40 − 5.5)/3.4 + 1 → 2 × 11 + two parallel rows back to back on a 3.8 m aisle, 8.6 m, 2 × ⌊40/6⌋ = 12: 39.5 m ≤ 40, 26 + 22 + 12 = 60; the accessible pair and its 1.2 m aisle fit in a parallel row (6·6 + 1.2 = 37.2 ≤ 37.2 m free)',
  },
  'l-shape': {
    count: 104,
    accessible: 3,
    // Was 98 (accessible 2): the middle 90° module (12 + 12) is now a 60° module that reaches
    // into the full-height part, +6; ⌈2 % × 104⌉ = 3 accessible.
    why: '60 × 60 minus the top-right 30 × 30, aisles north–south: a 90° module in the full height, 2 × 25 = 50; a 60° module (16.1 m) whose 4.5 m aisle lies in the full height: rows of (60 − 4.75)/2.8 + 1 → 20 and, in the 30 m arm, (30 − 4.75)/2.8 + 1 → 10; a 90° module in the arm, 12 + 12; 19.6 + 16.1 + 19.6 = 55.3 ≤ 60; 50 + 30 + 24 = 104; the 3 accessible stalls use the arm rows’ 1.2 m slack (30 − 12·2.4)',
  },
  'rotated-40x60': {
    count: 99,
    accessible: 2,
    why: 'rows along the 60 m side at 27°: 2 modules in 40 m, 4 × ⌊60/2.4⌋ = 25 = 100 with no slack, so the 1.2 m aisle costs one stall: 99',
  },
  'hole-and-obstacles': {
    count: 61,
    accessible: 2,
    // Was 54: the 10.8 m strip east of the two 90° modules now holds two parallel rows back to
    // back (8.6 m) at the east edge: +8; the modules shift west and the row beside the building
    // loses one stall to the island's aisle gap (10 → 9): 54 + 8 − 1 = 61.
    why: 'a 50 × 45 lot with a 12 × 6 island, a 12 × 15 building, two trees and a 4 m fire lane (aisles may cross it, stalls not): north–south aisles; parallel rows at x 41.4–50 south of the building (y < 30), their 3.8 m aisle broken by the tree at (44, 8): runs of 6.0 and 19.2 m → 1 + 3 stalls per row (the accessible pair’s 1.2 m aisle fits in the slack), see the out file',
  },
  'kerb-deg90': {
    count: 24,
    accessible: 1,
    why: '60 m: ⌊(60 − 2.4 − 1.2)/2.4⌋ + 1 = 24 with the accessible aisle (25 without)',
  },
  'kerb-deg60': {
    count: 20,
    accessible: 1,
    why: 'a 60° stall spans 4.75 m, then one per 2.8 m: ⌊(60 − 4.75 − 1.39)/2.8⌋ + 1 = 20',
  },
  'kerb-deg45': {
    count: 16,
    accessible: 1,
    why: 'a 45° stall spans 5.50 m, then one per 3.4 m: ⌊(60 − 5.5 − 1.70)/3.4⌋ + 1 = 16',
  },
  'kerb-deg30': {
    count: 11,
    accessible: 1,
    why: 'a 30° stall spans 5.91 m, then one per 4.8 m: ⌊(60 − 5.91 − 2.4)/4.8⌋ + 1 = 11',
  },
  'kerb-parallel': {
    count: 9,
    accessible: 1,
    why: '6.0 m each: ⌊(60 − 6 − 1.2)/6⌋ + 1 = 9 (10 without the accessible aisle)',
  },
  'kerb-deg90-bend': {
    count: 26,
    accessible: 1,
    why: 'inside corner: 40 m leg ⌊40/2.4⌋ = 16; the 30 m leg loses the 5.3 m the first row covers: ⌊24.7/2.4⌋ = 10',
  },
  'real-way-594882341': {
    count: 55,
    accessible: 2,
    why: '原幼儿园停车场, ≈1381 m², OSM way 594882341: 1.5 modules along its long side, 4 rows of 14–15; area bound 1381/23.52 = 58.7',
  },
  'real-way-167320221': {
    count: 98,
    accessible: 2,
    why: 'OSM way 167320221, ≈2432 m², a skewed quadrilateral: 2 modules along its long axis, rows of 24–25; area bound 2432/23.52 = 103',
  },
};

const STYLE = {
  boundary: { stroke: '#111827', 'stroke-width': 2, 'fill-opacity': 0 },
  obstacle: { fill: '#6b7280', 'fill-opacity': 0.7, stroke: '#374151' },
  keepClear: { stroke: '#dc2626', 'stroke-width': 4, fill: '#dc2626', 'fill-opacity': 0.3 },
  standard: { fill: '#60a5fa', 'fill-opacity': 0.6, stroke: '#1d4ed8', 'stroke-width': 1 },
  accessible: { fill: '#1d4ed8', 'fill-opacity': 0.8, stroke: '#1e3a8a', 'stroke-width': 1 },
  ev: { fill: '#22c55e', 'fill-opacity': 0.7, stroke: '#15803d', 'stroke-width': 1 },
  drive: { fill: '#d1d5db', 'fill-opacity': 0.4, stroke: '#9ca3af', 'stroke-width': 0.5 },
  accessibleAisle: { fill: '#facc15', 'fill-opacity': 0.8, stroke: '#ca8a04', 'stroke-width': 0.5 },
} as const;

interface Case {
  name: string;
  boundary: Feature<Polygon | LineString>;
  options: ParkingLayoutOptions;
  obstacles: FeatureCollection;
  keepClear: FeatureCollection;
  input: FeatureCollection;
}

const loadCase = (file: string): Case => {
  const input = JSON.parse(readFileSync(join(IN, file), 'utf8')) as FeatureCollection;
  const byRole = (role: string) => input.features.filter((f) => f.properties?.role === role);
  const boundary = byRole('boundary')[0] as Feature<Polygon | LineString>;
  return {
    name: file.replace(/\.geojson$/, ''),
    boundary,
    options: (boundary.properties?.options ?? {}) as ParkingLayoutOptions,
    obstacles: { type: 'FeatureCollection', features: byRole('obstacle') },
    keepClear: { type: 'FeatureCollection', features: byRole('keepClear') },
    input,
  };
};

/** The input and the result in one file, styled with simplestyle for a map viewer. */
const goldenOf = (c: Case, r: ParkingLayoutResult): object => ({
  type: 'FeatureCollection',
  result: {
    mode: r.mode,
    count: r.count,
    countsByType: r.countsByType,
    angleDeg: r.angleDeg,
    stallAngleDeg: r.stallAngleDeg,
    accessibleRequired: r.accessibleRequired,
    dimensions: r.dimensions,
    ...(r.areaSqM === undefined ? {} : { areaSqM: r.areaSqM }),
    ...(r.lengthM === undefined ? {} : { lengthM: r.lengthM }),
  },
  features: [
    ...c.input.features.map((f) => {
      const role = f.properties?.role as 'boundary' | 'obstacle' | 'keepClear';
      return { ...f, properties: { ...f.properties, ...STYLE[role] } };
    }),
    ...r.aisles.features.map((f) => ({
      ...f,
      properties: {
        ...f.properties,
        ...(f.properties.kind === 'drive' ? STYLE.drive : STYLE.accessibleAisle),
      },
    })),
    ...r.stalls.features.map((f) => ({
      ...f,
      properties: { ...f.properties, ...STYLE[f.properties.stallType] },
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

describe('generateParkingLayout golden files (in/*.geojson → out/*.geojson)', () => {
  it('has an expected count for every input', () => {
    expect(files).toEqual(Object.keys(EXPECTED).sort());
  });

  it.each(files)('%s', (name) => {
    const file = `${name}.geojson`;
    const c = loadCase(file);
    const r = generateParkingLayout(
      { boundary: c.boundary, obstacles: c.obstacles, keepClear: c.keepClear },
      c.options,
    );
    const golden = goldenOf(c, r);
    const outFile = join(OUT, file);
    if (UPDATE) writeFileSync(outFile, `${JSON.stringify(golden)}\n`);
    expectClose(JSON.parse(JSON.stringify(golden)), JSON.parse(readFileSync(outFile, 'utf8')));

    const want = EXPECTED[c.name]!;
    expect(r.count, want.why).toBe(want.count);
    expect(r.countsByType.accessible).toBe(want.accessible);
    if (want.ev !== undefined) expect(r.countsByType.ev).toBe(want.ev);
    expect(r.countsByType.standard + r.countsByType.accessible + r.countsByType.ev).toBe(r.count);
    r.stalls.features.forEach((f, i) => {
      expect(f.id).toBe(i);
      expect(f.properties.index).toBe(i);
    });

    // Validity, in metres.
    const g = c.boundary.geometry;
    const p = localProjection(
      (g.type === 'Polygon' ? g.coordinates[0]![0] : g.coordinates[0]) as [number, number],
    );
    const stalls = r.stalls.features.map((f) => toLocalRing(f.geometry.coordinates[0]!, p));
    expect(overlappingPairs(stalls)).toEqual([]);
    if (c.boundary.geometry.type === 'Polygon') {
      const rings = c.boundary.geometry.coordinates.map((ring) => toLocalRing(ring, p));
      stalls.forEach((s, i) => expect(stallInside(s, rings), `stall ${i} inside`).toBe(true));
    } else {
      const kerb = c.boundary.geometry.coordinates.map((q) => p.toLocal(q));
      for (const s of stalls)
        for (let k = 0; k + 1 < kerb.length; k++)
          for (let j = 0; j < 4; j++)
            expect(
              segmentsIntersect(kerb[k]!, kerb[k + 1]!, shrink(s)[j]!, shrink(s)[(j + 1) % 4]!),
            ).toBe(false);
    }
    for (const o of c.obstacles.features) {
      const g = o.geometry;
      const ring: XY[] =
        g.type === 'Point'
          ? circlePolygon(p.toLocal(g.coordinates), (o.properties?.radiusM as number) ?? 0.75)
          : toLocalRing((g as Polygon).coordinates[0]!, p);
      stalls.forEach((s, i) => expect(stallHits(s, ring), `stall ${i} vs obstacle`).toBe(false));
    }
    for (const k of c.keepClear.features) {
      const line = (k.geometry as LineString).coordinates.map((q) => p.toLocal(q));
      const half = Math.max(4, (k.properties?.widthM as number) ?? 4) / 2;
      for (const s of stalls) expect(ringToLineM(s, line)).toBeGreaterThanOrEqual(half - 1e-6);
    }
  });
});
