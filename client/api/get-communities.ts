import { fetchJson, withQuery } from './fetch-json';
import type { Bbox, CommunityCollection } from './types';

export interface GetCommunitiesOptions {
  districtId?: string;
  bbox?: Bbox;
  signal?: AbortSignal;
}

/** GET /api/communities: community (小区) outlines with their renewal attributes. */
export const getCommunities = ({
  districtId,
  bbox,
  signal,
}: GetCommunitiesOptions = {}): Promise<CommunityCollection> =>
  fetchJson<CommunityCollection>(
    withQuery('/api/communities', { district: districtId, bbox: bbox?.join(',') }),
    signal,
  );
