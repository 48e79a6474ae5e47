import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Feature, FeatureCollection, LineString, Point, Polygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import { localProjection, type XY } from '../../../domain/geo/local-projection';
import { generateParkingLayout } from '../../../domain/parking/generate-parking-layout';
import type { ParkingLayoutOptions, ParkingLayoutResult } from '../../../domain/parking/types';
import { generateParkingLayoutLegacy } from '../../../bench/legacy-parking/generate-parking-layout';
import { checkStallReachability } from '../../../domain/parking/check-stall-reachability';
import {
  expectReachable,
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
 * 9.0, so a double-loaded module is 2·5.3 + 9 = 19.6 m deep; accessible stalls: ⌈0.5 % × n⌉
 * (GB 50763-2012 §7.3.3, residential; issue 12: it was ⌈2 % × n⌉ from the superseded JGJ 50, so
 * the cases of 51–90 stalls had 2 and now have 1, with the same stall count: the accessible
 * stall's 1.2 m aisle fits the row's slack as the pair's did), a pair shares one 1.2 m aisle,
 * which costs a stall only where a row has < 1.2 m of slack).
 */
const EXPECTED: Record<
  string,
  {
    count: number;
    accessible: number;
    ev?: number;
    why: string;
    entrance?: 'given' | 'nearestRoad' | 'longestEdge';
    connectors?: number;
    /** The layout before aisle networks: [stalls, of them reachable from the same entrance, aisle networks]. */
    before?: [number, number, number];
  }
> = {
  'rect-40x40': {
    count: 60,
    accessible: 1,
    entrance: 'longestEdge',
    connectors: 1,
    before: [64, 0, 2],
    why: 'was 64 (2 modules = 39.2 m, 4 rows × 16) on two aisles that did not reach the entrance (middle of the south edge, the first longest edge): now both north–south 9 m aisles are joined by one 5.5 m connector along the south edge from the entrance, which takes the south end of each row (4 rows × 15 = 60, the gate’s clear circle inside the connector); the accessible pair fits in a row’s slack',
  },
  'rect-60x30': {
    count: 64,
    accessible: 1,
    ev: 7,
    entrance: 'longestEdge',
    connectors: 1,
    before: [72, 24, 3],
    why: 'was 72 (3 modules across the 60 m side, rows of 12) on 3 unconnected aisles, 24 of them on the one the entrance reached; now the three 9 m aisles north–south are joined by a connector along the south edge: 64; EV ⌈10 % × 64⌉ = 7',
  },
  'rect-40x40-deg60': {
    count: 48,
    accessible: 1,
    entrance: 'longestEdge',
    connectors: 1,
    before: [60, 22, 3],
    why: '60° on the table’s one-way 4.5 m aisles would need a loop, which 40 m has no room for; the same rows on two-way 5.5 m aisles (RULES twoWayAisleMinWidthM) fit: two 60° modules 2·5.8 + 5.5 = 17.1 m deep, joined by one connector from the entrance; was 60 (fillers on one-way aisles, 3 networks, 22 reachable)',
  },
  'l-shape': {
    count: 80,
    accessible: 1,
    entrance: 'longestEdge',
    connectors: 2,
    before: [104, 30, 3],
    why: '60 × 60 minus the top-right 30 × 30, entrance at the middle of the 60 m south edge: aisles north–south, a 9 m aisle in the full height, the 60° module’s one-way 4.5 m aisle entered from the south connector and left by the one across the arm’s top (y 30), and a 9 m aisle in the arm; the connectors take the row ends they cross: 66 at 90°, 14 at 60°; was 104 on 3 networks, 30 reachable',
  },
  'rotated-40x60': {
    count: 90,
    accessible: 1,
    entrance: 'longestEdge',
    connectors: 1,
    before: [99, 0, 2],
    why: 'rows along the 60 m side at 27°, 2 modules; one connector from the entrance (middle of the 60 m side) along the lot’s end joins both aisles: 4 rows lose 2–3 stalls each, 99 → 90',
  },
  'hole-and-obstacles': {
    count: 30,
    accessible: 1,
    entrance: 'longestEdge',
    connectors: 4,
    before: [61, 14, 8],
    why: 'a 50 × 45 lot with a 12 × 6 island, a 12 × 15 building, two trees and a 4 m fire lane (aisles may cross it, stalls not): before, 61 stalls on 8 separate aisle stretches (the island and the building cut every band), 14 of them reachable from the entrance (middle of the south edge); now 4 connectors join three 9 m aisles and a one-way 60° filler aisle around the island and the building: 27 at 90° + 3 at 60°, all reachable (see the out file)',
  },
  triangle: {
    count: 34,
    accessible: 1,
    entrance: 'longestEdge',
    connectors: 2,
    before: [42, 0, 3],
    why: 'a 60 m base, apex 45 m up (1350 m²), entrance at the middle of the base: two 9 m aisles at 24° (along the west side) joined by two connectors, one from the entrance; was 42 on 3 networks none of which reached the entrance',
  },
  trapezoid: {
    count: 47,
    accessible: 1,
    entrance: 'longestEdge',
    connectors: 1,
    before: [59, 0, 2],
    why: '60 m base, 35 m top, 35 m high (1662.5 m²): two 9 m aisles at 10° joined by a connector along the base from the entrance at its middle; was 59 on 2 networks, none at the entrance',
  },
  'u-shape': {
    count: 52,
    accessible: 1,
    entrance: 'longestEdge',
    connectors: 3,
    before: [64, 0, 3],
    why: 'the issue’s U: 50 × 40 minus a 20 × 20 notch (1600 m², arms 15 m wide), entrance at the middle of the 50 m south edge; before, 64 stalls on 3 aisles (the base and one in each arm, walled in by rows), none reaching the entrance; now east–west 9 m aisles in the base and each arm, one connector from the entrance to the base aisle and one up each arm’s outer side: 52, all reachable',
  },
  'u-shape-entrance-east': {
    count: 54,
    accessible: 1,
    entrance: 'given',
    connectors: 2,
    before: [64, 12, 3],
    why: 'the same U entered from the east side of its east arm (given 0.8 m outside, moved onto the edge): one connector down the east arm to the base aisle, one up the west arm: 54; before, 12 of 64 were on the aisle this entrance reached',
  },
  'rect-with-hole': {
    count: 58,
    accessible: 1,
    entrance: 'longestEdge',
    connectors: 2,
    before: [64, 0, 2],
    why: 'a 45 × 40 lot with a 9 × 8 hole in the middle (a tree pit): two 9 m aisles north–south beside the hole, joined by two connectors: 58; before, 64 on 2 networks, none at the entrance',
  },
  'l-shape-road': {
    count: 89,
    accessible: 1,
    entrance: 'nearestRoad',
    connectors: 2,
    before: [104, 0, 3],
    why: 'the L with a road 8 m west of it: the entrance defaults to the nearest edge point (the west edge, offset 8 m), and the aisles run north–south with connectors along the west-side ends: 65 at 90° + 24 at 60°, more than from the south edge (80)',
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
    count: 51,
    accessible: 1,
    entrance: 'longestEdge',
    connectors: 1,
    before: [55, 0, 2],
    why: '原幼儿园停车场, ≈1381 m², OSM way 594882341: 1.5 modules along its long side, 4 rows of 13–14 after the connector from the entrance joins both aisles (was 55 on 2 networks); area bound 1381/23.52 = 58.7',
  },
  'real-way-167320221': {
    count: 89,
    accessible: 1,
    entrance: 'longestEdge',
    connectors: 1,
    before: [98, 0, 2],
    why: 'OSM way 167320221, ≈2432 m², a skewed quadrilateral: 2 modules along its long axis joined by one connector from the entrance (was 98 on 2 networks); area bound 2432/23.52 = 103',
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
  connector: { fill: '#fca5a5', 'fill-opacity': 0.5, stroke: '#9ca3af', 'stroke-width': 0.5 },
  centreline: { stroke: '#4b5563', 'stroke-width': 1, 'stroke-dasharray': '4 2' },
  entrance: { 'marker-color': '#dc2626', 'marker-symbol': 'car', 'marker-size': 'medium' },
  road: { stroke: '#f59e0b', 'stroke-width': 6 },
  accessibleAisle: { fill: '#facc15', 'fill-opacity': 0.8, stroke: '#ca8a04', 'stroke-width': 0.5 },
} as const;

interface Case {
  name: string;
  boundary: Feature<Polygon | LineString>;
  options: ParkingLayoutOptions;
  obstacles: FeatureCollection;
  keepClear: FeatureCollection;
  /** Lots: where cars enter (role 'entrance'), and roads for the default (role 'road'). */
  entrance: Feature<Point> | undefined;
  roads: FeatureCollection | undefined;
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
    entrance: byRole('entrance')[0] as Feature<Point> | undefined,
    roads: byRole('road').length
      ? { type: 'FeatureCollection', features: byRole('road') }
      : undefined,
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
      const role = f.properties?.role as 'boundary' | 'obstacle' | 'keepClear' | 'road';
      return role === ('entrance' as string)
        ? { ...f, properties: { ...f.properties, role: 'entrance (given)' } }
        : { ...f, properties: { ...f.properties, ...STYLE[role] } };
    }),
    ...r.aisles.features.map((f) => ({
      ...f,
      properties: {
        ...f.properties,
        ...(f.properties.kind !== 'drive'
          ? STYLE.accessibleAisle
          : f.properties.role === 'connector'
            ? STYLE.connector
            : STYLE.drive),
      },
    })),
    ...(r.centrelines?.features ?? []).map((f) => ({
      ...f,
      id: `centreline-${String(f.id)}`,
      properties: { ...f.properties, ...STYLE.centreline },
    })),
    ...(r.entrance
      ? [
          {
            ...r.entrance,
            properties: { ...r.entrance.properties, role: 'entrance', ...STYLE.entrance },
          },
        ]
      : []),
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
      {
        boundary: c.boundary,
        obstacles: c.obstacles,
        keepClear: c.keepClear,
        ...(c.entrance ? { entrance: c.entrance } : {}),
        ...(c.roads ? { roads: c.roads } : {}),
      },
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
      // A car can use it: one aisle network from the entrance, every stall on it.
      expectReachable(r, rings[0], p);
      if (want.entrance) expect(r.entrance!.properties.source).toBe(want.entrance);
      if (want.connectors !== undefined)
        expect(
          r.aisles.features.filter((f) => f.properties.role === 'connector').length,
          'connectors',
        ).toBe(want.connectors);
      if (want.before !== undefined) {
        // Today's count before the network (bench/legacy-parking), and how many of those
        // stalls the same entrance reached.
        const old = generateParkingLayoutLegacy(
          { boundary: c.boundary, obstacles: c.obstacles, keepClear: c.keepClear },
          c.options,
        );
        const reach = checkStallReachability({
          stalls: old.stalls,
          aisles: old.aisles,
          entrance: r.entrance!.geometry,
        });
        expect([old.count, reach.reachableCount, reach.components]).toEqual(want.before);
      }
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
