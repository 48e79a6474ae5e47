import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Feature, FeatureCollection } from 'geojson';
import { describe, expect, it } from 'vitest';
import { checkFireLanes } from '../../../domain/fire-lanes/check-fire-lanes';
import { resolveFireLaneOptions } from '../../../domain/fire-lanes/resolve-fire-lane-options';
import { achievableRadiusM, tangentRoomM } from '../../../domain/fire-lanes/tangent-room';
import { InputError } from '../../../domain/geo/input-error';
import { localProjection, type XY } from '../../../domain/geo/local-projection';
import type { ImportedFeature } from '../../../domain/osm/imported-district';
import { osmToImportedDistrict } from '../../../domain/osm/osm-to-imported-district';
import { osmXmlToElements } from '../../../domain/osm/osm-xml-to-elements';
import { RULES } from '../../../domain/standards/rules';

const fixture = (name: string): FeatureCollection =>
  JSON.parse(readFileSync(join(import.meta.dirname, 'in', `${name}.geojson`), 'utf8'));

const P = localProjection([116.35, 40.0]);
const lane = (id: string, pts: XY[], props: Record<string, unknown> = {}): Feature => ({
  type: 'Feature',
  id,
  properties: { kind: 'fire_lane', ...props },
  geometry: { type: 'LineString', coordinates: pts.map((p) => P.toLonLat(p)) },
});
const fc = (features: Feature[]): FeatureCollection => ({ type: 'FeatureCollection', features });
const inputError = (f: () => unknown): InputError => {
  try {
    f();
  } catch (e) {
    if (e instanceof InputError) return e;
    throw e;
  }
  throw new Error('no InputError');
};

describe('turning radius model (tangent arc within the legs)', () => {
  it('R = room / tan(θ/2)', () => {
    expect(achievableRadiusM(8, Math.PI / 2)).toBeCloseTo(8, 9);
    expect(achievableRadiusM(10, Math.PI / 3)).toBeCloseTo(10 / Math.tan(Math.PI / 6), 9);
    expect(achievableRadiusM(10, Math.PI)).toBe(0);
  });

  it('gives a whole leg up to a free end, half a leg shared with the next bend', () => {
    expect(
      tangentRoomM(
        [
          [0, 0],
          [0, 8],
        ],
        true,
      ),
    ).toBe(8);
    expect(
      tangentRoomM(
        [
          [0, 0],
          [0, 8],
        ],
        false,
      ),
    ).toBe(4);
    expect(
      tangentRoomM(
        [
          [0, 0],
          [0, 8],
          [0, 10],
          [5, 10],
        ],
        true,
      ),
    ).toBe(8 + 1);
  });

  it('reads a polyline drawn along a 12 m arc as a radius of about 12 m', () => {
    const pts: XY[] = [[0, -20]];
    for (let k = 0; k <= 9; k++) {
      const t = (k / 9) * (Math.PI / 2);
      pts.push([12 - 12 * Math.cos(t), 12 * Math.sin(t)]);
    }
    pts.push([32, 12]);
    const road: Feature = {
      type: 'Feature',
      properties: { kind: 'road', category: 'tertiary' },
      geometry: {
        type: 'LineString',
        coordinates: [P.toLonLat([-40, -20]), P.toLonLat([40, -20])],
      },
    };
    // Chords of 10° inscribed in the circle: R = (s/2)/tan 5° with s = 2·12·sin 5°, = 12·cos 5°.
    const ok = checkFireLanes(fc([road, lane('arc', pts)]), { turningRadiusM: 11.9 });
    expect(ok.summary.byRule['turning-radius']).toBe(0);
    const aerial = checkFireLanes(fc([road, lane('arc', pts, { aerial: true })]));
    const measured = aerial.violations.features
      .filter((f) => f.properties.ruleId === 'turning-radius')
      .map((f) => f.properties.measured);
    expect(measured).toHaveLength(8);
    for (const m of measured) expect(m).toBeCloseTo(12 * Math.cos(Math.PI / 36), 2);
  });
});

describe('checkFireLanes', () => {
  it('applies per-project overrides: a 13 m turnaround fails turnaroundSideM 15', () => {
    const r = checkFireLanes(fixture('dead-end-13m-turnaround'), { turnaroundSideM: 15 });
    const deadEnds = r.violations.features.filter((f) => f.properties.ruleId === 'dead-end');
    expect(deadEnds.map((f) => f.properties.measured)).toEqual([13]);
    // By default the 13 m square passes; the 150 m road is a GB 50180 finding of its own.
    expect(checkFireLanes(fixture('dead-end-13m-turnaround')).summary.byRule).toMatchObject({
      'dead-end': 0,
      'dead-end-length': 1,
    });
    // Every dead end needs a turnaround (§7.1.9 literally); a 0 m cap flags both road lengths.
    const strict = checkFireLanes(fixture('dead-end-no-turnaround'), { deadEndMaxLengthM: 0 });
    expect(strict.summary.byRule['dead-end']).toBe(2);
    expect(strict.summary.byRule['dead-end-length']).toBe(2);
    // Longer T legs for a project: 12 m legs fail a 13 m leg rule, at both leg ends.
    const tee = checkFireLanes(fixture('dead-end-tee-12m-legs'), { teeLegMinLengthM: 13 });
    expect(tee.summary.byRule['dead-end']).toBe(2);
  });

  it('applies a stricter city width: 4.5 m fails a 4.0 m gap and a 4.0 m lane', () => {
    // By default: the lane's free end (dead-end) and the walls on its edge (wall-distance, 0 m).
    expect(checkFireLanes(fixture('clear-width-gap-4.0m')).summary.byRule['clear-width']).toBe(0);
    const r = checkFireLanes(fixture('clear-width-gap-4.0m'), { minClearWidthM: 4.5 });
    const clear = r.violations.features.filter((f) => f.properties.ruleId === 'clear-width');
    expect(
      clear.map((f) => [f.properties.featureId ?? f.properties.laneId, f.properties.measured]),
    ).toEqual([
      ['lane-1', 4],
      ['bldg-w', 2],
      ['bldg-e', 2],
    ]);
    // The lane is no longer compliant, so neither building has access.
    expect(r.summary.byRule['building-access']).toBe(2);
  });

  it('cites the clause and flags numbers to verify', () => {
    const v = checkFireLanes(fixture('building-access')).violations.features.find(
      (f) => f.properties.ruleId === 'building-access',
    )!.properties;
    expect(v.clause).toBe(RULES.fireLane.maxBuildingAccessDistanceM.source);
    expect(v.verify).toBe(true);
    const w = checkFireLanes(fixture('clear-width-stall')).violations.features[0]!.properties;
    expect(w.clause).toMatch(/GB 50016-2014.*§7\.1\.8/);
    expect(w.verify).toBeUndefined();
    expect(w.messageZh).toMatch(/停车位 stall-7/);
    expect(w.messageEn).toMatch(/Parking stall stall-7/);
  });

  it('is deterministic and lists every rule in the summary', () => {
    const a = checkFireLanes(fixture('high-rise'));
    const b = checkFireLanes(fixture('high-rise'));
    expect(JSON.stringify(a)).toBe(JSON.stringify(b));
    expect(Object.keys(a.summary.byRule)).toHaveLength(10);
    expect(a.violations.features.map((f) => f.id)).toEqual([0, 1, 2, 3, 4]);
    // dead-end, rescue-side-obstacle, 2 × rescue-site are errors; wall-distance (不宜) a warning.
    expect(a.summary).toMatchObject({ total: 5, errors: 4, warnings: 1 });
  });

  it('checks the 5 m wall distance on every building, or on high-rise ones when asked', () => {
    const r = checkFireLanes(fixture('clear-width-stall'));
    expect(r.summary.byRule['wall-distance']).toBe(0);
    const gap = checkFireLanes(fixture('clear-width-gap-4.0m'));
    expect(
      gap.violations.features
        .filter((f) => f.properties.ruleId === 'wall-distance')
        .map((f) => [f.properties.featureId, f.properties.measured]),
    ).toEqual([
      ['bldg-w', 0],
      ['bldg-e', 0],
    ]);
    const narrow = checkFireLanes(fixture('clear-width-gap-4.0m'), {
      wallDistanceAppliesTo: 'high-rise',
    });
    expect(narrow.summary.byRule['wall-distance']).toBe(0);
  });

  it('rejects invalid input and options with zh/en messages', () => {
    expect(inputError(() => checkFireLanes({} as FeatureCollection)).en).toMatch(
      /FeatureCollection/,
    );
    const noKind = inputError(() =>
      checkFireLanes(
        fc([
          {
            type: 'Feature',
            properties: {},
            geometry: { type: 'Point', coordinates: [116.35, 40] },
          },
        ]),
      ),
    );
    expect(noKind.zh).toMatch(/kind/);
    const swapped = inputError(() =>
      checkFireLanes(
        fc(
          [
            lane('x', [
              [0, 0],
              [0, 5],
            ]),
          ].map((f) => ({
            ...f,
            geometry: {
              type: 'LineString',
              coordinates: [
                [40, 116.35],
                [40.0001, 116.35],
              ],
            },
          })),
        ),
      ),
    );
    expect(swapped.code).toBe('LAT_LON_SWAPPED');
    expect(
      inputError(() =>
        checkFireLanes(
          fc([
            lane(
              'x',
              [
                [0, 0],
                [0, 5],
              ],
              { widthM: -1 },
            ),
          ]),
        ),
      ).code,
    ).toBe('INVALID_OPTION');
    expect(inputError(() => resolveFireLaneOptions({ minClearWidthM: Number.NaN })).zh).toMatch(
      /minClearWidthM/,
    );
    expect(inputError(() => resolveFireLaneOptions({ nope: 1 } as never)).en).toMatch(/unknown/);
  });

  it('checks 3241 features and finds all 1600 intruding stalls', () => {
    // A 60 × 50 grid of buildings and stalls with lanes between rows: 3000+ features.
    const features: Feature[] = [];
    const box = (
      id: string,
      kind: string,
      x: number,
      y: number,
      w: number,
      h: number,
    ): Feature => ({
      type: 'Feature',
      id,
      properties: { kind, levels: 6 },
      geometry: {
        type: 'Polygon',
        coordinates: [
          [
            [x, y],
            [x + w, y],
            [x + w, y + h],
            [x, y + h],
            [x, y],
          ].map((p) => P.toLonLat(p as unknown as XY)),
        ],
      },
    });
    for (let i = 0; i < 40; i++)
      for (let j = 0; j < 40; j++)
        features.push(box(`b${i}-${j}`, 'building', i * 25, j * 25, 15, 10));
    for (let i = 0; i < 40; i++)
      for (let j = 0; j < 40; j++)
        features.push(box(`s${i}-${j}`, 'parking_stall', i * 25 + 17, j * 25 + 12, 2.5, 5.3));
    for (let i = 0; i < 40; i++)
      features.push(
        lane(`l${i}`, [
          [i * 25 + 20.5, -5],
          [i * 25 + 20.5, 1000],
        ]),
      );
    features.push({
      type: 'Feature',
      properties: { kind: 'road', category: 'residential' },
      geometry: {
        type: 'LineString',
        coordinates: [P.toLonLat([-10, -5]), P.toLonLat([1010, -5])],
      },
    });
    // Every stall of the 40 × 40 grid stands in a lane; speed is for bench/, not for tests.
    expect(checkFireLanes(fc(features)).summary.byRule['clear-width']).toBe(1600);
  });
});

describe('a real piece of the demo district (data/beijing-haidian-cau.osm)', () => {
  const district = osmToImportedDistrict(
    osmXmlToElements(
      readFileSync(join(import.meta.dirname, '../../../data/beijing-haidian-cau.osm'), 'utf8'),
    ),
    { name: 'cau', source: 'cau' },
  );
  const toFeature = (f: ImportedFeature): Feature => ({
    type: 'Feature',
    id: f.osmRef,
    properties: { kind: f.kind, category: f.category, widthM: f.widthM, levels: f.levels },
    geometry: f.geometry,
  });

  it('finds the parking spaces in a lane drawn along service ways 187924796 and 187924797', () => {
    const way = (ref: string) =>
      (district.features.find((f) => f.osmRef === ref)?.geometry as { coordinates: number[][] })
        .coordinates;
    // From the junction with residential way 552083648 north, then east past the parking.
    const coords = [...way('way/187924796').slice(4), ...way('way/187924797').slice(1)];
    const laneFeature: Feature = {
      type: 'Feature',
      id: 'lane-cau',
      properties: { kind: 'fire_lane', widthM: 4 },
      geometry: { type: 'LineString', coordinates: coords },
    };
    const r = checkFireLanes(fc([...district.features.map(toFeature), laneFeature]));
    const clear = r.violations.features.filter((f) => f.properties.ruleId === 'clear-width');
    expect(clear.map((f) => [f.properties.featureId, f.properties.measured])).toEqual([
      ['way/609217610', 1.99],
      ['way/609217612', 1.89],
    ]);
    expect(r.summary.byRule.connectivity).toBe(0);
    // The ≈ 89° turn north → east in a 4 m lane: the swept path allows 6.93 m < 9 m (issue 12).
    expect(
      r.violations.features
        .filter((f) => f.properties.ruleId === 'turning-radius')
        .map((f) => f.properties.measured),
    ).toEqual([6.93]);
    expect(r.summary.byRule['dead-end']).toBe(1);
    expect(r.summary.byRule['dead-end-length']).toBe(1);
  });
});
