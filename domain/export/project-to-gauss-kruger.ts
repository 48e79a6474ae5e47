import type { FeatureCollection, Position } from 'geojson';
import proj4 from 'proj4';
import { mapPositions } from '../geo/map-positions';
import type { GaussKrugerCrs } from './cgcs2000-gauss-kruger';

/**
 * A copy of `fc` (WGS84 lon/lat, used as CGCS2000) with every position projected to the
 * Gauss-Krüger system `crs`: [easting, northing] in metres, the CAD order (x east, y north; the
 * EPSG axis order of these systems is northing first, which GIS files do not follow either).
 * proj4js's transverse Mercator agrees with PROJ's to well under a millimetre within a zone
 * (tests/domain/export). Never mutates input; a third ordinate is kept.
 */
export function projectToGaussKruger<F extends FeatureCollection>(fc: F, crs: GaussKrugerCrs): F {
  const forward = proj4('EPSG:4326', crs.proj4).forward as (p: number[]) => number[];
  const point = (p: Position): Position => {
    const [x, y] = forward([p[0]!, p[1]!]);
    return p.length > 2 ? [x!, y!, ...p.slice(2)] : [x!, y!];
  };
  return mapPositions(fc, point);
}
