import type { FeatureCollection, Polygon, Position } from 'geojson';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../../domain/geo/input-error';
import { localProjection, type XY } from '../../../domain/geo/local-projection';
import { generateParkingLayout } from '../../../domain/parking/generate-parking-layout';
import type { ParkingAngle } from '../../../domain/parking/types';
import { RULES } from '../../../domain/standards/rules';
import {
  convexOverlapSqM,
  expectReachable,
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
      expectReachable(r, lot, P);
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

/** A star-shaped polygon around (0, 0): concave when its radii vary, convex when not. */
const star = (rnd: () => number, n: number, r0: number, spread: number, deg: number): XY[] =>
  Array.from({ length: n }, (_, k) => {
    const t = (2 * Math.PI * k) / n + (deg * Math.PI) / 180;
    const r = r0 * (1 - spread * rnd());
    return [r * Math.cos(t), r * Math.sin(t)] as XY;
  });

/** Convex hull (monotone chain) of some points, counter-clockwise. */
const hull = (pts: XY[]): XY[] => {
  const p = [...pts].sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const cross = (o: XY, a: XY, b: XY) =>
    (a[0] - o[0]) * (b[1] - o[1]) - (a[1] - o[1]) * (b[0] - o[0]);
  const half = (list: XY[]): XY[] => {
    const h: XY[] = [];
    for (const q of list) {
      while (h.length >= 2 && cross(h[h.length - 2]!, h[h.length - 1]!, q) <= 0) h.pop();
      h.push(q);
    }
    return h.slice(0, -1);
  };
  return [...half(p), ...half([...p].reverse())];
};

describe('generateParkingLayout on random convex and concave lots: no stall without a way in', () => {
  const rnd = random(20261202);
  const cases = Array.from({ length: 30 }, (_, i) => {
    const kind = (['convex', 'star', 'L', 'U', 'holed'] as const)[i % 5]!;
    const angle = ANGLES[Math.floor(i / 5) % ANGLES.length]!;
    const deg = rnd() * 180;
    const s = 25 + rnd() * 45;
    let outer: XY[];
    const holes: XY[][] = [];
    if (kind === 'convex')
      outer = hull(Array.from({ length: 9 }, () => [s * rnd(), s * rnd()] as XY));
    else if (kind === 'star') outer = star(rnd, 7 + Math.floor(rnd() * 5), s / 1.5, 0.45, deg);
    else if (kind === 'L') {
      const a = s * (0.35 + 0.3 * rnd());
      outer = [
        [0, 0],
        [s, 0],
        [s, a],
        [a, a],
        [a, s],
        [0, s],
      ];
    } else if (kind === 'U') {
      const arm = s * (0.25 + 0.1 * rnd());
      const base = s * (0.3 + 0.2 * rnd());
      outer = [
        [0, 0],
        [s, 0],
        [s, s],
        [s - arm, s],
        [s - arm, base],
        [arm, base],
        [arm, s],
        [0, s],
      ];
    } else {
      outer = [
        [0, 0],
        [s, 0],
        [s, s],
        [0, s],
      ];
      const c = s * (0.3 + 0.3 * rnd());
      holes.push([
        [c, c],
        [c, c + 6],
        [c + 8, c + 6],
        [c + 8, c],
      ]);
    }
    const rot = (q: XY): XY => rotate(q, deg);
    const entrance = i % 3 === 0 ? undefined : (i * 0.37) % 1;
    return { i, kind, angle, outer: outer.map(rot), holes: holes.map((h) => h.map(rot)), entrance };
  });

  it.each(cases)('lot $i: $kind, $angle', ({ outer, holes, angle, entrance }) => {
    // Every third lot takes the default entrance; the others one at a share of the perimeter.
    let at: Position | undefined;
    if (entrance !== undefined) {
      const edges = outer.map((a, k) => [a, outer[(k + 1) % outer.length]!] as const);
      const total = edges.reduce((t, [a, b]) => t + Math.hypot(b[0] - a[0], b[1] - a[1]), 0);
      let left = entrance * total;
      for (const [a, b] of edges) {
        const len = Math.hypot(b[0] - a[0], b[1] - a[1]);
        if (left <= len) {
          at = ll([a[0] + ((b[0] - a[0]) * left) / len, a[1] + ((b[1] - a[1]) * left) / len]);
          break;
        }
        left -= len;
      }
    }
    const r = generateParkingLayout(
      { boundary: polygon(outer, ...holes), ...(at ? { entrance: at } : {}) },
      { angle },
    );
    expectReachable(r, outer, P);
    const stalls = r.stalls.features.map((f) => toLocalRing(f.geometry.coordinates[0]!, P));
    expect(overlappingPairs(stalls)).toEqual([]);
    for (const st of stalls) expect(stallInside(st, [outer, ...holes])).toBe(true);
    if (at) expect(r.entrance!.properties.source).toBe('given');
    expect(r.count).toBeGreaterThan(0);
  });
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

  it('honours a requested accessible count above the 0.5 % minimum', () => {
    const r = generateParkingLayout({ boundary: lot }, { accessibleCount: 5 });
    expect(r.countsByType.accessible).toBe(5);
    expect(r.accessibleRequired).toBe(5);
    // Three wheelchair aisles for five stalls (two pairs and one alone).
    expect(r.aisles.features.filter((f) => f.properties.kind === 'accessible')).toHaveLength(3);
  });

  it('takes stall dimensions from overrides', () => {
    // 2.5 m field-practice stalls: 4 rows of ⌊40 / 2.5⌋ = 16 on two north–south aisles would be
    // 64 with no slack; the network's 5.5 m connector along the south edge (from the entrance
    // at its middle to both aisles) takes ⌈5.5/2.5⌉ = 3 stalls from each of the 4 rows (52 + the
    // gate's clear circle and the accessible aisle’s share), measured: 58.
    const r = generateParkingLayout({ boundary: lot }, { lengthAlongAisleM: 2.5 });
    expect(r.dimensions.stallWidthM).toBe(2.5);
    expect(r.count).toBe(58);
    expectReachable(r);
    // A 6 m aisle: two modules of 16.6 m, and the connector: 60 (64 before the network).
    const six = generateParkingLayout({ boundary: lot }, { aisleWidthM: 6, fillStrips: false });
    expect(six.count).toBe(60);
    expectReachable(six);
    // A 5.5 m reverse-in aisle on a 45 m lot: three aisles, 72 after the connector.
    const deep = generateParkingLayout({ boundary: polygon(rect(40, 45)) }, { aisleWidthM: 5.5 });
    expect(deep.count).toBe(72);
    expectReachable(deep);
  });

  it('keeps a fixed orientation when asked, its one-way filler entered and left by connectors', () => {
    const r = generateParkingLayout({ boundary: polygon(rect(60.5, 30)) }, { orientationDeg: 90 });
    // Aisles east–west along the 60.5 m side: one 90° module in 30 m (2 × 25 = 50 before the
    // network) and a 60° filler row on its one-way 4.5 m aisle along the lot's edge; the filler
    // aisle is one-way, so it is entered by one 5.5 m connector and left by another (one at
    // each end, crossing the 9 m two-way aisle): 45 at 90° and 16 at 60° (70 before).
    expect(r.angleDeg).toBeCloseTo(90, 1);
    expect(r.count).toBe(61);
    const byAngle = (deg: number) =>
      r.stalls.features.filter((f) => f.properties.angleDeg === deg).length;
    expect([byAngle(90), byAngle(60)]).toEqual([45, 16]);
    expect(r.stallAngleDeg).toBe(90);
    const drive = r.aisles.features.filter((f) => f.properties.kind === 'drive');
    expect(drive.map((f) => `${f.properties.role}:${f.properties.widthM}`).sort()).toEqual([
      'aisle:4.5',
      'aisle:9',
      'connector:5.5',
      'connector:5.5',
    ]);
    expect(drive.find((f) => f.properties.widthM === 4.5)!.properties.oneWay).toBe(true);
    expect(drive.find((f) => f.properties.widthM === 9)!.properties.oneWay).toBe(false);
    expectReachable(r);
  });

  it('joins the aisles of a square lot with one connector from the entrance', () => {
    // 50 × 50 m: 2 modules of 19.6 m, 4 rows × ⌊50/2.4⌋ = 20 = 80 before the network; the
    // connector from the entrance (middle of the south edge) along that edge takes 1–2 stalls of
    // each row: 76. A filler in the 10.8 m strip would need a second connector (its aisle is
    // one-way), which costs as many 90° stalls as it adds.
    const r = generateParkingLayout({ boundary: polygon(rect(50, 50)) });
    expect(r.count).toBe(76);
    const drive = r.aisles.features.filter((f) => f.properties.kind === 'drive');
    expect(drive.map((f) => f.properties.widthM).sort()).toEqual([5.5, 9, 9]);
    expectReachable(r);
  });

  it('returns no stalls (not an error) when nothing fits', () => {
    // 10 × 10 m holds one 45° stall on a one-way 3.8 m aisle, entered from the gate and left by a
    // connector; 5 × 5 m holds none.
    expect(generateParkingLayout({ boundary: polygon(rect(10, 10)) }).count).toBe(1);
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
