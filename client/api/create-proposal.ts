import { requestJson } from './fetch-json';
import type { Id, Scenario } from './types';

/** POST /api/scenarios/:baselineId/proposals: a proposal copied from the baseline, with lineage. */
export const createProposal = (baselineId: Id, name: string, locale: string): Promise<Scenario> =>
  requestJson<Scenario>(`/api/scenarios/${encodeURIComponent(String(baselineId))}/proposals`, {
    method: 'POST',
    body: { name },
    locale,
  });
