import type { FeatureCollection } from 'geojson';
import { describe, expect, it } from 'vitest';
import { convertCrs } from '../../../domain/geo/convert-crs';
import { InputError } from '../../../domain/geo/input-error';

const point = (lon: number, lat: number): FeatureCollection => ({
  type: 'FeatureCollection',
  features: [
    { type: 'Feature', properties: {}, geometry: { type: 'Point', coordinates: [lon, lat] } },
  ],
});
const xy = (fc: FeatureCollection): number[] =>
  (fc.features[0]!.geometry as { coordinates: number[] }).coordinates;

describe('convertCrs (WGS84 ⇄ GCJ-02 ⇄ BD-09)', () => {
  // Tiananmen: WGS84 116.391, 39.907. Amap (GCJ-02) puts it about 540 m east, 155 m north;
  // Baidu (BD-09) adds another ~0.0064° east and ~0.0063° north.
  it('Tiananmen WGS84 → GCJ-02 and BD-09 match the published offsets', () => {
    const gcj = xy(convertCrs(point(116.391, 39.907), 'wgs84', 'gcj02'));
    expect(gcj[0]).toBeCloseTo(116.39724, 5);
    expect(gcj[1]).toBeCloseTo(39.9084, 4);
    const bd = xy(convertCrs(point(116.391, 39.907), 'wgs84', 'bd09'));
    expect(bd[0]).toBeCloseTo(116.40361, 5);
    expect(bd[1]).toBeCloseTo(39.91474, 5);
  });
  // The inverses are iterative / approximate: GCJ-02 comes back within 1e-8° (1 mm), BD-09
  // within 5e-7° (5 cm), far below what a planner draws.
  for (const [crs, tolDeg] of [
    ['gcj02', 1e-8],
    ['bd09', 5e-7],
  ] as const) {
    it(`round trip WGS84 → ${crs} → WGS84 comes back within ${tolDeg}°`, () => {
      const back = xy(convertCrs(convertCrs(point(116.391, 39.907), 'wgs84', crs), crs, 'wgs84'));
      expect(Math.abs(back[0]! - 116.391)).toBeLessThan(tolDeg);
      expect(Math.abs(back[1]! - 39.907)).toBeLessThan(tolDeg);
    });
  }
  it('keeps elevation and nesting, never mutates input, passes data outside China through', () => {
    const fc: FeatureCollection = {
      type: 'FeatureCollection',
      features: [
        {
          type: 'Feature',
          properties: { kind: 'green' },
          geometry: {
            type: 'Polygon',
            coordinates: [
              [
                [116.35, 40, 50],
                [116.351, 40, 50],
                [116.351, 40.001, 50],
                [116.35, 40, 50],
              ],
            ],
          },
        },
      ],
    };
    const frozen = JSON.stringify(fc);
    const out = convertCrs(fc, 'wgs84', 'gcj02');
    expect(JSON.stringify(fc)).toBe(frozen);
    const ring = (out.features[0]!.geometry as { coordinates: number[][][] }).coordinates[0]!;
    expect(ring).toHaveLength(4);
    expect(ring[0]![2]).toBe(50);
    expect(ring[0]![0]).not.toBe(116.35);
    expect(xy(convertCrs(point(2.35, 48.85), 'wgs84', 'gcj02'))).toEqual([2.35, 48.85]);
  });
  it('a swapped lat/lon is a bilingual InputError', () => {
    expect(() => convertCrs(point(39.907, 116.391), 'gcj02', 'wgs84')).toThrow(InputError);
  });
});
