import type { EdgeGrid } from './types';

/**
 * A uniform grid over straight edges (x/y of their end nodes, local metres): every edge is listed
 * in each cell its bounding box touches. `include[e] = 0` leaves edge e out. The cell size
 * grows when the extent would need more than ~4 cells per edge, so memory stays linear.
 * Items of a cell are in increasing edge id (deterministic scans).
 */
export function buildEdgeGrid(
  nodeX: Float64Array,
  nodeY: Float64Array,
  edgeU: Int32Array,
  edgeV: Int32Array,
  edgeCount: number,
  include: (e: number) => boolean,
  cellM = 25,
): EdgeGrid {
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  let n = 0;
  for (let e = 0; e < edgeCount; e++) {
    if (!include(e)) continue;
    n++;
    for (const node of [edgeU[e]!, edgeV[e]!]) {
      const x = nodeX[node]!;
      const y = nodeY[node]!;
      if (x < minX) minX = x;
      if (x > maxX) maxX = x;
      if (y < minY) minY = y;
      if (y > maxY) maxY = y;
    }
  }
  if (n === 0) {
    return {
      cellM,
      minX: 0,
      minY: 0,
      cols: 1,
      rows: 1,
      start: new Int32Array(2),
      items: new Int32Array(0),
    };
  }
  let cell = cellM;
  const cellsFor = (c: number): number =>
    (Math.floor((maxX - minX) / c) + 1) * (Math.floor((maxY - minY) / c) + 1);
  while (cellsFor(cell) > 4 * n + 1024) cell *= 2;
  const cols = Math.floor((maxX - minX) / cell) + 1;
  const rows = Math.floor((maxY - minY) / cell) + 1;

  const range = (e: number): [number, number, number, number] => {
    const ux = nodeX[edgeU[e]!]!;
    const uy = nodeY[edgeU[e]!]!;
    const vx = nodeX[edgeV[e]!]!;
    const vy = nodeY[edgeV[e]!]!;
    return [
      Math.floor((Math.min(ux, vx) - minX) / cell),
      Math.floor((Math.min(uy, vy) - minY) / cell),
      Math.floor((Math.max(ux, vx) - minX) / cell),
      Math.floor((Math.max(uy, vy) - minY) / cell),
    ];
  };
  const start = new Int32Array(cols * rows + 1);
  for (let e = 0; e < edgeCount; e++) {
    if (!include(e)) continue;
    const [c0, r0, c1, r1] = range(e);
    for (let r = r0; r <= r1; r++) for (let c = c0; c <= c1; c++) start[r * cols + c + 1]!++;
  }
  for (let i = 0; i < cols * rows; i++) start[i + 1]! += start[i]!;
  const fill = start.slice(0, cols * rows);
  const items = new Int32Array(start[cols * rows]!);
  for (let e = 0; e < edgeCount; e++) {
    if (!include(e)) continue;
    const [c0, r0, c1, r1] = range(e);
    for (let r = r0; r <= r1; r++) {
      for (let c = c0; c <= c1; c++) items[fill[r * cols + c]!++] = e;
    }
  }
  return { cellM: cell, minX, minY, cols, rows, start, items };
}
