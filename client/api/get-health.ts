import { fetchJson } from './fetch-json';
import type { Health } from './types';

/** GET /api/health: which database engine answers, its PostGIS version and migration level. */
export const getHealth = (signal?: AbortSignal): Promise<Health> =>
  fetchJson<Health>('/api/health', signal);
