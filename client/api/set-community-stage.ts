import type { CommunityStage } from '../../domain/model/renewal-stages';
import { requestJson } from './fetch-json';
import type { Id } from './types';

/** PUT /api/communities/:id/stage (issue 17): sets a community's stage; null is "not set". */
export const setCommunityStage = (
  id: Id,
  stage: CommunityStage,
  locale: string,
): Promise<{ id: Id; stage: CommunityStage }> =>
  requestJson<{ id: Id; stage: CommunityStage }>(
    `/api/communities/${encodeURIComponent(String(id))}/stage`,
    { method: 'PUT', body: { stage }, locale },
  );
