import { buildEdgeGrid } from './build-edge-grid';

/** Two segments meeting where neither has a vertex (or where one's end touches the other). */
export interface Crossing {
  readonly segA: number;
  /** Parameter along segA, 0 … 1; exactly 0 or 1 when the crossing is segA's end node. */
  readonly tA: number;
  readonly segB: number;
  readonly tB: number;
  readonly x: number;
  readonly y: number;
}

/** Ends closer than this (m) to a crossing count as the crossing itself. */
const SNAP_M = 1e-6;

const snap = (t: number, lengthM: number): number =>
  t * lengthM < SNAP_M ? 0 : (1 - t) * lengthM < SNAP_M ? 1 : t;

/**
 * Crossings between at-grade segments (`atGrade[s] = 1`) that do not already share a node:
 * proper crossings (an X) and touches (one segment's end on the other's interior, a T drawn
 * without a shared node). Parallel and collinear overlaps are not crossings: two ways drawn on
 * top of each other without shared nodes stay separate. Sorted by (segA, segB); segA < segB.
 */
export function findAtGradeCrossings(
  nodeX: Float64Array,
  nodeY: Float64Array,
  segU: Int32Array,
  segV: Int32Array,
  segCount: number,
  atGrade: Uint8Array,
): Crossing[] {
  const grid = buildEdgeGrid(nodeX, nodeY, segU, segV, segCount, (s) => atGrade[s] === 1, 50);
  const { cellM, minX, minY, cols, start, items } = grid;
  const cellOf = (x: number, y: number): number =>
    Math.floor((y - minY) / cellM) * cols + Math.floor((x - minX) / cellM);
  const out: Crossing[] = [];
  for (let cell = 0; cell + 1 < start.length; cell++) {
    for (let i = start[cell]!; i < start[cell + 1]!; i++) {
      const a = items[i]!;
      const a0 = segU[a]!;
      const a1 = segV[a]!;
      const px = nodeX[a0]!;
      const py = nodeY[a0]!;
      const rx = nodeX[a1]! - px;
      const ry = nodeY[a1]! - py;
      for (let j = i + 1; j < start[cell + 1]!; j++) {
        const b = items[j]!;
        const b0 = segU[b]!;
        const b1 = segV[b]!;
        if (a0 === b0 || a0 === b1 || a1 === b0 || a1 === b1) continue;
        const qx = nodeX[b0]!;
        const qy = nodeY[b0]!;
        const sx = nodeX[b1]! - qx;
        const sy = nodeY[b1]! - qy;
        // Report a pair once: in the cell holding the low corner of their boxes' overlap.
        const ox = Math.max(Math.min(px, px + rx), Math.min(qx, qx + sx));
        const oy = Math.max(Math.min(py, py + ry), Math.min(qy, qy + sy));
        if (cellOf(ox, oy) !== cell) continue;
        const denom = rx * sy - ry * sx;
        const lenA = Math.hypot(rx, ry);
        const lenB = Math.hypot(sx, sy);
        if (Math.abs(denom) <= 1e-12 * lenA * lenB) continue;
        const wx = qx - px;
        const wy = qy - py;
        const tRaw = (wx * sy - wy * sx) / denom;
        const uRaw = (wx * ry - wy * rx) / denom;
        const epsA = SNAP_M / lenA;
        const epsB = SNAP_M / lenB;
        if (tRaw < -epsA || tRaw > 1 + epsA || uRaw < -epsB || uRaw > 1 + epsB) continue;
        const t = snap(Math.min(1, Math.max(0, tRaw)), lenA);
        const u = snap(Math.min(1, Math.max(0, uRaw)), lenB);
        const tEnd = t === 0 || t === 1;
        const uEnd = u === 0 || u === 1;
        if (tEnd && uEnd) continue;
        const x = tEnd ? nodeX[t === 0 ? a0 : a1]! : uEnd ? nodeX[u === 0 ? b0 : b1]! : px + t * rx;
        const y = tEnd ? nodeY[t === 0 ? a0 : a1]! : uEnd ? nodeY[u === 0 ? b0 : b1]! : py + t * ry;
        out.push(
          a < b
            ? { segA: a, tA: t, segB: b, tB: u, x, y }
            : { segA: b, tA: u, segB: a, tB: t, x, y },
        );
      }
    }
  }
  return out.sort((p, q) => p.segA - q.segA || p.segB - q.segB);
}
