import type { XY } from '../geo/local-projection';

/**
 * Areas and lines in local metres that a layout must respect. `rings` are open rings oriented
 * so that nonzero winding marks their inside (outer rings counter-clockwise, holes clockwise),
 * which lets overlapping rings stand for their union. `segments` are zero-width barriers.
 */
export interface LocalShapes {
  readonly rings: readonly (readonly XY[])[];
  readonly segments: readonly (readonly [XY, XY])[];
}

export const EMPTY_SHAPES: LocalShapes = { rings: [], segments: [] };
