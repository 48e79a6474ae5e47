import type { CsrGraph } from './types';

/** Sources of one run: node, initial distance (m) and the owner (facility slot) it carries. */
export interface DijkstraSeeds {
  readonly nodes: ArrayLike<number>;
  readonly offsetsM: ArrayLike<number>;
  readonly owners: ArrayLike<number>;
}

/**
 * Multi-source Dijkstra over a CSR graph with a binary min-heap on typed arrays: keys
 * (Float64Array) and nodes (Int32Array) side by side, so sifting reads no other memory; a node
 * is pushed again when it improves and stale entries are skipped when popped (cheaper than
 * decrease-key bookkeeping on sparse road graphs). Works in place on `distM` / `owner`, which
 * the caller owns: pass Infinity / -1 for a full run, or the current field for an incremental
 * one — a node is only relaxed when its distance strictly improves, so the run touches exactly
 * the nodes the seeds get closer to. Nodes farther than `limitM` are left as they were.
 * Returns the number of settled nodes.
 *
 * Dead ends (degree 1: the connectors of buildings) are settled as soon as they are reached,
 * without entering the heap: their only neighbour is the node being settled, so the value is
 * final. About a third of a city graph's nodes are such leaves.
 *
 * Ties keep the first owner found (deterministic for a given seed order). Weights must be
 * non-negative.
 */
export function multiSourceDijkstra(
  graph: CsrGraph,
  seeds: DijkstraSeeds,
  distM: Float64Array,
  owner: Int32Array,
  limitM = Infinity,
): number {
  const { offsets, targets, weightsM } = graph;
  // Each push follows a strict improvement of a node through one directed edge (or a seed), so
  // seeds + directed edges bounds the heap: allocate once, no growth checks, and keep the heap
  // in locals rather than closure slots (V8 reads those much faster in the hot loop).
  const capacity = seeds.nodes.length + targets.length + 1;
  const keys = new Float64Array(capacity);
  const nodes = new Int32Array(capacity);
  let size = 0;

  for (let s = 0; s < seeds.nodes.length; s++) {
    const n = seeds.nodes[s]!;
    const d = seeds.offsetsM[s]!;
    if (!(d < distM[n]! && d <= limitM)) continue;
    distM[n] = d;
    owner[n] = seeds.owners[s]!;
    let i = size++;
    while (i > 0) {
      const p = (i - 1) >> 1;
      const pk = keys[p]!;
      if (pk <= d) break;
      keys[i] = pk;
      nodes[i] = nodes[p]!;
      i = p;
    }
    keys[i] = d;
    nodes[i] = n;
  }
  let settled = 0;
  while (size > 0) {
    const n = nodes[0]!;
    const dn = keys[0]!;
    // Pop: move the last entry down from the root.
    size--;
    if (size > 0) {
      const lk = keys[size]!;
      const ln = nodes[size]!;
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        if (l >= size) break;
        let c = l;
        let ck = keys[l]!;
        const r = l + 1;
        if (r < size && keys[r]! < ck) {
          c = r;
          ck = keys[r]!;
        }
        if (ck >= lk) break;
        keys[i] = ck;
        nodes[i] = nodes[c]!;
        i = c;
      }
      keys[i] = lk;
      nodes[i] = ln;
    }
    if (dn > distM[n]!) continue; // stale entry
    settled++;
    const on = owner[n]!;
    const end = offsets[n + 1]!;
    for (let k = offsets[n]!; k < end; k++) {
      const t = targets[k]!;
      const nd = dn + weightsM[k]!;
      if (nd < distM[t]! && nd <= limitM) {
        distM[t] = nd;
        owner[t] = on;
        // A dead end (a building's connector) can only be reached through n: final now.
        if (offsets[t + 1]! - offsets[t]! === 1) {
          settled++;
          continue;
        }
        let i = size++;
        while (i > 0) {
          const p = (i - 1) >> 1;
          const pk = keys[p]!;
          if (pk <= nd) break;
          keys[i] = pk;
          nodes[i] = nodes[p]!;
          i = p;
        }
        keys[i] = nd;
        nodes[i] = t;
      }
    }
  }
  return settled;
}
