import { Router } from 'express';
import { z } from 'zod';
import { featureCollectionSchema } from '../http/feature-collection-schema';
import type { AnalysisPool } from '../work/analysis-pool';
import { answerAnalysis, sharedAnalysisPool } from '../work/run-analysis';

const featureCollection = featureCollectionSchema(20_000);

const metres = z.number().min(0).max(1000);
const rect = z.object({ lengthM: metres, widthM: metres }).strict();

/** Overrides of RULES.fireLane for one project; ranges re-checked by the domain. */
export const fireLaneOptionsSchema = z
  .object({
    minClearWidthM: metres,
    minTurningRadiusM: metres,
    aerialTurningRadiusM: metres,
    heavyTurningRadiusM: metres,
    turningRadiusM: metres,
    turnaroundSideM: metres,
    turnaroundHighRiseSideM: metres,
    turnaroundHeavySideM: metres,
    deadEndMaxLengthM: metres,
    teeLegMinLengthM: metres,
    teeLegMinLengthHighRiseM: metres,
    teeLegMinLengthHeavyM: metres,
    minDistanceFromWallM: metres,
    ringMinConnections: z.number().int().min(1).max(10),
    maxBuildingAccessDistanceM: metres,
    highRiseResidentialHeightM: metres,
    highRiseLevelsWhenHeightUnknown: metres,
    storeyHeightEstimateM: metres,
    rescueSiteMinM: rect,
    rescueSiteOver50mMinM: rect,
    rescueSiteLargerAboveHeightM: metres,
    rescueSiteDistanceFromWallM: z.object({ minM: metres, maxM: metres }).strict(),
    wallDistanceAppliesTo: z.enum(['high-rise', 'all']),
    snapToleranceM: metres,
  })
  .partial()
  .strict();

export const fireLaneBodySchema = z.object({
  features: featureCollection,
  options: fireLaneOptionsSchema.optional(),
});

/** Fire-lane compliance of a scenario's features (GB 50016-2014 §7.1–7.2; issue #4). */
export function fireLaneRoutes(pool: AnalysisPool = sharedAnalysisPool()): Router {
  const r = Router();

  r.post('/analysis/fire-lanes', async (req, res) => {
    await answerAnalysis(pool, 'fire-lanes', req.body, req, res);
  });

  return r;
}
