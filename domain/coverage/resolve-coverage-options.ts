import { InputError } from '../geo/input-error';
import { FACILITY_CATEGORIES, RULES, type FacilityCategoryId } from '../standards/rules';
import type { CoverageOptions, ResolvedCoverageOptions, TierId } from './types';

const bad = (zh: string, en: string): InputError => new InputError('INVALID_OPTION', zh, en);

/**
 * Fills coverage options from the rules table: walking speed RULES.lifeCircle.walkSpeedMPerMin
 * (GB 50180-2018 §2.0.2), each category's radius and tier from FACILITY_CATEGORIES (附录B),
 * overridable per project. Throws an InputError (INVALID_OPTION) for unknown categories or
 * non-positive numbers.
 */
export function resolveCoverageOptions(options: CoverageOptions = {}): ResolvedCoverageOptions {
  const walkSpeedMPerMin = options.walkSpeedMPerMin ?? RULES.lifeCircle.walkSpeedMPerMin.value;
  if (!(walkSpeedMPerMin > 0 && Number.isFinite(walkSpeedMPerMin))) {
    throw bad('步行速度应为正数 (米/分钟)', 'walkSpeedMPerMin must be a positive number (m/min)');
  }
  const known = new Map(FACILITY_CATEGORIES.map((c) => [c.id, c]));
  const categories = options.categories ?? FACILITY_CATEGORIES.map((c) => c.id);
  for (const c of categories) {
    if (!known.has(c))
      throw bad(`未知设施类别: ${String(c)}`, `unknown facility category: ${String(c)}`);
  }
  const radiiM = {} as Record<FacilityCategoryId, number>;
  const tierOf = {} as Record<FacilityCategoryId, TierId>;
  for (const c of FACILITY_CATEGORIES) {
    const r = options.radiiM?.[c.id] ?? c.maxDistanceM;
    if (!(r > 0 && Number.isFinite(r))) {
      throw bad(`${c.nameZh} 服务半径应为正数 (米)`, `radius of ${c.id} must be positive (m)`);
    }
    radiiM[c.id] = r;
    tierOf[c.id] = c.tier;
  }
  for (const id of Object.keys(options.radiiM ?? {})) {
    if (!known.has(id as FacilityCategoryId)) {
      throw bad(`未知设施类别: ${id}`, `unknown facility category: ${id}`);
    }
  }
  return { walkSpeedMPerMin, categories: [...new Set(categories)], radiiM, tierOf };
}
