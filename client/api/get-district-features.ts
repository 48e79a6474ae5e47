import type { FeatureKind } from '../../domain/model/feature-kinds';
import { fetchJson, withQuery } from './fetch-json';
import type { Bbox, PlanFeatureCollection } from './types';

export interface GetFeaturesOptions {
  kinds?: readonly FeatureKind[];
  bbox?: Bbox;
  signal?: AbortSignal;
}

/** GET /api/districts/:id/features: the district's baseline (现状) features of some kinds. */
export const getDistrictFeatures = (
  districtId: string,
  { kinds, bbox, signal }: GetFeaturesOptions = {},
): Promise<PlanFeatureCollection> =>
  fetchJson<PlanFeatureCollection>(
    withQuery(`/api/districts/${encodeURIComponent(districtId)}/features`, {
      kind: kinds?.join(','),
      bbox: bbox?.join(','),
    }),
    signal,
  );
