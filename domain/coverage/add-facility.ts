import type { Feature, MultiPolygon, Point, Polygon } from 'geojson';
import { InputError } from '../geo/input-error';
import type { FacilityCategoryId } from '../standards/rules';
import { facilitySeeds } from './facility-seeds';
import { featureId } from './feature-id';
import { multiSourceDijkstra } from './multi-source-dijkstra';
import type { CoverageState } from './types';

/**
 * Adds one facility without a full recompute. The new facility's distances are
 * min(old, d(new, ·)): a Dijkstra from the new facility's seeds that relaxes a node only when
 * it strictly improves it, so it stops at the boundary of the region the new facility now
 * serves (where old ≤ new). Exact: if the new facility is strictly nearer to v, it is
 * strictly nearer to every node on its shortest path to v, so no improved node is cut off.
 *
 * Copies the category's arrays (O(nodes) memcpy) and leaves `state` untouched. Throws an
 * InputError when the category is not part of the state.
 */
export function addFacility(
  state: CoverageState,
  facility: Feature<Point | Polygon | MultiPolygon>,
): CoverageState {
  const category = facility.properties?.category as FacilityCategoryId | undefined;
  const field = category === undefined ? undefined : state.fields[category];
  if (category === undefined || field === undefined) {
    throw new InputError(
      'INVALID_OPTION',
      `该设施类别不在本次分析中: ${String(category)}`,
      `facility category is not part of this analysis: ${String(category)}`,
    );
  }
  const { seeds } = facilitySeeds(state.network, facility.geometry);
  const slot = field.facilities.length;
  const id = featureId(facility, slot, `${category}-added-`);
  const distM = field.distM.slice();
  const owner = field.owner.slice();
  multiSourceDijkstra(
    state.network.graph,
    {
      nodes: seeds.map((s) => s.node),
      offsetsM: seeds.map((s) => s.offsetM),
      owners: seeds.map(() => slot),
    },
    distM,
    owner,
  );
  return {
    ...state,
    fields: {
      ...state.fields,
      [category]: {
        category,
        distM,
        owner,
        facilities: [...field.facilities, { id, seeds, active: true }],
      },
    },
  };
}
