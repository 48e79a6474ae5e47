import { geometrySchema } from './geometry-schema';
import { issue } from './parse';

/**
 * Where a community may lie: mainland China, Hainan and the South China Sea islands, in WGS84
 * degrees [west, south, east, north] (73.5–135.1 E, 3.8–53.6 N, rounded outwards). A boundary
 * outside it is almost always a lat/lon swap or a projected coordinate.
 */
export const CHINA_BBOX_DEG = [73, 3, 136, 54] as const;

const positionsOf = (coordinates: unknown): number[][] =>
  Array.isArray(coordinates) && typeof coordinates[0] === 'number'
    ? [coordinates as number[]]
    : (coordinates as unknown[]).flatMap(positionsOf);

const insideChina = (coordinates: unknown): boolean =>
  positionsOf(coordinates).every(
    ([lon, lat]) =>
      lon! >= CHINA_BBOX_DEG[0] &&
      lon! <= CHINA_BBOX_DEG[2] &&
      lat! >= CHINA_BBOX_DEG[1] &&
      lat! <= CHINA_BBOX_DEG[3],
  );

const OUTSIDE_CHINA = issue(
  '坐标不在中国境内 (经度 73–136, 纬度 3–54): 坐标顺序应为 [经度, 纬度], 且为 WGS84 度',
  'coordinates outside China (longitude 73–136, latitude 3–54): positions are [longitude, latitude] in WGS84 degrees',
);

/** A community boundary (红线): a (Multi)Polygon in China, vertex cap as for feature writes. */
export const boundarySchema = geometrySchema
  .refine(
    (g) => g.type === 'Polygon' || g.type === 'MultiPolygon',
    issue(
      '小区红线必须是面 (Polygon / MultiPolygon)',
      'a community boundary must be a Polygon or MultiPolygon',
    ),
  )
  .refine((g) => insideChina(g.coordinates), OUTSIDE_CHINA);

/** A line drawn across a community to split it. */
export const splitLineSchema = geometrySchema
  .refine(
    (g) => g.type === 'LineString',
    issue('分割线必须是一条折线 (LineString)', 'a split line must be a LineString'),
  )
  .refine((g) => insideChina(g.coordinates), OUTSIDE_CHINA);
