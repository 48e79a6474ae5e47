import type { Geometry } from 'geojson';
import { requestJson } from './fetch-json';
import type { ApiFeature, FeatureFields, Id } from './types';

export interface FeatureChange extends FeatureFields {
  geometry?: Geometry;
}

/** PATCH /api/features/:id with the version the user saw; a stale version answers 409. */
export const updateFeature = (
  id: Id,
  version: number,
  change: FeatureChange,
  { locale, editBaseline = false }: { locale: string; editBaseline?: boolean },
): Promise<ApiFeature> =>
  requestJson<ApiFeature>(
    `/api/features/${encodeURIComponent(String(id))}${editBaseline ? '?baseline=edit' : ''}`,
    { method: 'PATCH', body: { version, ...change }, locale },
  );
