import { fetchJson, withQuery } from './fetch-json';
import type { GetFeaturesOptions } from './get-district-features';
import type { PlanFeatureCollection } from './types';

/** GET /api/scenarios/:id/features: the features of one scenario (baseline or proposal). */
export const getScenarioFeatures = (
  scenarioId: string,
  { kinds, bbox, signal }: GetFeaturesOptions = {},
): Promise<PlanFeatureCollection> =>
  fetchJson<PlanFeatureCollection>(
    withQuery(`/api/scenarios/${encodeURIComponent(scenarioId)}/features`, {
      kind: kinds?.join(','),
      bbox: bbox?.join(','),
    }),
    signal,
  );
