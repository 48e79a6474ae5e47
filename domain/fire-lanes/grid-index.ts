import { bboxesNear } from './bbox-m';
import type { BBoxM } from './types';

export interface GridIndex {
  /** Indices of the items whose box lies within `marginM` of `box`, ascending. */
  near(box: BBoxM, marginM: number): number[];
}

/**
 * A uniform grid over item bounding boxes (local metres), so that a rule looks at the few
 * features near a lane instead of all of them: a community of thousands of features stays
 * well under 100 ms. `cellM` ≈ the typical query size.
 */
export function gridIndex(boxes: readonly BBoxM[], cellM = 50): GridIndex {
  const cells = new Map<string, number[]>();
  const cell = (v: number): number => Math.floor(v / cellM);
  boxes.forEach((b, i) => {
    if (!(b[0] <= b[2])) return;
    for (let cx = cell(b[0]); cx <= cell(b[2]); cx++)
      for (let cy = cell(b[1]); cy <= cell(b[3]); cy++) {
        const k = `${cx},${cy}`;
        const list = cells.get(k);
        if (list) list.push(i);
        else cells.set(k, [i]);
      }
  });
  return {
    near(box, marginM) {
      const seen = new Set<number>();
      for (let cx = cell(box[0] - marginM); cx <= cell(box[2] + marginM); cx++)
        for (let cy = cell(box[1] - marginM); cy <= cell(box[3] + marginM); cy++)
          for (const i of cells.get(`${cx},${cy}`) ?? [])
            if (!seen.has(i) && bboxesNear(box, boxes[i] as BBoxM, marginM)) seen.add(i);
      return [...seen].sort((a, b) => a - b);
    },
  };
}
