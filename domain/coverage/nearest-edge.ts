import type { EdgeGrid } from './types';

export interface NearestEdge {
  readonly edge: number;
  /** Position of the foot of the perpendicular along the edge, 0 at edgeU … 1 at edgeV. */
  readonly t: number;
  /** Distance (m) from the query point to the edge. */
  readonly distM: number;
  readonly x: number;
  readonly y: number;
}

/**
 * The edge of `grid` nearest to (x, y) within `maxM` metres, or undefined. Cells are scanned in
 * rings around the point's cell until no closer edge can exist. Ties go to the smaller edge id,
 * so the answer does not depend on the scan order.
 */
export function nearestEdge(
  grid: EdgeGrid,
  nodeX: Float64Array,
  nodeY: Float64Array,
  edgeU: Int32Array,
  edgeV: Int32Array,
  x: number,
  y: number,
  maxM: number,
): NearestEdge | undefined {
  const { cellM, minX, minY, cols, rows, start, items } = grid;
  const pc = Math.floor((x - minX) / cellM);
  const pr = Math.floor((y - minY) / cellM);
  let best: NearestEdge | undefined;
  const maxRing = Math.ceil(maxM / cellM) + 1;
  for (let ring = 0; ring <= maxRing; ring++) {
    // Every point of a cell in this ring is at least (ring − 1) cells away.
    if ((ring - 1) * cellM > Math.min(maxM, best?.distM ?? Infinity)) break;
    for (let r = pr - ring; r <= pr + ring; r++) {
      if (r < 0 || r >= rows) continue;
      const onEdgeRow = r === pr - ring || r === pr + ring;
      for (let c = pc - ring; c <= pc + ring; c += onEdgeRow || ring === 0 ? 1 : 2 * ring) {
        if (c < 0 || c >= cols) continue;
        const cell = r * cols + c;
        for (let i = start[cell]!; i < start[cell + 1]!; i++) {
          const e = items[i]!;
          const ax = nodeX[edgeU[e]!]!;
          const ay = nodeY[edgeU[e]!]!;
          const dx = nodeX[edgeV[e]!]! - ax;
          const dy = nodeY[edgeV[e]!]! - ay;
          const len2 = dx * dx + dy * dy;
          let t = len2 === 0 ? 0 : ((x - ax) * dx + (y - ay) * dy) / len2;
          t = t < 0 ? 0 : t > 1 ? 1 : t;
          const fx = ax + t * dx;
          const fy = ay + t * dy;
          const d = Math.hypot(x - fx, y - fy);
          if (d > maxM) continue;
          if (best === undefined || d < best.distM || (d === best.distM && e < best.edge)) {
            best = { edge: e, t, distM: d, x: fx, y: fy };
          }
        }
      }
    }
  }
  return best;
}
