import { booleanPointInPolygon, centroid } from '@turf/turf';
import type { Feature } from 'geojson';
import { featureId } from './feature-id';
import type { CommunityFeatures, OriginFeatures } from './types';

/**
 * Copies of the origins with `properties.communityId` set to the first community polygon that
 * contains the origin's centroid (vertex mean, turf `centroid`); origins that already carry a
 * communityId keep it; outside every polygon: none. Community ids come from
 * `properties.communityId`, else the feature id rules of feature-id.ts. Never mutates input.
 */
export function assignCommunities(
  origins: OriginFeatures,
  communities: CommunityFeatures,
): OriginFeatures {
  const ids = communities.features.map((c, i) => {
    const explicit = c.properties?.communityId;
    return typeof explicit === 'string' || typeof explicit === 'number'
      ? String(explicit)
      : featureId(c, i, 'community-');
  });
  return {
    ...origins,
    features: origins.features.map((o): Feature<(typeof o)['geometry']> => {
      const own = o.properties?.communityId;
      if (typeof own === 'string' || typeof own === 'number') return o;
      const point = centroid(o);
      const hit = communities.features.findIndex((c) => booleanPointInPolygon(point, c));
      if (hit < 0) return o;
      return { ...o, properties: { ...(o.properties ?? {}), communityId: ids[hit]! } };
    }),
  };
}
