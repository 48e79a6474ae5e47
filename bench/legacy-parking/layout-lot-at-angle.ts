import { bandFreeIntervals } from '../../domain/parking/band-free-intervals';
import type { FrameRegion } from '../../domain/parking/frame-region';
import { intersectIntervals } from '../../domain/parking/intersect-intervals';
import type { StallShape } from '../../domain/parking/stall-shape';
import { stallsInIntervals } from '../../domain/parking/stalls-in-length';

/** A row in frame coordinates: its front line, the side the stalls lie on, its free runs. */
export interface LotRow {
  readonly frontY: number;
  readonly facing: 1 | -1;
  readonly intervals: number[];
  readonly aisle: number;
  /** The row's stall shape: the main one, or a filler's (JGJ 100 表4.3.4 at another angle). */
  readonly shape: StallShape;
}

export interface LotLayoutAtAngle {
  readonly count: number;
  readonly rows: LotRow[];
  /** Aisle bands [y0, y1] the rows open onto. */
  readonly aisles: [number, number][];
}

const CHOICE_NONE = 0;
const CHOICE_UP = 1;
const CHOICE_DOWN = 2;
const CHOICE_DOUBLE = 3;
/** Filler modules per stack: the strip(s) the main modules leave, at most one at each end. */
const MAX_FILLER_MODULES = 2;

/** Per stall shape: module heights in grid steps and stalls per grid line, up and down. */
interface ShapeTable {
  readonly shape: StallShape;
  readonly hd: number;
  readonly ha: number;
  readonly hda: number;
  readonly up: Float64Array;
  readonly down: Float64Array;
  readonly aisleAt: (g: number) => number[];
  readonly belowAt: (g: number) => number[];
  readonly aboveAt: (g: number) => number[];
}

/**
 * The best stack of rows across a lot whose aisles run along the frame's x axis: an exact
 * dynamic programme over row positions on a grid of `stepM` in y. Three kinds of module may be
 * stacked without overlap: a row below its aisle (up), a row above its aisle (down), and the
 * double-loaded module row–aisle–row. A row at a given position holds as many stalls as fit
 * in the runs where both its band (in `stallRegion`) and its aisle band (in `aisleRegion`) are
 * free; rows are independent in x, so per position the count is exact, and the programme picks
 * the best combination (weighted interval scheduling). Module extents are rounded up to the
 * grid, so rows never overlap; the grid costs at most one step per module.
 *
 * `fillers` (other JGJ 100 angles) fill the strips the main modules leave, e.g. the 10.8 m left
 * by two 19.6 m 90° modules on a 50 m lot takes a single-loaded 60° row (5.8 + 4.5 = 10.3 m).
 * A filler may form a double-loaded module anywhere (its aisle is then a through aisle like the
 * main ones, e.g. two parallel rows back to back on one 3.8 m aisle), but a single-loaded filler
 * row only at an end of the stack with its aisle outermost, so that aisle runs along the lot's
 * edge (the perimeter) rather than behind another row. Every aisle is a straight band across the
 * lot along x, open at both ends of each run where it meets the lot's edge. At most
 * MAX_FILLER_MODULES filler modules per stack, so the main angle keeps every other module (60°
 * double-loaded modules are denser than 90° ones on the table, so without the cap they would
 * replace the requested angle wholesale). On equal counts the main shape and fewer fillers win
 * (they are tried first and only a strictly better choice replaces them).
 */
export function layoutLotAtAngle(
  stallRegion: FrameRegion,
  aisleRegion: FrameRegion,
  shape: StallShape,
  stepM: number,
  fillers: readonly StallShape[] = [],
): LotLayoutAtAngle {
  const y0 = stallRegion.yMin;
  const span = stallRegion.yMax - y0;
  const k = Math.floor(span / stepM + 1e-9);
  const yAt = (g: number): number => y0 + g * stepM;

  const aisleBands = new Map<number, (number[] | undefined)[]>();
  const table = (s: StallShape): ShapeTable => {
    const d = s.depthM;
    const a = s.aisleWidthM;
    const hd = Math.ceil(d / stepM - 1e-9);
    const ha = Math.ceil(a / stepM - 1e-9);
    const hda = Math.ceil((a + d) / stepM - 1e-9);
    const up = new Float64Array(k + 1);
    const down = new Float64Array(k + 1);
    // Shapes with the same aisle width (45°, 30°, parallel: 3.8 m) share its bands.
    let aisles = aisleBands.get(a);
    if (!aisles) aisleBands.set(a, (aisles = []));
    const aisleCache = aisles;
    const aisleAt = (g: number): number[] =>
      (aisleCache[g] ??= bandFreeIntervals(aisleRegion, yAt(g), yAt(g) + a));
    const belowAt = (g: number): number[] => bandFreeIntervals(stallRegion, yAt(g) - d, yAt(g));
    // When aisle + depth is a whole number of steps, the band above an aisle is the band below
    // a later grid line: compute each once.
    const aligned = Math.abs((a + d) / stepM - hda) < 1e-9;
    const below: (number[] | undefined)[] = [];
    const belowCached = (g: number): number[] => (below[g] ??= belowAt(g));
    const aboveAt = (g: number): number[] =>
      aligned ? belowCached(g + hda) : bandFreeIntervals(stallRegion, yAt(g) + a, yAt(g) + a + d);
    if (k >= hd + ha) {
      for (let g = 0; g + ha <= k; g++) {
        const aisle = aisleAt(g);
        if (aisle.length === 0) continue;
        if (g >= hd) up[g] = stallsInIntervals(s, intersectIntervals(belowCached(g), aisle));
        if (g + hda <= k) down[g] = stallsInIntervals(s, intersectIntervals(aisle, aboveAt(g)));
      }
    }
    return { shape: s, hd, ha, hda, up, down, aisleAt, belowAt, aboveAt };
  };
  const tables = [shape, ...fillers].map(table);

  // best[c][i]: most stalls with every module inside grid lines [0, i] and c filler modules;
  // −1 where no stack has exactly c fillers. choice: kind and shape of the module ending at i.
  const n = k + 1;
  const best = new Float64Array((MAX_FILLER_MODULES + 1) * n).fill(-1);
  const choice = new Uint8Array(best.length);
  const which = new Uint8Array(best.length);
  best[0] = 0;
  for (let c = 0; c <= MAX_FILLER_MODULES; c++) {
    for (let i = 1; i <= k; i++) {
      const at = c * n + i;
      let b = best[at - 1]!;
      let ch = CHOICE_NONE;
      let w = 0;
      tables.forEach((t, si) => {
        const cp = si === 0 ? c : c - 1; // fillers used before this module
        if (cp < 0) return;
        const prev = (g: number): number => best[cp * n + g]!;
        const { up, down, hd, ha, hda } = t;
        const gu = i - ha; // up module: [gu − hd, gu + ha]
        if (si === 0 && gu - hd >= 0 && up[gu]! > 0 && prev(gu - hd) >= 0) {
          const v = prev(gu - hd) + up[gu]!;
          if (v > b) {
            b = v;
            ch = CHOICE_UP;
            w = si;
          }
        }
        // down module: [gd, gd + hda]; double: [gd − hd, gd + hda]. A filler's down row comes
        // first in the stack (nothing below its aisle).
        const gd = i - hda;
        if (gd >= 0 && down[gd]! > 0) {
          const before = si === 0 ? prev(gd) : cp === 0 ? 0 : -1;
          if (before >= 0 && before + down[gd]! > b) {
            b = before + down[gd]!;
            ch = CHOICE_DOWN;
            w = si;
          }
        }
        if (gd - hd >= 0 && up[gd]! > 0 && down[gd]! > 0 && prev(gd - hd) >= 0) {
          const v = prev(gd - hd) + up[gd]! + down[gd]!;
          if (v > b) {
            b = v;
            ch = CHOICE_DOUBLE;
            w = si;
          }
        }
      });
      best[at] = b;
      choice[at] = ch;
      which[at] = w;
    }
  }
  // The best end state, fewest fillers on ties; a filler's up row may close the stack
  // (nothing above its aisle).
  let total = 0;
  let endC = 0;
  let top: [number, number] | undefined; // [shape, grid line of the aisle]
  for (let c = 0; c <= MAX_FILLER_MODULES; c++) {
    if (best[c * n + k]! > total) {
      total = best[c * n + k]!;
      endC = c;
      top = undefined;
    }
    if (c === MAX_FILLER_MODULES) continue;
    tables.forEach((t, si) => {
      if (si === 0) return;
      // Highest first, so on equal counts the aisle lies on the lot's top edge.
      for (let gu = k - t.ha; gu >= t.hd; gu--) {
        const before = best[c * n + gu - t.hd]!;
        if (t.up[gu]! === 0 || before < 0) continue;
        if (before + t.up[gu]! > total) {
          total = before + t.up[gu]!;
          endC = c;
          top = [si, gu];
        }
      }
    });
  }

  // Walk back, then list modules bottom to top.
  const picks: [number, number, number][] = []; // [kind, shape, grid line of the aisle]
  let i = k;
  let c = endC;
  if (top) {
    picks.push([CHOICE_UP, top[0], top[1]]);
    i = top[1] - tables[top[0]]!.hd;
  }
  while (i > 0) {
    const at = c * n + i;
    const ch = choice[at]!;
    const si = which[at]!;
    const t = tables[si]!;
    if (ch === CHOICE_NONE) {
      i--;
      continue;
    }
    const g = ch === CHOICE_UP ? i - t.ha : i - t.hda;
    picks.push([ch, si, g]);
    if (si !== 0) c--;
    if (ch === CHOICE_DOWN && si !== 0) i = 0;
    else if (ch === CHOICE_DOWN) i = g;
    else i = g - t.hd;
  }
  picks.reverse();
  const rows: LotRow[] = [];
  const aisles: [number, number][] = [];
  for (const [c, si, g] of picks) {
    const t = tables[si]!;
    const yA = yAt(g);
    const aisle = t.aisleAt(g);
    const ai = aisles.length;
    aisles.push([yA, yA + t.shape.aisleWidthM]);
    if (c !== CHOICE_DOWN)
      rows.push({
        frontY: yA,
        facing: -1,
        intervals: intersectIntervals(t.belowAt(g), aisle),
        aisle: ai,
        shape: t.shape,
      });
    if (c !== CHOICE_UP)
      rows.push({
        frontY: yA + t.shape.aisleWidthM,
        facing: 1,
        intervals: intersectIntervals(aisle, t.aboveAt(g)),
        aisle: ai,
        shape: t.shape,
      });
  }
  return { count: total, rows, aisles };
}
