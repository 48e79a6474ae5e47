import type { Geometry, Position } from 'geojson';
import { describe, expect, it } from 'vitest';
import { computeParkingLedger } from '../../../domain/metrics/compute-parking-ledger';
import { findFireLaneIntrusions } from '../../../domain/metrics/find-fire-lane-intrusions';
import type { LedgerFeature, LedgerFeatureProperties } from '../../../domain/metrics/types';

// Local metres around 116.35° E, 40° N (Beijing): 1 m east ≈ 1/85 276°, 1 m north ≈ 1/111 035°.
const m = (x: number, y: number): Position => [116.35 + x / 85_276, 40 + y / 111_035];

/** A 2.5 × 5.3 m stall whose south-west corner is at (x, y) metres. */
const stallAt = (x: number, y: number): Geometry => ({
  type: 'Polygon',
  coordinates: [[m(x, y), m(x + 2.5, y), m(x + 2.5, y + 5.3), m(x, y + 5.3), m(x, y)]],
});

const square = (x: number, y: number, sideM: number): Geometry => ({
  type: 'Polygon',
  coordinates: [[m(x, y), m(x + sideM, y), m(x + sideM, y + sideM), m(x, y + sideM), m(x, y)]],
});

const feature = (
  geometry: Geometry,
  properties: Partial<LedgerFeatureProperties> & Pick<LedgerFeatureProperties, 'id' | 'kind'>,
): LedgerFeature => ({ type: 'Feature', geometry, properties });

const stall = (id: string, x: number, y: number, category = 'standard', sourceId?: string) =>
  feature(stallAt(x, y), { id, kind: 'parking_stall', category, sourceId: sourceId ?? null });

/** A fire lane running east along y = `y` metres, from x = -50 to x = 150. */
const laneAlong = (id: string, y: number, widthM?: number) =>
  feature(
    { type: 'LineString', coordinates: [m(-50, y), m(150, y)] },
    {
      id,
      kind: 'fire_lane',
      widthM: widthM ?? null,
    },
  );

describe('computeParkingLedger', () => {
  it('is all zeros for two empty scenarios', () => {
    expect(computeParkingLedger([], [])).toEqual({
      existing: 0,
      removed: 0,
      added: 0,
      net: 0,
      proposed: 0,
      byType: { standard: 0, accessible: 0, ev: 0, bicycle: 0 },
      baselineByType: { standard: 0, accessible: 0, ev: 0, bicycle: 0 },
      intruding: [],
      // Issue 12 §2: the ledger now says where `existing` comes from (all zero here).
      existingBySource: { mapped: 0, capacity: 0, area_estimate: 0, kerb_estimate: 0, survey: 0 },
      existingEstimated: 0,
      existingItems: [],
      clearedForFireLanes: 0,
    });
  });

  it('counts existing, removed, added and net with lineage, capacities and a fire lane', () => {
    //  y
    //  40 ┤                          ┌── lot X (cap 10, no stalls mapped) ──┐ at x 60..80
    //  20 ┤ ═══════════ fire lane (4 m) ═══════════  n3 straddles it (y 19..24.3)
    //   0 ┤ [a][b][c]   lot Y (cap 5) contains a      n1 n2 at x 30, 34
    const baseline = [
      stall('a', 0, 0),
      stall('b', 3, 0, 'accessible'),
      stall('c', 6, 0, 'bicycle'),
      feature(square(60, 40, 20), { id: 'X', kind: 'parking_area', capacity: 10 }),
      feature(square(-1, -1, 8), { id: 'Y', kind: 'parking_area', capacity: 5 }),
    ];
    const proposal = [
      stall('pa', 0, 0, 'standard', 'a'),
      feature(square(60, 40, 20), { id: 'pX', kind: 'parking_area', capacity: 10, sourceId: 'X' }),
      stall('n1', 30, 0, 'ev'),
      stall('n2', 34, 0),
      stall('n3', 40, 19),
      laneAlong('lane', 20),
    ];
    const ledger = computeParkingLedger(baseline, proposal);
    // existing: a + b (c is a bicycle stall) + X's 10 (Y's capacity is mapped by a) = 12.
    expect(ledger.existing).toBe(12);
    expect(ledger.baselineByType).toEqual({ standard: 11, accessible: 1, ev: 0, bicycle: 1 });
    // removed: b (not copied); c is a bicycle stall and not counted as a car stall.
    expect(ledger.removed).toBe(1);
    // added: n1 + n2; n3 stands in the fire lane.
    expect(ledger.added).toBe(2);
    expect(ledger.net).toBe(1);
    expect(ledger.proposed).toBe(13);
    expect(ledger.intruding).toEqual(['n3']);
    expect(ledger.byType).toEqual({ standard: 12, accessible: 0, ev: 1, bicycle: 0 });
  });

  it('counts a copied stall that now stands in a fire lane as removed', () => {
    const baseline = [stall('a', 0, 0), stall('b', 3, 0)];
    const proposal = [
      stall('pa', 0, 0, 'standard', 'a'),
      stall('pb', 3, 0, 'standard', 'b'),
      laneAlong('lane', 2),
    ];
    const ledger = computeParkingLedger(baseline, proposal);
    expect(ledger).toMatchObject({ existing: 2, removed: 2, added: 0, net: -2, proposed: 0 });
    expect(ledger.intruding).toEqual(['pa', 'pb']);
  });

  it('counts a change of a copied lot capacity as added or removed', () => {
    const baseline = [feature(square(0, 0, 20), { id: 'L', kind: 'parking_area', capacity: 10 })];
    const more = [
      feature(square(0, 0, 20), { id: 'pL', kind: 'parking_area', capacity: 14, sourceId: 'L' }),
    ];
    const fewer = [
      feature(square(0, 0, 20), { id: 'pL', kind: 'parking_area', capacity: 7, sourceId: 'L' }),
    ];
    expect(computeParkingLedger(baseline, more)).toMatchObject({
      existing: 10,
      removed: 0,
      added: 4,
      net: 4,
      proposed: 14,
    });
    expect(computeParkingLedger(baseline, fewer)).toMatchObject({
      existing: 10,
      removed: 3,
      added: 0,
      net: -3,
      proposed: 7,
    });
    // Lot removed from the proposal: its whole capacity goes.
    expect(computeParkingLedger(baseline, [])).toMatchObject({ removed: 10, net: -10 });
  });

  it('replaces a lot capacity with the stalls drawn into it', () => {
    const baseline = [feature(square(0, 0, 20), { id: 'L', kind: 'parking_area', capacity: 6 })];
    const proposal = [
      feature(square(0, 0, 20), { id: 'pL', kind: 'parking_area', capacity: 6, sourceId: 'L' }),
      stall('n1', 1, 1),
      stall('n2', 4, 1),
      stall('n3', 7, 1, 'accessible'),
    ];
    // The 6 unmapped stalls of L are gone (the lot is now mapped stall by stall): 3 added.
    expect(computeParkingLedger(baseline, proposal)).toMatchObject({
      existing: 6,
      removed: 6,
      added: 3,
      net: -3,
      proposed: 3,
      byType: { standard: 2, accessible: 1, ev: 0, bicycle: 0 },
    });
  });

  it('does not change its input', () => {
    const baseline = [stall('a', 0, 0)];
    const proposal = [stall('n', 30, 0), laneAlong('lane', 2)];
    const before = JSON.stringify([baseline, proposal]);
    computeParkingLedger(baseline, proposal);
    expect(JSON.stringify([baseline, proposal])).toBe(before);
  });
});

describe('findFireLaneIntrusions', () => {
  // Stalls 2.5 m wide, 5.3 m deep; the lane runs east along y = 0. A stall starting at y = g
  // leaves a gap of g metres between its south edge and the lane's centre line.
  const gaps = [
    ['g1.5', 1.5],
    ['g2.5', 2.5],
    ['g3.5', 3.5],
  ] as const;
  const stalls = gaps.map(([id, g], i) => stall(id, i * 5, g));

  it('uses half the 4 m minimum clear width when a lane is narrower or has no width', () => {
    expect(findFireLaneIntrusions(stalls, [laneAlong('l', 0)])).toEqual(['g1.5']);
    expect(findFireLaneIntrusions(stalls, [laneAlong('l', 0, 3)])).toEqual(['g1.5']);
  });

  it('uses half the lane width when it is wider', () => {
    expect(findFireLaneIntrusions(stalls, [laneAlong('l', 0, 6)])).toEqual(['g1.5', 'g2.5']);
    expect(findFireLaneIntrusions(stalls, [laneAlong('l', 0, 8)])).toEqual([
      'g1.5',
      'g2.5',
      'g3.5',
    ]);
  });

  it('flags a stall that a short lane lies entirely inside', () => {
    const inside = feature(
      { type: 'LineString', coordinates: [m(1, 1), m(1.5, 1)] },
      { id: 'short', kind: 'fire_lane', widthM: 0.1 },
    );
    expect(findFireLaneIntrusions([stall('s', 0, 0)], [inside])).toEqual(['s']);
  });

  it('finds nothing without lanes or stalls', () => {
    expect(findFireLaneIntrusions(stalls, [])).toEqual([]);
    expect(findFireLaneIntrusions([], [laneAlong('l', 0)])).toEqual([]);
  });
});
