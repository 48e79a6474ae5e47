import { Router } from 'express';
import { z } from 'zod';
import { buildWalkingNetwork } from '../../domain/coverage/build-walking-network';
import { computeCoverage } from '../../domain/coverage/compute-coverage';
import type {
  CommunityFeatures,
  FacilityFeatures,
  NetworkLines,
  OriginFeatures,
} from '../../domain/coverage/types';
import { walkingIsochrones } from '../../domain/coverage/walking-isochrones';
import { FACILITY_CATEGORIES, type FacilityCategoryId } from '../../domain/standards/rules';
import { featureCollectionSchema } from '../http/feature-collection-schema';
import { issue, parse } from '../http/parse';

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

/** JSON has no Infinity: an unreachable distance is null. */
const finiteOrNull = (x: number | undefined): number | null =>
  x === undefined || !Number.isFinite(x) ? null : x;

/**
 * 15-minute life-circle coverage (GB 50180-2018; issue #5), computed on request by the pure
 * domain layer: stateless, no database.
 */
export function coverageRoutes(): Router {
  const r = Router();

  /**
   * Body: { network, origins, facilities, communities?, options? } (FeatureCollections in WGS84).
   * Returns per-building network distances (m, null when unreachable) and walking minutes per
   * category, and the district and community summaries (shares, tiers, gaps).
   */
  r.post('/analysis/coverage', (req, res) => {
    const body = parse(coverageBodySchema, req.body);
    const result = computeCoverage(
      {
        network: body.network as NetworkLines,
        origins: body.origins as OriginFeatures,
        facilities: body.facilities as FacilityFeatures,
        communities: body.communities as CommunityFeatures | undefined,
      },
      body.options ?? {},
    );
    const speed = result.walkSpeedMPerMin;
    res.json({
      categories: result.categories,
      walkSpeedMPerMin: speed,
      origins: result.origins.map((o) => {
        const distancesM: Record<string, number | null> = {};
        const walkMinutes: Record<string, number | null> = {};
        const unreachable: string[] = [];
        for (const c of result.categories) {
          const d = finiteOrNull(o.distancesM[c]);
          distancesM[c] = d;
          walkMinutes[c] = d === null ? null : d / speed;
          if (d === null) unreachable.push(c);
        }
        return {
          id: o.id,
          communityId: o.communityId,
          households: o.households,
          distancesM,
          walkMinutes,
          missing: o.missing,
          unreachable,
        };
      }),
      summary: {
        district: result.district,
        communities: result.communities,
      },
    });
  });

  /** Body: { network, at: [lon, lat], options? } → FeatureCollection of reached lines and outlines. */
  r.post('/analysis/walking-isochrones', (req, res) => {
    const body = parse(isochroneBodySchema, req.body);
    const network = buildWalkingNetwork(
      { network: body.network as NetworkLines },
      { maxSnapM: body.options?.maxSnapM },
    );
    res.json(walkingIsochrones(network, body.at, body.options ?? {}));
  });

  return r;
}
