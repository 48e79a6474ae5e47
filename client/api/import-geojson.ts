import { requestJson } from './fetch-json';

/** POST /api/scenarios/:id/import?crs=: a GeoJSON file's features added to a proposal. */
export const importGeoJson = (
  scenarioId: string,
  geojson: unknown,
  crs: 'wgs84' | 'gcj02' | 'bd09',
  locale: string,
): Promise<{ created: number[] }> =>
  requestJson<{ created: number[] }>(
    `/api/scenarios/${encodeURIComponent(scenarioId)}/import?crs=${crs}`,
    { method: 'POST', body: geojson, locale },
  );
