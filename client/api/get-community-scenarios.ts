import { fetchJson } from './fetch-json';
import type { Id, Scenario } from './types';

/** GET /api/communities/:id/scenarios: the community's baseline (现状) and its proposals (方案). */
export const getCommunityScenarios = (communityId: Id, signal?: AbortSignal): Promise<Scenario[]> =>
  fetchJson<Scenario[]>(
    `/api/communities/${encodeURIComponent(String(communityId))}/scenarios`,
    signal,
  );
