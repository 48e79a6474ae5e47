import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Feature, FeatureCollection, Geometry, Position } from 'geojson';
import { describe, expect, it } from 'vitest';
import { computeParkingLedger } from '../../../domain/metrics/compute-parking-ledger';
import { estimateAreaParking } from '../../../domain/metrics/estimate-area-parking';
import { estimateKerbParking } from '../../../domain/metrics/estimate-kerb-parking';
import type { LedgerFeature } from '../../../domain/metrics/types';
import { RULES } from '../../../domain/standards/rules';

// Issue 12 §2: the baseline (现状) count from mapped stalls, `capacity`, area and kerb estimates
// and survey counts; informal parking in a fire lane's clear width is cleared. Every figure is
// worked by hand below from RULES.parkingExisting (GB/T 51149-2016 25 m² a surface stall;
// JGJ 100-2015 表4.3.4 kerb lengths 6.0 / 3.4 / 2.4 m).

const OUT = join(import.meta.dirname, 'out', 'existing-parking.geojson');
const UPDATE = process.env.UPDATE_GOLDEN === '1';

// Local metres around 116.35° E, 40° N (Beijing): 1 m east ≈ 1/85 276°, 1 m north ≈ 1/111 035°.
const m = (x: number, y: number): Position => [116.35 + x / 85_276, 40 + y / 111_035];

const rect = (x: number, y: number, w: number, h: number): Geometry => ({
  type: 'Polygon',
  coordinates: [[m(x, y), m(x + w, y), m(x + w, y + h), m(x, y + h), m(x, y)]],
});
const line = (...pts: [number, number][]): Geometry => ({
  type: 'LineString',
  coordinates: pts.map(([x, y]) => m(x, y)),
});
const f = (geometry: Geometry, properties: Record<string, unknown>): LedgerFeature =>
  ({ type: 'Feature', geometry, properties }) as LedgerFeature;
/** A proposal copy of a baseline feature (same properties, new id, sourceId = the original). */
const copy = (b: LedgerFeature, extra: Record<string, unknown> = {}): LedgerFeature =>
  f(b.geometry, {
    ...b.properties,
    id: `p${b.properties.id}`,
    sourceId: b.properties.id,
    ...extra,
  });

//  y
//  20 ┌──────── lot A 30 × 20 m, amenity=parking, no capacity ────────┐
//     │  600 m² / 25 m² = 24 cars (area_estimate)                      │
//   0 └────────────────────────────────────────────────────────────────┘ x 0..30
const lotA = f(rect(0, 0, 30, 20), {
  id: 'A',
  kind: 'parking_area',
  props: { amenity: 'parking' },
});
// A road 100 m long at y = -30, parking:lane:both=parallel: 2 · floor(100 / 6.0) = 2 · 16 = 32.
const roadB = f(line([0, -30], [100, -30]), {
  id: 'B',
  kind: 'road',
  widthM: 9,
  'parking:lane:both': 'parallel',
});
// A road 50 m long, 2022 scheme parking:left=lane + orientation=perpendicular, right=no:
// floor(50 / 2.4) = 20 on the left side only.
const roadC = f(line([0, -60], [50, -60]), {
  id: 'C',
  kind: 'road',
  widthM: 7,
  props: {
    'parking:left': 'lane',
    'parking:left:orientation': 'perpendicular',
    'parking:right': 'no',
  },
});
// A lot with capacity=12 and an underground car park without one (not estimated from its outline).
const lotD = f(rect(40, 0, 20, 20), { id: 'D', kind: 'parking_area', capacity: 12 });
const lotE = f(rect(70, 0, 40, 40), { id: 'E', kind: 'parking_area', category: 'underground' });

describe('existing parking estimates (hand-worked)', () => {
  it('estimates a 30 × 20 m lot without capacity at floor(600 / 25) = 24 stalls', () => {
    expect(RULES.parkingExisting.areaPerSurfaceStallSqM.value).toBe(25);
    const est = estimateAreaParking(lotA)!;
    // The fixture's degrees-per-metre is rounded: the lot measures 600 m² within 0.2 %.
    expect(Math.abs(est.areaSqM - 600)).toBeLessThan(1.2);
    expect(est.stalls).toBe(24);
    expect(estimateAreaParking(lotE)).toBeNull();
  });

  it('estimates kerb parking at 2 · floor(L / 6.0) for parking:lane:both=parallel', () => {
    expect(estimateKerbParking(roadB)).toMatchObject({
      stalls: 32,
      sides: [
        { side: 'left', orientation: 'parallel', stalls: 16 },
        { side: 'right', orientation: 'parallel', stalls: 16 },
      ],
    });
    expect(estimateKerbParking(roadC)).toMatchObject({
      stalls: 20,
      sides: [{ side: 'left', orientation: 'perpendicular', stalls: 20 }],
    });
    // No parking tags, or no_parking / separate: nothing.
    expect(estimateKerbParking(f(line([0, 0], [100, 0]), { id: 'x', kind: 'road' })).stalls).toBe(
      0,
    );
    const noParking = f(line([0, 0], [100, 0]), {
      id: 'y',
      kind: 'road',
      'parking:lane:both': 'no_parking',
      'parking:both': 'separate',
    });
    expect(estimateKerbParking(noParking).stalls).toBe(0);
  });

  it('sums mapped, capacity, area and kerb counts in `existing`, each by source', () => {
    const baseline = [lotA, roadB, roadC, lotD, lotE];
    const ledger = computeParkingLedger(
      baseline,
      baseline.map((b) => copy(b)),
    );
    // 24 (A) + 32 (B) + 20 (C) + 12 (D) + 0 (E) = 88; 76 of them estimated.
    expect(ledger).toMatchObject({ existing: 88, removed: 0, added: 0, net: 0, proposed: 88 });
    expect(ledger.existingBySource).toEqual({
      mapped: 0,
      capacity: 12,
      area_estimate: 24,
      kerb_estimate: 52,
      survey: 0,
    });
    expect(ledger.existingEstimated).toBe(76);
    expect(ledger.existingItems.map((i) => [i.id, i.source, i.stalls])).toEqual([
      ['A', 'area_estimate', 24],
      ['B', 'kerb_estimate', 32],
      ['C', 'kerb_estimate', 20],
      ['D', 'capacity', 12],
    ]);
  });

  it('lets a survey count replace any estimate, in the baseline and through lineage', () => {
    const surveyed = (b: LedgerFeature, count: number) =>
      f(b.geometry, {
        ...b.properties,
        parkingSurvey: {
          count,
          note: '夜间 22:00 现场清点',
          by: 'planner',
          at: '2026-12-01T22:00:00Z',
        },
      });
    const baseline = [surveyed(lotA, 31), surveyed(roadB, 18), lotD];
    const ledger = computeParkingLedger(
      baseline,
      baseline.map((b) => copy(b)),
    );
    // 31 (A surveyed, not 24) + 18 (B surveyed, not 32) + 12 (D) = 61, nothing estimated.
    expect(ledger).toMatchObject({ existing: 61, removed: 0, added: 0, existingEstimated: 0 });
    expect(ledger.existingBySource).toMatchObject({ survey: 49, capacity: 12 });
    // The proposal's copy carries no survey of its own: the baseline's survey still holds.
    const plain = [lotA, roadB, lotD].map((b) => copy(b));
    expect(computeParkingLedger(baseline, plain)).toMatchObject({ removed: 0, added: 0 });
    // A survey of a lot with 2 mapped stalls inside counts 10 cars: 2 mapped + 8 surveyed.
    const stall = (id: string, x: number) =>
      f(rect(x, 1, 2.5, 5.3), { id, kind: 'parking_stall', category: 'standard' });
    const withStalls = [surveyed(lotA, 10), stall('s1', 1), stall('s2', 4)];
    expect(
      computeParkingLedger(
        withStalls,
        withStalls.map((b) => copy(b)),
      ),
    ).toMatchObject({
      existing: 10,
      existingBySource: { mapped: 2, survey: 8 },
      removed: 0,
    });
  });

  it('counts informal parking in a fire lane clear width as removed (打通生命通道)', () => {
    //  22 ┄┄┄┄┄┄┄┄┄┄┄ clear width of the 4 m fire lane along y = 20 ┄┄┄┄┄┄┄┄┄┄┄
    //  20 ═══════════ fire lane ═══════════  lot A (y 0..20) has 2 of its 20 m in it:
    //  18 ┄┄┄┄┄┄┄┄┄┄┄  share 2/20 = 0.1 → ceil(24 × 0.1) = ceil(2.4) = 3 cars cleared
    const lane = f(line([-10, 20], [120, 20]), { id: 'L', kind: 'fire_lane', widthM: 4 });
    const ledger = computeParkingLedger([lotA], [copy(lotA), lane]);
    expect(ledger).toMatchObject({
      existing: 24,
      removed: 3,
      added: 0,
      net: -3,
      proposed: 21,
      clearedForFireLanes: 3,
    });
    expect(ledger.existingItems[0]).toMatchObject({ id: 'A', inFireLanes: 3 });

    // A 6 m road, parked parallel both sides (2 · floor(60 / 6) = 20), with a 4 m fire lane on its
    // centre line: a kerbside car stands 0.6–3.0 m off the centre, inside the 2 m half width, so
    // all 20 are cleared. On a 9 m road the cars stand 2.1–4.5 m off: none is cleared.
    const road6 = f(line([0, -100], [60, -100]), {
      id: 'R6',
      kind: 'road',
      widthM: 6,
      'parking:lane:both': 'parallel',
    });
    const road9 = f(line([0, -140], [60, -140]), { ...road6.properties, id: 'R9', widthM: 9 });
    const lanes = [
      f(line([-5, -100], [65, -100]), { id: 'L6', kind: 'fire_lane', widthM: 4 }),
      f(line([-5, -140], [65, -140]), { id: 'L9', kind: 'fire_lane', widthM: 4 }),
    ];
    const kerb = computeParkingLedger([road6, road9], [copy(road6), copy(road9), ...lanes]);
    expect(kerb).toMatchObject({
      existing: 40,
      removed: 20,
      clearedForFireLanes: 20,
      proposed: 20,
    });

    // A copied mapped stall now in the lane counts as cleared as well.
    const s = f(rect(5, 19, 2.5, 5.3), { id: 's', kind: 'parking_stall', category: 'standard' });
    expect(computeParkingLedger([s], [copy(s), lane])).toMatchObject({
      removed: 1,
      clearedForFireLanes: 1,
    });
  });

  it('matches the golden GeoJSON of these cases (open it on a map)', () => {
    const lane = f(line([-10, 20], [120, 20]), { id: 'L', kind: 'fire_lane', widthM: 4 });
    const baseline = [lotA, roadB, roadC, lotD, lotE];
    const ledger = computeParkingLedger(baseline, [...baseline.map((b) => copy(b)), lane]);
    const byId = new Map(ledger.existingItems.map((i) => [String(i.id), i]));
    const features: Feature[] = [...baseline, lane].map((b) => {
      const item = byId.get(String(b.properties.id));
      const isLane = b.properties.kind === 'fire_lane';
      return {
        type: 'Feature',
        geometry: b.geometry,
        properties: {
          id: b.properties.id,
          kind: b.properties.kind,
          source: item?.source ?? null,
          stalls: item?.stalls ?? 0,
          inFireLanes: item?.inFireLanes ?? 0,
          stroke: isLane ? '#d32f2f' : item?.source?.endsWith('estimate') ? '#f9a825' : '#1565c0',
          'stroke-width': isLane ? 4 : 2,
          'fill-opacity': 0.2,
        },
      };
    });
    const fc: FeatureCollection = {
      type: 'FeatureCollection',
      features,
      // Non-standard member for a reader: the ledger of these cases.
      ...({
        ledger: {
          existing: ledger.existing,
          removed: ledger.removed,
          bySource: ledger.existingBySource,
        },
      } as object),
    };
    const text = JSON.stringify(fc, null, 1) + '\n';
    if (UPDATE) writeFileSync(OUT, text);
    expect(text).toBe(readFileSync(OUT, 'utf8'));
  });
});
