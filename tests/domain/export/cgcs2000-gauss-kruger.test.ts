import type { FeatureCollection, Point } from 'geojson';
import { describe, expect, it } from 'vitest';
import {
  cgcs2000GaussKruger,
  gaussKrugerZoneFor,
} from '../../../domain/export/cgcs2000-gauss-kruger';
import { parseExportCrs } from '../../../domain/export/export-crs';
import { projectToGaussKruger } from '../../../domain/export/project-to-gauss-kruger';

const point = (lon: number, lat: number): FeatureCollection<Point> => ({
  type: 'FeatureCollection',
  features: [
    { type: 'Feature', properties: {}, geometry: { type: 'Point', coordinates: [lon, lat] } },
  ],
});

describe('cgcs2000GaussKruger: the four EPSG families', () => {
  it.each([
    // epsg, zone width, zone, central meridian, false easting
    [4534, 3, 25, 75, 500_000],
    [4548, 3, 39, 117, 500_000],
    [4554, 3, 45, 135, 500_000],
    [4513, 3, 25, 75, 25_500_000],
    [4527, 3, 39, 117, 39_500_000],
    [4533, 3, 45, 135, 45_500_000],
    [4491, 6, 13, 75, 13_500_000],
    [4501, 6, 23, 135, 23_500_000],
    [4502, 6, 13, 75, 500_000],
    [4508, 6, 19, 111, 500_000],
    [4512, 6, 23, 135, 500_000],
  ])('EPSG:%i is %i° zone %i, CM %i°E, false easting %i m', (epsg, w, zone, cm, fe) => {
    expect(cgcs2000GaussKruger(epsg)).toMatchObject({
      epsg,
      zoneWidthDeg: w,
      zone,
      centralMeridianDeg: cm,
      falseEastingM: fe,
    });
  });
  it('knows no other code', () => {
    for (const epsg of [4490, 4326, 3857, 4555, 4512.5])
      expect(cgcs2000GaussKruger(epsg)).toBeUndefined();
  });
  it('picks the 3° CM zone of a longitude: Haidian 116.35°E → CM 117 → EPSG:4548', () => {
    expect(gaussKrugerZoneFor(116.35).epsg).toBe(4548);
    expect(gaussKrugerZoneFor(121.47).epsg).toBe(4549); // Shanghai, CM 120
    expect(gaussKrugerZoneFor(118.6).epsg).toBe(4549); // nearest CM: 120
    expect(gaussKrugerZoneFor(60).epsg).toBe(4534); // clamped to China
  });
});

describe('projectToGaussKruger agrees with GDAL/PROJ (gdaltransform, EPSG definitions) to 1 mm', () => {
  it.each([
    [4548, 116.35, 40, 444493.783484963, 4429731.41604283],
    [4549, 121.47, 31.23, 640060.337694254, 3457406.43549739],
    [4527, 121.47, 31.23, 39926077.1920042, 3465102.93733143],
    [4491, 75.5, 39.5, 13543006.8149793, 4374133.47689149],
    [4512, 134, 46, 422536.832163187, 5096572.21987247],
    [4513, 76, 39, 25586627.3289595, 4318979.75641987],
  ])('EPSG:%i at %f, %f', (epsg, lon, lat, e, n) => {
    const src = point(lon, lat);
    const out = projectToGaussKruger(src, cgcs2000GaussKruger(epsg)!);
    const [x, y] = out.features[0]!.geometry.coordinates;
    expect(Math.abs(x! - e)).toBeLessThan(0.001);
    expect(Math.abs(y! - n)).toBeLessThan(0.001);
    expect(src.features[0]!.geometry.coordinates).toEqual([lon, lat]); // input untouched
  });
});

describe('parseExportCrs', () => {
  it('takes the web-map ids and Gauss-Krüger codes in any common spelling', () => {
    expect(parseExportCrs('wgs84')).toEqual({ type: 'geographic', id: 'wgs84' });
    expect(parseExportCrs('GCJ02')).toEqual({ type: 'geographic', id: 'gcj02' });
    for (const s of ['EPSG:4548', 'epsg:4548', '4548', ' 4548 '])
      expect(parseExportCrs(s)).toMatchObject({ type: 'gk', crs: { epsg: 4548 } });
  });
  it('refuses anything else', () => {
    for (const s of ['', 'mars', 'EPSG:3857', 'EPSG:4490', '45480', 'EPSG:4548x'])
      expect(parseExportCrs(s)).toBeUndefined();
  });
});
