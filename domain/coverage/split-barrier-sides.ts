/** The network after barrier roads were split into their two sidewalks. */
export interface SidedEdges {
  readonly u: number[];
  readonly v: number[];
  readonly lengthM: number[];
  /** The other sidewalk's copy of a barrier edge, else -1. */
  readonly twin: number[];
  /** +1: the copy left of u → v; -1: the copy right of it; 0: not a barrier edge. */
  readonly side: number[];
}

/**
 * Splits every barrier edge (a road crossed only at crossings, crosses-only-at-crossings.ts)
 * into two coincident copies, its left and its right sidewalk, of the same length. A barrier
 * vertex is a crossing, where both sidewalks share the node, when it is not the plain interior
 * vertex of one barrier road: any other line meets it (a `footway=crossing` way, a junction
 * with a side road or another main road), or the road ends there. At every other vertex (two
 * barrier edges and nothing else) the right sidewalk gets a node of its own (added to
 * `nodeX` / `nodeY`, which are extended in place), so a walk there stays on its side.
 *
 * Which copy of an edge meets which sidewalk node at a split vertex n follows the direction
 * d = (b − a) through n (a, b its two neighbours): the copy on the left of u → v lies on the
 * left of d when cross(d, leftNormal(u → v)) > 0. Deterministic; input arrays are not mutated
 * except the two node arrays, which only grow.
 */
export function splitBarrierSides(
  nodeX: number[],
  nodeY: number[],
  u: readonly number[],
  v: readonly number[],
  lengthM: readonly number[],
  barrier: readonly boolean[],
): SidedEdges {
  const n0 = nodeX.length;
  const degree = new Int32Array(n0);
  const nonBarrier = new Uint8Array(n0);
  const other: number[][] = Array.from({ length: n0 }, () => []);
  for (let e = 0; e < u.length; e++) {
    for (const [a, b] of [
      [u[e]!, v[e]!],
      [v[e]!, u[e]!],
    ] as const) {
      degree[a]!++;
      if (!barrier[e]) nonBarrier[a] = 1;
      else other[a]!.push(b);
    }
  }
  // Right-sidewalk node of each split vertex (the left one keeps the vertex's own id).
  const right = new Int32Array(n0).fill(-1);
  for (let n = 0; n < n0; n++) {
    if (degree[n] === 2 && nonBarrier[n] === 0 && other[n]!.length === 2) {
      nodeX.push(nodeX[n]!);
      nodeY.push(nodeY[n]!);
      right[n] = nodeX.length - 1;
    }
  }
  const sideNode = (n: number, lx: number, ly: number): number => {
    if (right[n]! < 0) return n;
    const [a, b] = other[n]! as [number, number];
    const dx = nodeX[b]! - nodeX[a]!;
    const dy = nodeY[b]! - nodeY[a]!;
    return dx * ly - dy * lx > 0 ? n : right[n]!;
  };
  const out: SidedEdges = { u: [], v: [], lengthM: [], twin: [], side: [] };
  for (let e = 0; e < u.length; e++) {
    const a = u[e]!;
    const b = v[e]!;
    if (!barrier[e]) {
      out.u.push(a);
      out.v.push(b);
      out.lengthM.push(lengthM[e]!);
      out.twin.push(-1);
      out.side.push(0);
      continue;
    }
    // Left normal of a → b.
    const lx = -(nodeY[b]! - nodeY[a]!);
    const ly = nodeX[b]! - nodeX[a]!;
    const i = out.u.length;
    for (const s of [1, -1]) {
      out.u.push(sideNode(a, s * lx, s * ly));
      out.v.push(sideNode(b, s * lx, s * ly));
      out.lengthM.push(lengthM[e]!);
      out.twin.push(s === 1 ? i + 1 : i);
      out.side.push(s);
    }
  }
  return out;
}
