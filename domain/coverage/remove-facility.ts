import { InputError } from '../geo/input-error';
import type { FacilityCategoryId } from '../standards/rules';
import { multiSourceDijkstra } from './multi-source-dijkstra';
import type { CoverageState } from './types';

/**
 * Removes one facility (the last active one with `id` in `category`) without a full recompute.
 * Only the nodes whose nearest facility it was can change: they are reset to Infinity and
 * re-settled by a Dijkstra seeded from their neighbours outside that region (whose distances
 * cannot change: their nearest facility is still there) and from any other facility entering
 * the graph inside it. Relaxation stops at the region's edge, since outside nodes are already
 * optimal. Exact, and equal to a full recompute (tests/domain/coverage).
 *
 * Cost: one O(nodes) scan and copy, plus a Dijkstra over the region. Leaves `state` untouched.
 * Throws an InputError when there is no such active facility.
 */
export function removeFacility(
  state: CoverageState,
  category: FacilityCategoryId,
  id: string,
): CoverageState {
  const field = state.fields[category];
  let slot = -1;
  if (field) {
    for (let i = field.facilities.length - 1; i >= 0; i--) {
      const f = field.facilities[i]!;
      if (f.active && f.id === id) {
        slot = i;
        break;
      }
    }
  }
  if (!field || slot < 0) {
    throw new InputError(
      'INVALID_OPTION',
      `没有可删除的设施: ${category} ${id}`,
      `no such facility to remove: ${category} ${id}`,
    );
  }
  const { graph } = state.network;
  const distM = field.distM.slice();
  const owner = field.owner.slice();
  const region: number[] = [];
  for (let n = 0; n < graph.nodeCount; n++) {
    if (owner[n] === slot) {
      region.push(n);
      distM[n] = Infinity;
      owner[n] = -1;
    }
  }
  const facilities = field.facilities.map((f, i) => (i === slot ? { ...f, active: false } : f));
  const nodes: number[] = [];
  const offsetsM: number[] = [];
  const owners: number[] = [];
  for (const n of region) {
    for (let k = graph.offsets[n]!; k < graph.offsets[n + 1]!; k++) {
      const w = graph.targets[k]!;
      if (owner[w]! >= 0) {
        nodes.push(n);
        offsetsM.push(distM[w]! + graph.weightsM[k]!);
        owners.push(owner[w]!);
      }
    }
  }
  facilities.forEach((f, i) => {
    if (!f.active) return;
    for (const s of f.seeds) {
      if (distM[s.node] === Infinity) {
        nodes.push(s.node);
        offsetsM.push(s.offsetM);
        owners.push(i);
      }
    }
  });
  multiSourceDijkstra(graph, { nodes, offsetsM, owners }, distM, owner);
  return {
    ...state,
    fields: { ...state.fields, [category]: { category, distM, owner, facilities } },
  };
}
