import type { Geometry } from 'geojson';
import type { FeatureKind } from '../../domain/model/feature-kinds';
import { requestJson } from './fetch-json';
import type { ApiFeature, FeatureFields, Id } from './types';

export interface NewFeature extends FeatureFields {
  kind: FeatureKind;
  geometry: Geometry;
}

/** POST /api/scenarios/:id/features (`?baseline=edit` to write the baseline on purpose). */
export const createFeature = (
  scenarioId: Id,
  feature: NewFeature,
  { locale, editBaseline = false }: { locale: string; editBaseline?: boolean },
): Promise<ApiFeature> =>
  requestJson<ApiFeature>(
    `/api/scenarios/${encodeURIComponent(String(scenarioId))}/features${editBaseline ? '?baseline=edit' : ''}`,
    { method: 'POST', body: feature, locale },
  );
