import { buildWalkingNetwork } from '../../domain/coverage/build-walking-network';
import { computeCoverage } from '../../domain/coverage/compute-coverage';
import type {
  CommunityFeatures,
  FacilityFeatures,
  NetworkLines,
  OriginFeatures,
} from '../../domain/coverage/types';
import { walkingIsochrones } from '../../domain/coverage/walking-isochrones';
import { checkFireLanes } from '../../domain/fire-lanes/check-fire-lanes';
import type { FireLaneOptions } from '../../domain/fire-lanes/types';
import { generateParkingLayout } from '../../domain/parking/generate-parking-layout';
import type { ParkingLayoutInput } from '../../domain/parking/types';

/**
 * The CPU-heavy analyses the API runs off the event loop (issue 18): each takes the route's
 * already validated body and returns the JSON the route answers. Pure: the same functions run
 * in a worker thread (analysis-worker.ts) or inline.
 */
export const ANALYSIS_TASKS = {
  'parking-layout': (body: ParkingLayoutBody) =>
    generateParkingLayout(
      {
        boundary: body.boundary,
        obstacles: body.obstacles,
        keepClear: body.keepClear,
        entrance: body.entrance,
        roads: body.roads,
      } as ParkingLayoutInput,
      (body.options ?? {}) as never,
    ),
  'fire-lanes': (body: { features: unknown; options?: unknown }) =>
    checkFireLanes(body.features as never, (body.options ?? {}) as FireLaneOptions),
  coverage: (body: CoverageBody) => coverageAnswer(body),
  'walking-isochrones': (body: IsochroneBody) => {
    const network = buildWalkingNetwork(
      { network: body.network as NetworkLines },
      { maxSnapM: body.options?.maxSnapM },
    );
    return walkingIsochrones(network, body.at, (body.options ?? {}) as never);
  },
} as const;

export type AnalysisTask = keyof typeof ANALYSIS_TASKS;

interface ParkingLayoutBody {
  boundary: unknown;
  obstacles?: unknown;
  keepClear?: unknown;
  entrance?: unknown;
  roads?: unknown;
  options?: unknown;
}

interface CoverageBody {
  network: unknown;
  origins: unknown;
  facilities: unknown;
  communities?: unknown;
  options?: Record<string, unknown>;
}

interface IsochroneBody {
  network: unknown;
  at: [number, number];
  options?: { maxSnapM?: number; minutes?: number[]; walkSpeedMPerMin?: number };
}

/** JSON has no Infinity: an unreachable distance is null. */
const finiteOrNull = (x: number | undefined): number | null =>
  x === undefined || !Number.isFinite(x) ? null : x;

function coverageAnswer(body: CoverageBody) {
  const result = computeCoverage(
    {
      network: body.network as NetworkLines,
      origins: body.origins as OriginFeatures,
      facilities: body.facilities as FacilityFeatures,
      communities: body.communities as CommunityFeatures | undefined,
    },
    (body.options ?? {}) as never,
  );
  const speed = result.walkSpeedMPerMin;
  return {
    categories: result.categories,
    walkSpeedMPerMin: speed,
    origins: result.origins.map((o) => {
      const distancesM: Record<string, number | null> = {};
      const walkMinutes: Record<string, number | null> = {};
      const unreachable: string[] = [];
      for (const c of result.categories) {
        const d = finiteOrNull(o.distancesM[c]);
        distancesM[c] = d;
        walkMinutes[c] = d === null ? null : d / speed;
        if (d === null) unreachable.push(c);
      }
      return {
        id: o.id,
        communityId: o.communityId,
        households: o.households,
        distancesM,
        walkMinutes,
        missing: o.missing,
        unreachable,
      };
    }),
    summary: { district: result.district, communities: result.communities },
  };
}
