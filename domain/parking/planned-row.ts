import type { Frame } from '../geo/frame';
import type { StallShape } from './stall-shape';

/** A row of stalls to fill: a band along the frame's x axis beside its aisle (or kerb). */
export interface PlannedRow {
  readonly frame: Frame;
  /** y of the row's front edge (aisle or kerb side) in the frame. */
  readonly frontY: number;
  /** +1: the stalls extend to larger y from the front; −1: to smaller y. */
  readonly facing: 1 | -1;
  /** Free runs along x [a0, b0, a1, b1, …] in which the row's stalls may stand. */
  readonly intervals: readonly number[];
  /** The driving aisle the row opens onto (lots only), as an index into the aisle list. */
  readonly aisle?: number;
  /** The row's stall shape when it differs from the layout's (a filler row at another angle). */
  readonly shape?: StallShape;
  /** Angled stalls lean towards +x (1, the default) or −x (−1): their aisle's driving direction. */
  readonly lean?: 1 | -1;
}

/** A driving aisle band y0 ≤ y ≤ y1 of a frame (lots only). */
export interface PlannedAisle {
  readonly frame: Frame;
  readonly y0: number;
  readonly y1: number;
  /** Aisle width, m (y1 − y0 without rounding; a connector's x extent). */
  readonly widthM?: number;
  /**
   * Lots with an aisle network: the aisle's x extent in the frame (drawn as is), and whether it
   * is a band the rows open onto or a connector across them (x0..x1 × y0..y1 either way).
   */
  readonly x0?: number;
  readonly x1?: number;
  readonly role?: 'aisle' | 'connector';
  /** Driven one way only, towards `direction` × x (JGJ 100 angled rows on a narrow aisle). */
  readonly oneWay?: boolean;
  readonly direction?: 1 | -1;
}
