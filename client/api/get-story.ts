import { fetchJson } from './fetch-json';
import type { Story } from './story-types';

/** GET /api/stories/:id: a saved story with its views in order. */
export const getStory = (id: string, signal?: AbortSignal): Promise<Story> =>
  fetchJson<Story>(`/api/stories/${encodeURIComponent(id)}`, signal);
