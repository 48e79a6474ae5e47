import { requestJson } from './fetch-json';
import type { Scenario } from './types';

/** PATCH /api/scenarios/:id: renames a scenario seen at `scenario.version` (409 when stale). */
export const renameScenario = (
  scenario: Scenario,
  name: string,
  locale: string,
): Promise<Scenario> =>
  requestJson<Scenario>(`/api/scenarios/${encodeURIComponent(String(scenario.id))}`, {
    method: 'PATCH',
    body: { version: scenario.version, name },
    locale,
  });
