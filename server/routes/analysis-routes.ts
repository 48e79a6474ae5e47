import { Router } from 'express';
import { z } from 'zod';
import { featureCollectionSchema } from '../http/feature-collection-schema';
import { issue } from '../http/parse';
import type { AnalysisPool } from '../work/analysis-pool';
import { answerAnalysis, sharedAnalysisPool } from '../work/run-analysis';

// Shapes only: coordinates, rings and ranges are checked by the domain, whose InputError
// carries precise zh/en messages (self-intersection, swapped lat/lon, area limits …).
const geometrySchema = z.object(
  { type: z.enum(['Polygon', 'LineString']), coordinates: z.array(z.unknown()) },
  { message: 'must be a GeoJSON Polygon or LineString' },
);

const boundarySchema = z.union(
  [
    geometrySchema,
    z.object({ type: z.literal('Feature'), geometry: geometrySchema, properties: z.unknown() }),
  ],
  {
    error: () =>
      issue(
        'boundary 应为 GeoJSON 多边形 (停车场) 或线 (路缘), 可为 Geometry 或 Feature',
        'boundary must be a GeoJSON Polygon (lot) or LineString (kerb), as a geometry or a Feature',
      ),
  },
);

const featureCollection = featureCollectionSchema(20_000);

const metres = (zh: string, en: string) =>
  z
    .number()
    .positive(issue(`${zh}应为正数 (米)`, `${en} must be positive (m)`))
    .max(50);
const share = (zh: string, en: string) =>
  z
    .number()
    .min(0, issue(`${zh}应在 0–1 之间`, `${en} must be between 0 and 1`))
    .max(1, issue(`${zh}应在 0–1 之间`, `${en} must be between 0 and 1`));

export const parkingOptionsSchema = z
  .object({
    angle: z.enum(['parallel', 'deg30', 'deg45', 'deg60', 'deg90']),
    side: z.enum(['left', 'right']),
    // 前进停车 / 后退停车 (issue 12 §2: JGJ 100 表4.3.4 back-in aisles).
    manoeuvre: z.enum(['forward', 'backIn']),
    depthM: metres('车位深度', 'depthM'),
    lengthAlongAisleM: metres('沿通道车位长度', 'lengthAlongAisleM'),
    aisleWidthM: metres('通道宽度', 'aisleWidthM'),
    accessibleCount: z.number().int().min(0).max(10_000),
    accessibleMinShare: share('无障碍车位比例', 'accessibleMinShare'),
    accessibleAisleM: metres('无障碍通道宽度', 'accessibleAisleM'),
    evShare: share('充电车位比例', 'evShare'),
    orientationDeg: z.number().min(-360).max(360),
  })
  .partial()
  .strict();

/** Where cars enter a lot: [lon, lat], a GeoJSON Point or a Point Feature (checked by the domain). */
const pointSchema = z.object({
  type: z.literal('Point'),
  coordinates: z.array(z.number()).min(2).max(3),
});
const entranceSchema = z.union(
  [
    z.array(z.number()).min(2).max(3),
    pointSchema,
    z.object({ type: z.literal('Feature'), geometry: pointSchema, properties: z.unknown() }),
  ],
  {
    error: () =>
      issue(
        'entrance 应为 [经度, 纬度]、GeoJSON 点或点要素',
        'entrance must be [lon, lat], a GeoJSON Point or a Point Feature',
      ),
  },
);

export const parkingLayoutBodySchema = z.object({
  boundary: boundarySchema,
  options: parkingOptionsSchema.optional(),
  obstacles: featureCollection.optional(),
  keepClear: featureCollection.optional(),
  /** Lots: the entrance on the lot edge; default the edge point nearest `roads`, else the longest edge's middle. */
  entrance: entranceSchema.optional(),
  /** Lots: roads and driveways (lines or areas) for the default entrance. */
  roads: featureCollection.optional(),
});

/**
 * Geometric analyses computed on request by the pure domain layer (no database), in the
 * analysis pool's worker threads after a cheap vertex check (issue 18).
 */
export function analysisRoutes(pool: AnalysisPool = sharedAnalysisPool()): Router {
  const r = Router();

  /** Parking layout on a lot polygon or along a kerb line (JGJ 100-2015; issue #3). */
  r.post('/analysis/parking-layout', async (req, res) => {
    await answerAnalysis(pool, 'parking-layout', req.body, req, res);
  });

  return r;
}
