import { Router } from 'express';
import { z } from 'zod';
import { FACILITY_CATEGORIES, type FacilityCategoryId } from '../../domain/standards/rules';
import { featureCollectionSchema } from '../http/feature-collection-schema';
import { issue } from '../http/parse';
import type { AnalysisPool } from '../work/analysis-pool';
import { answerAnalysis, sharedAnalysisPool } from '../work/run-analysis';

const categoryIds = FACILITY_CATEGORIES.map((c) => c.id) as [
  FacilityCategoryId,
  ...FacilityCategoryId[],
];
const categorySchema = z.enum(categoryIds, {
  message: `category must be one of ${categoryIds.join(', ')}`,
});
const positive = (max: number) => z.number().positive().max(max);

export const coverageOptionsSchema = z
  .object({
    walkSpeedMPerMin: positive(200),
    categories: z.array(categorySchema).min(1),
    radiiM: z.partialRecord(categorySchema, positive(5_000)),
    maxSnapM: z.number().min(0).max(1_000),
  })
  .partial()
  .strict();

export const coverageBodySchema = z.object({
  network: featureCollectionSchema(100_000, { zh: '步行网络', en: 'network lines' }),
  origins: featureCollectionSchema(50_000, { zh: '建筑', en: 'origins' }),
  facilities: featureCollectionSchema(10_000, { zh: '设施', en: 'facilities' }),
  communities: featureCollectionSchema(2_000, { zh: '小区', en: 'communities' }).optional(),
  options: coverageOptionsSchema.optional(),
});

export const isochroneBodySchema = z.object({
  network: featureCollectionSchema(100_000, { zh: '步行网络', en: 'network lines' }),
  at: z.tuple([z.number(), z.number()], {
    error: () => issue('at 应为 [经度, 纬度]', 'at must be [lon, lat]'),
  }),
  options: z
    .object({
      minutes: z.array(positive(120)).min(1).max(10),
      walkSpeedMPerMin: positive(200),
      maxSnapM: z.number().min(0).max(1_000),
    })
    .partial()
    .strict()
    .optional(),
});

/**
 * 15-minute life-circle coverage (GB 50180-2018; issue #5), computed on request by the pure
 * domain layer: stateless, no database.
 */
export function coverageRoutes(pool: AnalysisPool = sharedAnalysisPool()): Router {
  const r = Router();

  /**
   * Body: { network, origins, facilities, communities?, options? } (FeatureCollections in WGS84).
   * Returns per-building network distances (m, null when unreachable) and walking minutes per
   * category, and the district and community summaries (shares, tiers, gaps).
   */
  r.post('/analysis/coverage', async (req, res) => {
    await answerAnalysis(pool, 'coverage', req.body, req, res);
  });

  /** Body: { network, at: [lon, lat], options? } → FeatureCollection of reached lines and outlines. */
  r.post('/analysis/walking-isochrones', async (req, res) => {
    await answerAnalysis(pool, 'walking-isochrones', req.body, req, res);
  });

  return r;
}
