import type { FeatureCollection, Polygon, Position } from 'geojson';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../../domain/geo/input-error';
import { localProjection, type XY } from '../../../domain/geo/local-projection';
import { generateParkingLayout } from '../../../domain/parking/generate-parking-layout';
import type { ParkingAngle } from '../../../domain/parking/types';
import { RULES } from '../../../domain/standards/rules';
import {
  convexOverlapSqM,
  overlappingPairs,
  ringToLineM,
  stallHits,
  stallInside,
  toLocalRing,
} from './geometry-checks';

const P = localProjection([116.35, 40.0]);
const ll = (p: XY): Position => P.toLonLat(p);
const rotate = ([x, y]: XY, deg: number, [ox, oy]: XY = [0, 0]): XY => {
  const t = (deg * Math.PI) / 180;
  return [ox + x * Math.cos(t) - y * Math.sin(t), oy + x * Math.sin(t) + y * Math.cos(t)];
};
const closed = (pts: readonly XY[]): Position[] => [...pts, pts[0]!].map(ll);
const polygon = (...rings: (readonly XY[])[]): Polygon => ({
  type: 'Polygon',
  coordinates: rings.map(closed),
});
const rect = (w: number, h: number, deg = 0, at: XY = [0, 0]): XY[] =>
  (
    [
      [0, 0],
      [w, 0],
      [w, h],
      [0, h],
    ] as XY[]
  ).map((p) => rotate(p, deg, at));

/** Deterministic pseudo-random numbers (mulberry32), so failures reproduce. */
const random = (seed: number) => () => {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};

const ANGLES: ParkingAngle[] = ['deg90', 'deg60', 'deg45', 'deg30', 'parallel'];

describe('generateParkingLayout on random lots (properties)', () => {
  const rnd = random(20240603);
  const cases = Array.from({ length: 24 }, (_, i) => {
    const w = 15 + rnd() * 55;
    const h = 15 + rnd() * 55;
    const deg = rnd() * 180;
    const angle = ANGLES[i % ANGLES.length]!;
    const at = rotate([w * rnd(), h * rnd()], deg);
    const building = rect(4 + rnd() * 8, 4 + rnd() * 8, deg + rnd() * 30, at);
    const tree = rotate([w * rnd(), h * rnd()], deg);
    const lane = [rotate([-5, h * rnd()], deg), rotate([w + 5, h * rnd()], deg)];
    return { i, w, h, deg, angle, building, tree, lane };
  });

  it.each(cases)(
    'lot $i: $w × $h m at $deg°, $angle: no overlaps, inside, clear of obstacles and fire lane',
    ({ w, h, deg, angle, building, tree, lane }) => {
      const lot = rect(w, h, deg);
      const obstacles: FeatureCollection = {
        type: 'FeatureCollection',
        features: [
          { type: 'Feature', properties: {}, geometry: polygon(building) },
          { type: 'Feature', properties: {}, geometry: { type: 'Point', coordinates: ll(tree) } },
        ],
      };
      const keepClear: FeatureCollection = {
        type: 'FeatureCollection',
        features: [
          {
            type: 'Feature',
            properties: { widthM: 4.5 },
            geometry: { type: 'LineString', coordinates: lane.map(ll) },
          },
        ],
      };
      const r = generateParkingLayout(
        { boundary: polygon(lot), obstacles, keepClear },
        { angle, evShare: 0.1 },
      );
      const stalls = r.stalls.features.map((f) => toLocalRing(f.geometry.coordinates[0]!, P));
      expect(overlappingPairs(stalls)).toEqual([]);
      // No stall stands on a driving aisle (filler rows and their aisles included).
      const drive = r.aisles.features
        .filter((f) => f.properties.kind === 'drive')
        .map((f) => toLocalRing(f.geometry.coordinates[0]!, P));
      for (const s of stalls)
        for (const a of drive) expect(convexOverlapSqM(s, a)).toBeLessThan(1e-6);
      for (const s of stalls) {
        expect(stallInside(s, [lot])).toBe(true);
        expect(stallHits(s, building)).toBe(false);
        expect(ringToLineM(s, [tree])).toBeGreaterThanOrEqual(
          RULES.parking.treeClearanceRadiusM.value - 1e-6,
        );
        expect(ringToLineM(s, lane)).toBeGreaterThanOrEqual(4.5 / 2 - 1e-6);
      }
      expect(r.countsByType.accessible).toBe(
        Math.min(r.count, Math.ceil(RULES.parking.accessibleMinShare.value * r.count - 1e-9)),
      );
      // Accessible stalls each touch a wheelchair aisle.
      const access = r.aisles.features
        .filter((f) => f.properties.kind === 'accessible')
        .map((f) => toLocalRing(f.geometry.coordinates[0]!, P));
      r.stalls.features.forEach((f, k) => {
        if (f.properties.stallType !== 'accessible') return;
        const s = stalls[k]!;
        const touches = access.some((a) => ringToLineM(s, [...a, a[0]!]) < 1e-6);
        expect(touches).toBe(true);
      });
    },
  );
});

const lot = polygon(rect(40, 40));

describe('generateParkingLayout behaviour', () => {
  it('is deterministic and leaves its input untouched', () => {
    const input = { boundary: lot };
    const frozen = JSON.stringify(input);
    const a = generateParkingLayout(input, { evShare: 0.2 });
    const b = generateParkingLayout(JSON.parse(frozen) as typeof input, { evShare: 0.2 });
    expect(JSON.stringify(a)).toBe(JSON.stringify(b));
    expect(JSON.stringify(input)).toBe(frozen);
  });

  it('honours a requested accessible count above the 2 % minimum', () => {
    const r = generateParkingLayout({ boundary: lot }, { accessibleCount: 5 });
    expect(r.countsByType.accessible).toBe(5);
    expect(r.accessibleRequired).toBe(5);
    // Three wheelchair aisles for five stalls (two pairs and one alone).
    expect(r.aisles.features.filter((f) => f.properties.kind === 'accessible')).toHaveLength(3);
  });

  it('takes stall dimensions from overrides', () => {
    // 2.5 m field-practice stalls: ⌊40 / 2.5⌋ = 16 per row with no slack, 4 rows; the
    // accessible pair's 1.2 m aisle costs one stall.
    const r = generateParkingLayout({ boundary: lot }, { lengthAlongAisleM: 2.5 });
    expect(r.dimensions.stallWidthM).toBe(2.5);
    expect(r.count).toBe(63);
    // A 6 m aisle: modules of 16.6 m; a third (single-loaded, 11.3 m) does not fit in 6.8 m…
    expect(
      generateParkingLayout({ boundary: lot }, { aisleWidthM: 6, fillStrips: false }).count,
    ).toBe(64);
    // …but a parallel row on a 3.8 m aisle along the lot's edge (2.4 + 3.8 = 6.2 m) does:
    // ⌊40/6⌋ = 6 more (was 64 before strips were filled).
    expect(generateParkingLayout({ boundary: lot }, { aisleWidthM: 6 }).count).toBe(64 + 6);
    // …but a 5.5 m reverse-in aisle on a 45 m lot does: 2 × 16.1 + 10.8 = 43 → 5 rows.
    const deep = generateParkingLayout({ boundary: polygon(rect(40, 45)) }, { aisleWidthM: 5.5 });
    expect(deep.count).toBe(5 * 16);
  });

  it('keeps a fixed orientation when asked', () => {
    const r = generateParkingLayout({ boundary: polygon(rect(60.5, 30)) }, { orientationDeg: 90 });
    // Aisles east–west along the 60.5 m side: one module in 30 m: 2 × 25 = 50; the 10.4 m
    // left takes a 60° row on its 4.5 m aisle along the lot's edge (5.8 + 4.5 = 10.3 m),
    // ⌊(60.5 − 4.75)/2.8⌋ + 1 = 20, whose 2.55 m of slack holds the accessible pair's aisle
    // (1.2 / sin 60° = 1.39 m), so no stall is lost: 70 (was 49 = 50 − 1 before strips were
    // filled). Free search: 72 (rows along the 30 m side).
    expect(r.angleDeg).toBeCloseTo(90, 1);
    expect(r.count).toBe(70);
    const byAngle = (deg: number) =>
      r.stalls.features.filter((f) => f.properties.angleDeg === deg).length;
    expect([byAngle(90), byAngle(60)]).toEqual([50, 20]);
    expect(r.stallAngleDeg).toBe(90);
  });

  it('fills the strip two 90° modules leave with a single-loaded row on an edge aisle', () => {
    // 50 × 50 m: 2 modules of 19.6 m = 39.2 m, 4 rows × ⌊50/2.4⌋ = 20 = 80 (75 % of the
    // 23.52 m² bound). The 10.8 m left is too narrow for a 90° row (14.3 m) but takes a 60° row
    // with its 4.5 m aisle (10.3 m): ⌊(50 − 4.75)/2.8⌋ + 1 = 17, so 97.
    const r = generateParkingLayout({ boundary: polygon(rect(50, 50)) });
    expect(r.count).toBe(97);
    const byAngle = (deg: number) =>
      r.stalls.features.filter((f) => f.properties.angleDeg === deg).length;
    expect([byAngle(90), byAngle(60)]).toEqual([80, 17]);
    const drive = r.aisles.features.filter((f) => f.properties.kind === 'drive');
    expect(drive.map((f) => f.properties.widthM).sort()).toEqual([4.5, 9, 9]);
    // The filler's aisle runs along the lot's edge: one of its long sides lies on it.
    const filler = toLocalRing(
      drive.find((f) => f.properties.widthM === 4.5)!.geometry.coordinates[0]!,
      P,
    );
    const onEdge = (v: number) => Math.abs(v) < 1e-6 || Math.abs(v - 50) < 1e-6;
    const xs = filler.map((p) => p[0]);
    const ys = filler.map((p) => p[1]);
    expect(xs.some(onEdge) || ys.some(onEdge)).toBe(true);
    expect(
      generateParkingLayout({ boundary: polygon(rect(50, 50)) }, { fillStrips: false }).count,
    ).toBe(80);
  });

  it('returns no stalls (not an error) when nothing fits', () => {
    // 10 × 10 m now holds two parallel stalls back to back on a 3.8 m aisle (2.4 + 3.8 + 2.4 =
    // 8.6 m deep, 6 m long); 5 × 5 m holds none (a parallel row needs 6 m of length).
    expect(generateParkingLayout({ boundary: polygon(rect(10, 10)) }).count).toBe(2);
    const r = generateParkingLayout({ boundary: polygon(rect(5, 5)) });
    expect(r.count).toBe(0);
    expect(r.stalls.features).toEqual([]);
  });
});

describe('generateParkingLayout input checks (InputError with zh and en)', () => {
  const codeOf = (f: () => unknown): string | undefined => {
    try {
      f();
    } catch (e) {
      expect(e).toBeInstanceOf(InputError);
      const err = e as InputError;
      expect(err.zh).toMatch(/[\u4e00-\u9fff]/);
      expect(err.en).toMatch(/[a-z]/);
      return err.code;
    }
    return undefined;
  };
  const run = (boundary: unknown, options = {}) =>
    codeOf(() =>
      generateParkingLayout(
        { boundary } as Parameters<typeof generateParkingLayout>[0],
        options as Parameters<typeof generateParkingLayout>[1],
      ),
    );
  const square = rect(30, 30).map(ll);

  it.each<[string, unknown, string]>([
    ['a point', { type: 'Point', coordinates: [116.35, 40] }, 'NOT_POLYGON'],
    ['nothing', undefined, 'NOT_POLYGON'],
    [
      'a ring of three positions',
      { type: 'Polygon', coordinates: [square.slice(0, 3)] },
      'TOO_FEW_POINTS',
    ],
    ['an open ring', { type: 'Polygon', coordinates: [square] }, 'RING_NOT_CLOSED'],
    [
      'a bow tie',
      { type: 'Polygon', coordinates: [[square[0], square[2], square[1], square[3], square[0]]] },
      'SELF_INTERSECTING',
    ],
    [
      'swapped lat/lon',
      { type: 'Polygon', coordinates: [[...square, square[0]!].map((p) => [p[1], p[0]])] },
      'LAT_LON_SWAPPED',
    ],
    [
      'a latitude beyond 90°',
      {
        type: 'Polygon',
        coordinates: [
          [
            [40, 116],
            [40.001, 116],
            [40.001, 116.001],
            [40, 116],
          ],
        ],
      },
      'LAT_LON_SWAPPED',
    ],
    [
      'a string coordinate',
      { type: 'Polygon', coordinates: [[['116', 40]]] },
      'INVALID_COORDINATES',
    ],
    ['60 ha', polygon(rect(1000, 600)), 'TOO_LARGE'],
    [
      'a hole outside',
      polygon(rect(30, 30), rect(5, 5, 0, [40, 40]).reverse()),
      'SELF_INTERSECTING',
    ],
    ['a one-point kerb', { type: 'LineString', coordinates: [[116.35, 40]] }, 'TOO_FEW_POINTS'],
  ])('rejects %s', (_, boundary, code) => {
    expect(run(boundary)).toBe(code);
  });

  it('rejects bad options with INVALID_OPTION', () => {
    expect(run(lot, { evShare: 1.5 })).toBe('INVALID_OPTION');
    expect(run(lot, { angle: 'deg75' })).toBe('INVALID_OPTION');
    expect(run(lot, { depthM: -1 })).toBe('INVALID_OPTION');
    expect(run(lot, { fillStrips: 'yes' })).toBe('INVALID_OPTION');
  });

  it('rejects obstacles that are not features', () => {
    const bad = { type: 'FeatureCollection', features: [{ type: 'Feature', geometry: null }] };
    expect(
      codeOf(() =>
        generateParkingLayout({ boundary: lot, obstacles: bad as unknown as FeatureCollection }),
      ),
    ).toBe('INVALID_OBSTACLE');
  });
});
