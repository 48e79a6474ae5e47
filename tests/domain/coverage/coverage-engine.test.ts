import type { Feature, Point } from 'geojson';
import { describe, expect, it } from 'vitest';
import { addFacility } from '../../../domain/coverage/add-facility';
import { buildWalkingNetwork } from '../../../domain/coverage/build-walking-network';
import { computeCategoryField } from '../../../domain/coverage/compute-category-field';
import { computeCoverage } from '../../../domain/coverage/compute-coverage';
import { computeCoverageState } from '../../../domain/coverage/compute-coverage-state';
import { moveFacility } from '../../../domain/coverage/move-facility';
import { removeFacility } from '../../../domain/coverage/remove-facility';
import { summarizeCoverage } from '../../../domain/coverage/summarize-coverage';
import type { CoverageState } from '../../../domain/coverage/types';
import { walkingIsochrones } from '../../../domain/coverage/walking-isochrones';
import type { FacilityCategoryId } from '../../../domain/standards/rules';
import { fc, gridLines, P, point, square } from './build';

const KG: FacilityCategoryId = 'kindergarten';
const PS: FacilityCategoryId = 'primary_school';
const MS: FacilityCategoryId = 'middle_school';

/** mulberry32: the same pseudo-random sequence on every run. */
const rng = (seed: number) => {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
};

describe('computeCoverage summary', () => {
  //  A 600 m street along y = 0; kindergarten at x = 0, primary school at x = 600.
  //  Community A: buildings at x = 100 (50 households) and 350 (30); community B: x = 550 (20).
  //  Buildings stand 10 m north of the street (connector 10 m).
  const result = computeCoverage(
    {
      network: fc(gridLines(7, 1, 100)) as never,
      origins: fc([
        point(100, 10, { households: 50, communityId: 'A' }, 'a1'),
        point(350, 10, { households: 30, communityId: 'A' }, 'a2'),
        point(550, 10, { households: 20, communityId: 'B' }, 'b1'),
      ]) as never,
      facilities: fc([point(0, 0, { category: KG }), point(600, 0, { category: PS })]) as never,
    },
    { categories: [KG, PS, MS] },
  );

  it('distances per building and category', () => {
    const d = (i: number, c: FacilityCategoryId) => result.origins[i]!.distancesM[c]!;
    expect(d(0, KG)).toBeCloseTo(110, 5);
    expect(d(1, KG)).toBeCloseTo(360, 5);
    expect(d(2, KG)).toBeCloseTo(560, 5);
    expect(d(0, PS)).toBeCloseTo(510, 5);
    expect(d(2, PS)).toBeCloseTo(60, 5);
    expect(d(0, MS)).toBe(Infinity);
    expect(result.origins[0]!.missing).toEqual([PS, MS]);
  });

  it('household shares per category and tier (KG 300 m, PS 500 m, MS 1000 m)', () => {
    const kg = result.district.byCategory[KG]!;
    expect(kg).toMatchObject({ radiusM: 300, tier: 'min5', householdsCovered: 50 });
    expect(kg.share).toBeCloseTo(0.5, 12);
    expect(result.district.byCategory[PS]!.householdsCovered).toBe(50); // a2 (250+10) and b1
    expect(result.district.byCategory[MS]!.householdsUnreachable).toBe(100);
    expect(result.district.byTier.min5).toMatchObject({ categories: [KG], householdsCovered: 50 });
    expect(result.district.byTier.min10).toMatchObject({ categories: [PS], householdsCovered: 50 });
    expect(result.district.byTier.min15!.share).toBe(0);
  });

  it('per community, sorted by id, with gaps largest first', () => {
    expect(result.communities.map((c) => [c.communityId, c.households])).toEqual([
      ['A', 80],
      ['B', 20],
    ]);
    const a = result.communities[0]!;
    expect(a.gaps.map((g) => [g.category, g.householdsUncovered, g.originIds])).toEqual([
      [MS, 80, ['a1', 'a2']],
      [PS, 50, ['a1']],
      [KG, 30, ['a2']],
    ]);
    expect(result.communities[1]!.byCategory[PS]!.share).toBe(1);
  });

  it('assigns communities from polygons when origins carry none', () => {
    const r = computeCoverage(
      {
        network: fc(gridLines(3, 1, 100)) as never,
        origins: fc([point(50, 10, {}, 'x'), point(150, 10, {}, 'y')]) as never,
        facilities: fc([point(0, 0, { category: KG })]) as never,
        communities: fc([square(0, 0, 100, { communityId: 'west' })]) as never,
      },
      { categories: [KG] },
    );
    expect(r.origins.map((o) => o.communityId)).toEqual(['west', null]);
    expect(r.communities.map((c) => c.communityId)).toEqual(['west']);
  });
});

describe('incremental updates equal a full recompute', () => {
  // 20 × 20 grid, 50 m apart (950 m square), 200 buildings, 6 kindergartens, 3 schools.
  const rand = rng(42);
  const at = () => [Math.round(rand() * 950), Math.round(rand() * 950)] as const;
  const origins = Array.from({ length: 200 }, (_, i) => {
    const [x, y] = at();
    return point(x + 0.5, y + 0.5, { households: 1 + (i % 7) }, `o${i}`);
  });
  const facility = (i: number, category: FacilityCategoryId): Feature<Point> => {
    const [x, y] = at();
    return point(x + 0.25, y + 0.25, { category }, `${category}-${i}`);
  };
  const facilities = [
    ...Array.from({ length: 6 }, (_, i) => facility(i, KG)),
    ...Array.from({ length: 3 }, (_, i) => facility(i, PS)),
  ];
  const lines = fc(gridLines(20, 20, 50));
  const options = { categories: [KG, PS] };
  const network = buildWalkingNetwork({
    network: lines,
    origins: fc(origins),
    facilities: fc(facilities),
  });
  const start = computeCoverageState(network, options);

  /** Every node of every field equals a fresh multi-source Dijkstra from the same facilities. */
  const expectFieldsExact = (s: CoverageState): void => {
    for (const c of [KG, PS]) {
      const field = s.fields[c]!;
      const full = computeCategoryField(s.network.graph, c, field.facilities);
      for (let n = 0; n < full.distM.length; n++) {
        const a = field.distM[n]!;
        const b = full.distM[n]!;
        if (a !== b) expect(Math.abs(a - b)).toBeLessThan(1e-9);
      }
    }
  };
  /** Per-building distances equal those of a network rebuilt from scratch with `features`. */
  const expectEqualsRebuild = (s: CoverageState, features: Feature<Point>[]): void => {
    const rebuilt = summarizeCoverage(
      computeCoverageState(
        buildWalkingNetwork({ network: lines, origins: fc(origins), facilities: fc(features) }),
        options,
      ),
    );
    const incremental = summarizeCoverage(s);
    incremental.origins.forEach((o, i) => {
      for (const c of [KG, PS]) {
        expect(Math.abs(o.distancesM[c]! - rebuilt.origins[i]!.distancesM[c]!)).toBeLessThan(1e-6);
      }
    });
    expect(incremental.district.byCategory).toEqual(rebuilt.district.byCategory);
  };

  it('add, move and remove, 30 random steps', () => {
    let s = start;
    let features = [...facilities];
    let added = 0;
    for (let step = 0; step < 30; step++) {
      const r = rand();
      const category = rand() < 0.6 ? KG : PS;
      const present = features.filter((f) => f.properties!.category === category);
      if (r < 0.35 || present.length <= 1) {
        const f = facility(100 + added++, category);
        s = addFacility(s, f);
        features = [...features, f];
      } else if (r < 0.7) {
        const victim = present[Math.floor(rand() * present.length)]!;
        const moved = facility(0, category);
        s = moveFacility(s, category, String(victim.id), moved.geometry);
        features = features.map((f) => (f === victim ? { ...moved, id: victim.id } : f));
      } else {
        const victim = present[Math.floor(rand() * present.length)]!;
        s = removeFacility(s, category, String(victim.id));
        features = features.filter((f) => f !== victim);
      }
      expectFieldsExact(s);
      if (step % 5 === 4) expectEqualsRebuild(s, features);
    }
    expectEqualsRebuild(s, features);
  });

  it('removing the only facility leaves every node unreachable; adding it back restores it', () => {
    const onlyOne = computeCoverageState(
      buildWalkingNetwork({
        network: lines,
        origins: fc(origins),
        facilities: fc([facilities[0]!]),
      }),
      { categories: [KG] },
    );
    const gone = removeFacility(onlyOne, KG, String(facilities[0]!.id));
    expect(gone.fields[KG]!.distM.every((d) => d === Infinity)).toBe(true);
    const back = addFacility(gone, facilities[0]!);
    const o = onlyOne.network.origins.map((x) => x.node);
    for (const n of o) {
      expect(Math.abs(back.fields[KG]!.distM[n]! - onlyOne.fields[KG]!.distM[n]!)).toBeLessThan(
        1e-6,
      );
    }
  });

  it('never mutates the state it is given', () => {
    const before = Array.from(start.fields[KG]!.distM);
    moveFacility(start, KG, String(facilities[0]!.id), facility(7, KG).geometry);
    expect(Array.from(start.fields[KG]!.distM)).toEqual(before);
    expect(start.fields[KG]!.facilities.every((f) => f.active)).toBe(true);
  });

  it('rejects removing a facility that is not there', () => {
    expect(() => removeFacility(start, KG, 'nope')).toThrow(/no such facility/);
  });
});

describe('walkingIsochrones', () => {
  const network = buildWalkingNetwork({ network: fc(gridLines(5, 5, 100)) });
  const centre = P.toLonLat([200, 200]);

  it('reaches the L1 ball on a grid: 400 m of street in 1 min, 1600 m in 2 min at 100 m/min', () => {
    // Radius 200 m: rows y = 200 ± k reach |x − 200| ≤ 200 − k → 400 + 2·200 = 800 m of rows,
    // the same of columns.
    const iso = walkingIsochrones(network, centre, { minutes: [2, 1], walkSpeedMPerMin: 100 });
    const lines = iso.features.filter((f) => f.geometry.type === 'MultiLineString');
    expect(lines.map((f) => f.properties!.minutes)).toEqual([1, 2]);
    expect(lines[0]!.properties!.reachedLengthM).toBeCloseTo(400, 2);
    expect(lines[1]!.properties!.reachedLengthM).toBeCloseTo(1600, 2);
    const hulls = iso.features.filter((f) => f.geometry.type !== 'MultiLineString');
    expect(hulls.map((f) => f.properties!.minutes)).toEqual([2, 1]);
  });

  it('starts from the nearest edge: 30 m off the street costs the connector', () => {
    const iso = walkingIsochrones(network, P.toLonLat([250, 230]), {
      minutes: [1],
      walkSpeedMPerMin: 100,
    });
    // 70 m of budget left at (250,200): 50 m west to the node, then 20 m in 3 directions,
    // and 50 m east, then 20 m in 3 directions: 2·50 + 6·20 = 220 m.
    expect(iso.features.at(-1)!.properties!.reachedLengthM).toBeCloseTo(220, 2);
  });
});
