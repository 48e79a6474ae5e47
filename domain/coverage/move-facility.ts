import type { MultiPolygon, Point, Polygon } from 'geojson';
import type { FacilityCategoryId } from '../standards/rules';
import { addFacility } from './add-facility';
import { removeFacility } from './remove-facility';
import type { CoverageState } from './types';

/**
 * Moves one facility to `geometry`: removeFacility (re-settles only the region it served) then
 * addFacility at the new place (relaxes only the nodes it improves), keeping its id. Exact;
 * tests compare it with a full recompute.
 */
export function moveFacility(
  state: CoverageState,
  category: FacilityCategoryId,
  id: string,
  geometry: Point | Polygon | MultiPolygon,
): CoverageState {
  return addFacility(removeFacility(state, category, id), {
    type: 'Feature',
    id,
    properties: { category },
    geometry,
  });
}
