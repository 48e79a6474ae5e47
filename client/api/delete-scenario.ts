import { requestJson } from './fetch-json';
import type { Scenario } from './types';

/** DELETE /api/scenarios/:id?version=N: deletes a proposal with its features (409 when stale). */
export const deleteScenario = (scenario: Scenario, locale: string): Promise<void> =>
  requestJson<void>(
    `/api/scenarios/${encodeURIComponent(String(scenario.id))}?version=${scenario.version}`,
    { method: 'DELETE', locale },
  );
