import { requestJson } from './fetch-json';
import type { ApiFeature, Id } from './types';

/**
 * PUT /api/features/:id/parking-survey: a survey count (现状调查) of the cars parked today on a
 * lot or road (issue 12 §2). Answers the feature with its `parkingSurvey` {count, note, by, at};
 * a proposal copy's survey is stored on its baseline source.
 */
export const putParkingSurvey = (
  id: Id,
  count: number,
  note: string | null,
  locale: string,
): Promise<ApiFeature> =>
  requestJson<ApiFeature>(`/api/features/${encodeURIComponent(String(id))}/parking-survey`, {
    method: 'PUT',
    body: { count, note },
    locale,
  });
