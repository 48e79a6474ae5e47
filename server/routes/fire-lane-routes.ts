import { Router } from 'express';
import { z } from 'zod';
import { checkFireLanes } from '../../domain/fire-lanes/check-fire-lanes';
import type { FireLaneOptions } from '../../domain/fire-lanes/types';
import { InputError } from '../../domain/geo/input-error';
import { ApiError } from '../http/api-error';
import { issue, parse } from '../http/parse';

// Shapes only: kinds, coordinates and property values are checked by the domain, whose
// InputError carries precise zh/en messages (swapped lat/lon, a lane that is not a line …).
const featureCollectionSchema = z.object(
  {
    type: z.literal('FeatureCollection'),
    features: z
      .array(
        z.object({
          type: z.literal('Feature'),
          id: z.union([z.string(), z.number()]).optional(),
          geometry: z.object({ type: z.string(), coordinates: z.array(z.unknown()) }),
          properties: z.record(z.string(), z.unknown()).nullable().optional(),
        }),
      )
      .max(20_000, issue('要素过多 (最多 20000 个)', 'too many features (at most 20000)')),
  },
  { message: 'must be a GeoJSON FeatureCollection' },
);

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
  features: featureCollectionSchema,
  options: fireLaneOptionsSchema.optional(),
});

/** Fire-lane compliance of a scenario's features (GB 50016-2014 §7.1–7.2; issue #4). */
export function fireLaneRoutes(): Router {
  const r = Router();

  r.post('/analysis/fire-lanes', (req, res) => {
    const body = parse(fireLaneBodySchema, req.body);
    try {
      res.json(checkFireLanes(body.features as never, (body.options ?? {}) as FireLaneOptions));
    } catch (err) {
      if (err instanceof InputError) {
        throw new ApiError(
          err.code === 'INVALID_OPTION' ? 'VALIDATION' : 'INVALID_GEOMETRY',
          { zh: err.zh, en: err.en },
          { code: err.code },
        );
      }
      throw err;
    }
  });

  return r;
}
