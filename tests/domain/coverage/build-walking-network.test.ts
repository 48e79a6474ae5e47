import type { Feature } from 'geojson';
import { describe, expect, it } from 'vitest';
import { buildWalkingNetwork } from '../../../domain/coverage/build-walking-network';
import { computeCoverage } from '../../../domain/coverage/compute-coverage';
import type {
  FacilityFeatures,
  NetworkLines,
  OriginFeatures,
} from '../../../domain/coverage/types';
import { InputError } from '../../../domain/geo/input-error';
import type { FacilityCategoryId } from '../../../domain/standards/rules';
import { fc, gridLines, line, point, polygon } from './build';

const KG: FacilityCategoryId = 'kindergarten';

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

describe('buildWalkingNetwork', () => {
  it('shares grid vertices as junctions: 5 × 5 nodes 100 m apart, 40 segments', () => {
    const net = buildWalkingNetwork({ network: fc(gridLines(5, 5, 100)) });
    expect(net.nodeCount).toBe(25);
    expect(net.edgeCount).toBe(40);
    for (let e = 0; e < net.edgeCount; e++) expect(net.edgeLengthM[e]).toBeCloseTo(100, 5);
  });

  it('grid: Manhattan distances, with connectors to off-network points', () => {
    // Kindergarten on the corner node (0,0); origins on the far corner, and at (250,130),
    // 30 m north of the street y = 100, which it joins at (250,100):
    // 250 east + 100 north + 30 connector = 380 m.
    const d = kgDistances(
      gridLines(5, 5, 100),
      [point(400, 400, {}, 'far'), point(250, 130, {}, 'off'), point(0, 0, {}, 'same')],
      [point(0, 0, { category: KG })],
    );
    expect(d.far).toBeCloseTo(800, 5);
    expect(d.off).toBeCloseTo(380, 5);
    expect(d.same).toBeCloseTo(0, 9);
  });

  it('detour around a gap: two streets 200 m apart joined only at their ends', () => {
    //  (0,200)────(200,200)o───(400,200)
    //     │          river         │
    //  (0,0)──────(200,0)k────(400,0)
    const d = kgDistances(
      [
        line([
          [0, 0],
          [200, 0],
          [400, 0],
        ]),
        line([
          [0, 200],
          [200, 200],
          [400, 200],
        ]),
        line([
          [0, 0],
          [0, 200],
        ]),
        line([
          [400, 0],
          [400, 200],
        ]),
      ],
      [point(200, 200, {}, 'o')],
      [point(200, 0, { category: KG })],
    );
    expect(d.o).toBeCloseTo(600, 5);
  });

  it('disconnected component: Infinity, counted as unreachable', () => {
    const result = computeCoverage(
      {
        network: fc([
          line([
            [0, 0],
            [300, 0],
          ]),
          line([
            [0, 100],
            [300, 100],
          ]),
        ]) as never,
        origins: fc([
          point(150, 110, { households: 40 }, 'island'),
          point(150, 10, {}, 'near'),
        ]) as never,
        facilities: fc([point(0, 0, { category: KG })]) as never,
      },
      { categories: [KG] },
    );
    const [island, near] = result.origins;
    expect(island!.distancesM[KG]).toBe(Infinity);
    expect(island!.missing).toEqual([KG]);
    expect(near!.distancesM[KG]).toBeCloseTo(160, 5);
    expect(result.district.byCategory[KG]).toMatchObject({
      householdsCovered: 1,
      householdsUnreachable: 40,
    });
    expect(result.district.byCategory[KG]!.share).toBeCloseTo(1 / 41, 12);
  });

  it('origins farther than maxSnapM from every line are unreachable', () => {
    const net = buildWalkingNetwork(
      {
        network: fc([
          line([
            [0, 0],
            [100, 0],
          ]),
        ]),
        origins: fc([point(50, 150), point(50, 50)]),
      },
      { maxSnapM: 100 },
    );
    expect(net.origins.map((o) => o.node >= 0)).toEqual([false, true]);
    expect(net.origins[1]!.connectorM).toBeCloseTo(50, 9);
  });

  it('motorways and trunk roads are not walked; footways are', () => {
    // A 100 m shortcut between o and k along y = 0; the only other way is a 500 m loop
    // (200 north, 100 east, 200 south).
    const loop = [
      line([
        [0, 0],
        [0, 200],
        [100, 200],
        [100, 0],
      ]),
    ];
    const args = (props: Record<string, unknown>): [Feature[], Feature[], Feature[]] => [
      [
        ...loop,
        line(
          [
            [0, 0],
            [100, 0],
          ],
          props,
        ),
      ],
      [point(0, 0, {}, 'o')],
      [point(100, 0, { category: KG })],
    ];
    expect(kgDistances(...args({ kind: 'road', category: 'motorway' })).o).toBeCloseTo(500, 5);
    expect(kgDistances(...args({ kind: 'road', category: 'trunk_link' })).o).toBeCloseTo(500, 5);
    expect(kgDistances(...args({ kind: 'road', category: 'primary' })).o).toBeCloseTo(100, 5);
    expect(kgDistances(...args({ kind: 'footway', category: 'steps' })).o).toBeCloseTo(100, 5);
    expect(kgDistances(...args({ kind: 'road', category: 'service', foot: 'no' })).o).toBeCloseTo(
      500,
      5,
    );
  });

  it('joins an X crossing without a shared vertex only when both lines are at grade', () => {
    //        (50,100)
    //           │ b
    //  (0,50)───┼───(100,50) a
    //           │
    //        (50,0)
    const a = [
      [0, 50],
      [100, 50],
    ] as const;
    const b = [
      [50, 0],
      [50, 100],
    ] as const;
    const run = (bProps: Record<string, unknown>) =>
      kgDistances(
        [line(a), line(b, bProps)],
        [point(0, 50, {}, 'o')],
        [point(50, 100, { category: KG })],
      ).o;
    expect(run({})).toBeCloseTo(100, 5);
    expect(run({ bridge: 'yes' })).toBe(Infinity);
    expect(run({ props: { tunnel: 'yes' } })).toBe(Infinity);
    expect(run({ layer: '1' })).toBe(Infinity);
    expect(run({ layer: '0', bridge: 'no' })).toBeCloseTo(100, 5);
  });

  it('joins a T drawn without a shared vertex (an end on the other line)', () => {
    const d = kgDistances(
      [
        line([
          [0, 0],
          [200, 0],
        ]),
        line([
          [80, 0],
          [80, 120],
        ]),
      ],
      [point(80, 120, {}, 'o')],
      [point(200, 0, { category: KG })],
    );
    expect(d.o).toBeCloseTo(240, 5);
  });

  it('a footprint joins the network at its vertex nearest to a line', () => {
    // A quadrilateral (40,30) (60,35) (60,55) (40,50): its vertex (40,30) is 30 m from y = 0,
    // so 30 + 40 = 70 m to a kindergarten at (0,0) (the centroid would give ~ 92 m).
    const d = kgDistances(
      [
        line([
          [0, 0],
          [200, 0],
        ]),
      ],
      [
        polygon(
          [
            [40, 30],
            [60, 35],
            [60, 55],
            [40, 50],
          ],
          'b',
        ),
      ],
      [point(0, 0, { category: KG })],
    );
    expect(d.b).toBeCloseTo(70, 5);
  });

  it('several points on one edge split it in order; facilities on the same edge are reached along it', () => {
    const d = kgDistances(
      [
        line([
          [0, 0],
          [300, 0],
        ]),
      ],
      [point(100, 10, {}, 'a'), point(250, 5, {}, 'b')],
      [point(200, 20, { category: KG })],
    );
    expect(d.a).toBeCloseTo(10 + 100 + 20, 6);
    expect(d.b).toBeCloseTo(5 + 50 + 20, 6);
  });

  it('rejects a network feature that is not a line and a facility without a known category', () => {
    expect(() => buildWalkingNetwork({ network: fc([point(0, 0)]) as never })).toThrow(InputError);
    expect(() =>
      buildWalkingNetwork({
        network: fc([
          line([
            [0, 0],
            [1, 0],
          ]),
        ]),
        facilities: fc([point(0, 0, { category: 'casino' })]),
      }),
    ).toThrow(/category/);
  });

  it('does not mutate its input and is deterministic', () => {
    const input = {
      network: fc(gridLines(3, 3, 50)),
      origins: fc([point(10, 10)]),
      facilities: fc([point(90, 90, { category: KG })]),
    };
    const before = JSON.stringify(input);
    const a = buildWalkingNetwork(input);
    const b = buildWalkingNetwork(input);
    expect(JSON.stringify(input)).toBe(before);
    expect(Array.from(a.edgeLengthM)).toEqual(Array.from(b.edgeLengthM));
    expect(Array.from(a.edgeU)).toEqual(Array.from(b.edgeU));
  });
});
