import { fetchJson } from './fetch-json';
import type { ScenarioIndicators } from './story-types';

/** GET /api/scenarios/:id/indicators: parking, fire lanes and coverage before and after. */
export const getScenarioIndicators = (
  id: string,
  signal?: AbortSignal,
): Promise<ScenarioIndicators> =>
  fetchJson<ScenarioIndicators>(`/api/scenarios/${encodeURIComponent(id)}/indicators`, signal);
