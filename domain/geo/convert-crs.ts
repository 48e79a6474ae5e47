import gcoord from 'gcoord';
import type { FeatureCollection, Position } from 'geojson';
import { InputError } from './input-error';
import { mapPositions } from './map-positions';

/**
 * Coordinate systems of Chinese web maps: WGS84 (GPS, OSM, what we store), GCJ-02 (国测局
 * "Mars" coordinates of Amap/Tencent/Google China) and BD-09 (Baidu). Only import and export
 * convert (STANDARDS.md "Coordinates"); storage stays WGS84.
 */
export const CRS_IDS = ['wgs84', 'gcj02', 'bd09'] as const;
export type CrsId = (typeof CRS_IDS)[number];

const GCOORD = { wgs84: gcoord.WGS84, gcj02: gcoord.GCJ02, bd09: gcoord.BD09 } as const;

/**
 * A copy of `fc` with every position converted from `from` to `to` (gcoord's published
 * formulas; outside China GCJ-02 equals WGS84, so foreign data passes through unchanged).
 * The inverses are approximate: WGS84 → GCJ-02 → WGS84 comes back within 1e-8° (1 mm); via
 * BD-09 within 5e-7° at Tiananmen and about 0.13 m in Haidian (tests/server/presentation-routes).
 * Elevation (a third ordinate) is kept. Never mutates input; a position that is not two or
 * three finite numbers is an InputError (zh + en).
 */
export function convertCrs<F extends FeatureCollection>(fc: F, from: CrsId, to: CrsId): F {
  if (from === to) return fc;
  const point = (p: Position): Position => {
    const [x, y, ...rest] = p;
    if (
      p.length < 2 ||
      p.length > 3 ||
      !Number.isFinite(x) ||
      !Number.isFinite(y) ||
      Math.abs(y!) > 90 ||
      Math.abs(x!) > 180
    ) {
      throw new InputError(
        'INVALID_COORDINATES',
        `坐标无效: ${JSON.stringify(p)} (应为 [经度, 纬度])`,
        `invalid position ${JSON.stringify(p)} (expected [longitude, latitude])`,
      );
    }
    const [lon, lat] = gcoord.transform([x!, y!], GCOORD[from], GCOORD[to]) as [number, number];
    return [lon, lat, ...rest];
  };
  return mapPositions(fc, point);
}
