import type { FacilityCategoryId } from '../standards/rules';
import { multiSourceDijkstra } from './multi-source-dijkstra';
import type { CategoryField, CsrGraph, FieldFacility } from './types';

/**
 * Full recompute of one category: multi-source Dijkstra from every active facility's seeds, so
 * each node gets the network distance to its nearest facility and that facility's slot.
 */
export function computeCategoryField(
  graph: CsrGraph,
  category: FacilityCategoryId,
  facilities: readonly FieldFacility[],
): CategoryField {
  const nodes: number[] = [];
  const offsetsM: number[] = [];
  const owners: number[] = [];
  facilities.forEach((f, slot) => {
    if (!f.active) return;
    for (const s of f.seeds) {
      nodes.push(s.node);
      offsetsM.push(s.offsetM);
      owners.push(slot);
    }
  });
  const distM = new Float64Array(graph.nodeCount).fill(Infinity);
  const owner = new Int32Array(graph.nodeCount).fill(-1);
  multiSourceDijkstra(graph, { nodes, offsetsM, owners }, distM, owner);
  return { category, distM, owner, facilities };
}
