import { assignCommunities } from './assign-communities';
import { buildWalkingNetwork } from './build-walking-network';
import { computeCoverageState } from './compute-coverage-state';
import { summarizeCoverage } from './summarize-coverage';
import type {
  CommunityFeatures,
  CoverageOptions,
  CoverageResult,
  FacilityFeatures,
  NetworkLines,
  OriginFeatures,
} from './types';

export interface CoverageInput {
  readonly network: NetworkLines;
  readonly origins: OriginFeatures;
  readonly facilities: FacilityFeatures;
  /** Optional 小区 polygons; origins without `properties.communityId` are assigned by them. */
  readonly communities?: CommunityFeatures | undefined;
}

/**
 * The 15-minute life-circle coverage of a district in one call: builds the walking network
 * (build-walking-network.ts), computes every category's nearest-facility field
 * (compute-coverage-state.ts) and summarizes it per building, community and district
 * (summarize-coverage.ts). Stateless; for incremental edits keep the state instead.
 */
export function computeCoverage(
  input: CoverageInput,
  options: CoverageOptions = {},
): CoverageResult {
  const origins = input.communities
    ? assignCommunities(input.origins, input.communities)
    : input.origins;
  const network = buildWalkingNetwork(
    { network: input.network, origins, facilities: input.facilities },
    options,
  );
  return summarizeCoverage(computeCoverageState(network, options));
}
