import { fetchJson } from './fetch-json';
import type { District } from './types';

/** GET /api/districts: every district (片区) with its community count and extent. */
export const getDistricts = (signal?: AbortSignal): Promise<District[]> =>
  fetchJson<District[]>('/api/districts', signal);
