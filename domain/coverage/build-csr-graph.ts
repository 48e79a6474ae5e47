import type { CsrGraph } from './types';

/**
 * An undirected CSR graph from an edge list: each edge appears once from each end. Neighbours of
 * a node are listed in increasing edge id, so traversals are deterministic.
 */
export function buildCsrGraph(
  nodeCount: number,
  edgeU: Int32Array,
  edgeV: Int32Array,
  edgeLengthM: Float64Array,
  edgeCount: number,
): CsrGraph {
  const offsets = new Int32Array(nodeCount + 1);
  for (let e = 0; e < edgeCount; e++) {
    offsets[edgeU[e]! + 1]!++;
    offsets[edgeV[e]! + 1]!++;
  }
  for (let n = 0; n < nodeCount; n++) offsets[n + 1]! += offsets[n]!;
  const fill = offsets.slice(0, nodeCount);
  const targets = new Int32Array(2 * edgeCount);
  const weightsM = new Float64Array(2 * edgeCount);
  const edges = new Int32Array(2 * edgeCount);
  for (let e = 0; e < edgeCount; e++) {
    const u = edgeU[e]!;
    const v = edgeV[e]!;
    const w = edgeLengthM[e]!;
    let i = fill[u]!++;
    targets[i] = v;
    weightsM[i] = w;
    edges[i] = e;
    i = fill[v]!++;
    targets[i] = u;
    weightsM[i] = w;
    edges[i] = e;
  }
  return { nodeCount, offsets, targets, weightsM, edges };
}
