import { bandFreeIntervals } from './band-free-intervals';
import type { FrameRegion } from './frame-region';
import { intersectIntervals } from './intersect-intervals';
import type { StallShape } from './stall-shape';
import { stallsInIntervals } from './stalls-in-length';

/** A row in frame coordinates: its front line, the side the stalls lie on, its free runs. */
export interface LotRow {
  readonly frontY: number;
  readonly facing: 1 | -1;
  readonly intervals: number[];
  readonly aisle: number;
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

/**
 * The best stack of rows across a lot whose aisles run along the frame's x axis: an exact
 * dynamic programme over row positions on a grid of `stepM` in y. Three kinds of module may be
 * stacked without overlap: a row below its aisle (up), a row above its aisle (down), and the
 * double-loaded module row–aisle–row. A row at a given position holds as many stalls as fit
 * in the runs where both its band (in `stallRegion`) and its aisle band (in `aisleRegion`) are
 * free; rows are independent in x, so per position the count is exact, and the programme picks
 * the best combination (weighted interval scheduling). Module extents are rounded up to the
 * grid, so rows never overlap; the grid costs at most one step per module.
 */
export function layoutLotAtAngle(
  stallRegion: FrameRegion,
  aisleRegion: FrameRegion,
  shape: StallShape,
  stepM: number,
): LotLayoutAtAngle {
  const d = shape.depthM;
  const a = shape.aisleWidthM;
  const y0 = stallRegion.yMin;
  const span = stallRegion.yMax - y0;
  const k = Math.floor(span / stepM + 1e-9);
  const hd = Math.ceil(d / stepM - 1e-9);
  const ha = Math.ceil(a / stepM - 1e-9);
  const hda = Math.ceil((a + d) / stepM - 1e-9);
  const empty = { count: 0, rows: [], aisles: [] };
  if (k < hd + ha) return empty;

  // Per grid line g (the aisle's lower edge): stalls in the row below it and above it.
  const up = new Float64Array(k + 1);
  const down = new Float64Array(k + 1);
  const yAt = (g: number): number => y0 + g * stepM;
  const aisleAt = (g: number): number[] => bandFreeIntervals(aisleRegion, yAt(g), yAt(g) + a);
  const belowAt = (g: number): number[] => bandFreeIntervals(stallRegion, yAt(g) - d, yAt(g));
  // When aisle + depth is a whole number of steps, the band above an aisle is the band below
  // a later grid line: compute each once.
  const aligned = Math.abs((a + d) / stepM - hda) < 1e-9;
  const below: (number[] | undefined)[] = [];
  const belowCached = (g: number): number[] => (below[g] ??= belowAt(g));
  const aboveAt = (g: number): number[] =>
    aligned ? belowCached(g + hda) : bandFreeIntervals(stallRegion, yAt(g) + a, yAt(g) + a + d);
  for (let g = 0; g + ha <= k; g++) {
    const aisle = aisleAt(g);
    if (aisle.length === 0) continue;
    if (g >= hd) up[g] = stallsInIntervals(shape, intersectIntervals(belowCached(g), aisle));
    if (g + hda <= k) down[g] = stallsInIntervals(shape, intersectIntervals(aisle, aboveAt(g)));
  }

  // best[i]: most stalls with every module inside grid lines [0, i].
  const best = new Float64Array(k + 1);
  const choice = new Uint8Array(k + 1);
  for (let i = 1; i <= k; i++) {
    let b = best[i - 1]!;
    let c = CHOICE_NONE;
    const gu = i - ha; // up module: [gu − hd, gu + ha]
    if (gu - hd >= 0 && up[gu]! > 0 && best[gu - hd]! + up[gu]! > b) {
      b = best[gu - hd]! + up[gu]!;
      c = CHOICE_UP;
    }
    const gd = i - hda; // down module: [gd, gd + hda]; double: [gd − hd, gd + hda]
    if (gd >= 0 && down[gd]! > 0 && best[gd]! + down[gd]! > b) {
      b = best[gd]! + down[gd]!;
      c = CHOICE_DOWN;
    }
    if (gd - hd >= 0 && up[gd]! > 0 && down[gd]! > 0) {
      const v = best[gd - hd]! + up[gd]! + down[gd]!;
      if (v > b) {
        b = v;
        c = CHOICE_DOUBLE;
      }
    }
    best[i] = b;
    choice[i] = c;
  }

  // Walk back, then list modules bottom to top.
  const picks: [number, number][] = [];
  for (let i = k; i > 0;) {
    const c = choice[i]!;
    if (c === CHOICE_NONE) i--;
    else if (c === CHOICE_UP) {
      picks.push([c, i - ha]);
      i = i - ha - hd;
    } else {
      picks.push([c, i - hda]);
      i = c === CHOICE_DOWN ? i - hda : i - hda - hd;
    }
  }
  picks.reverse();
  const rows: LotRow[] = [];
  const aisles: [number, number][] = [];
  for (const [c, g] of picks) {
    const yA = yAt(g);
    const aisle = aisleAt(g);
    const ai = aisles.length;
    aisles.push([yA, yA + a]);
    if (c !== CHOICE_DOWN)
      rows.push({
        frontY: yA,
        facing: -1,
        intervals: intersectIntervals(belowAt(g), aisle),
        aisle: ai,
      });
    if (c !== CHOICE_UP)
      rows.push({
        frontY: yA + a,
        facing: 1,
        intervals: intersectIntervals(aisle, aboveAt(g)),
        aisle: ai,
      });
  }
  return { count: best[k]!, rows, aisles };
}
