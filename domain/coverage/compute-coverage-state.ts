import type { FacilityCategoryId } from '../standards/rules';
import { computeCategoryField } from './compute-category-field';
import { resolveCoverageOptions } from './resolve-coverage-options';
import type {
  CategoryField,
  CoverageOptions,
  CoverageState,
  FieldFacility,
  WalkingNetwork,
} from './types';

/**
 * Nearest-facility distances of every graph node for every requested category (one
 * multi-source Dijkstra per category). The state is what the incremental updates
 * (add-facility.ts, remove-facility.ts, move-facility.ts) take and return.
 */
export function computeCoverageState(
  network: WalkingNetwork,
  options: CoverageOptions = {},
): CoverageState {
  const resolved = resolveCoverageOptions(options);
  const fields: Partial<Record<FacilityCategoryId, CategoryField>> = {};
  for (const category of resolved.categories) {
    const facilities: FieldFacility[] = network.facilities
      .filter((f) => f.category === category)
      .map((f) => ({ id: f.id, seeds: f.seeds, active: true }));
    fields[category] = computeCategoryField(network.graph, category, facilities);
  }
  return { network, options: resolved, fields };
}
