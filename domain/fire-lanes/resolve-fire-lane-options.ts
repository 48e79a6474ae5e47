import { InputError } from '../geo/input-error';
import { RULES } from '../standards/rules';
import type { FireLaneOptions, RectM, ResolvedFireLaneOptions } from './types';

const R = RULES.fireLane;

const DEFAULTS: ResolvedFireLaneOptions = {
  minClearWidthM: R.minClearWidthM.value,
  minTurningRadiusM: R.minTurningRadiusM.value,
  aerialTurningRadiusM: R.aerialTurningRadiusM.value,
  heavyTurningRadiusM: R.heavyTurningRadiusM.value,
  turningRadiusM: 0,
  turnaroundSideM: R.turnaroundSideM.value,
  turnaroundHighRiseSideM: R.turnaroundHighRiseSideM.value,
  turnaroundHeavySideM: R.turnaroundHeavySideM.value,
  deadEndMaxLengthM: R.deadEndMaxLengthM.value,
  teeLegMinLengthM: R.teeLegMinLengthM.value,
  teeLegMinLengthHighRiseM: R.teeLegMinLengthHighRiseM.value,
  teeLegMinLengthHeavyM: R.teeLegMinLengthHeavyM.value,
  minDistanceFromWallM: R.minDistanceFromWallM.value,
  ringMinConnections: R.ringMinConnections.value,
  maxBuildingAccessDistanceM: R.maxBuildingAccessDistanceM.value,
  highRiseResidentialHeightM: R.highRiseResidentialHeightM.value,
  highRiseLevelsWhenHeightUnknown: R.highRiseLevelsWhenHeightUnknown.value,
  storeyHeightEstimateM: R.storeyHeightEstimateM.value,
  rescueSiteMinM: R.rescueSiteMinM.value,
  rescueSiteOver50mMinM: R.rescueSiteOver50mMinM.value,
  rescueSiteLargerAboveHeightM: R.rescueSiteLargerAboveHeightM.value,
  rescueSiteDistanceFromWallM: R.rescueSiteDistanceFromWallM.value,
  wallDistanceAppliesTo: 'all',
  snapToleranceM: 1,
};

/** Upper bound of any length option: beyond a community's size a number is a typo. */
const MAX_M = 1000;

const bad = (key: string, zh: string, en: string): InputError =>
  new InputError('INVALID_OPTION', `选项 ${key} ${zh}`, `Option ${key} ${en}`);

const checkNumber = (key: string, v: unknown, min: number): number => {
  if (typeof v !== 'number' || !Number.isFinite(v) || v < min || v > MAX_M) {
    throw bad(key, `应为 ${min}–${MAX_M} 之间的数字`, `must be a number from ${min} to ${MAX_M}`);
  }
  return v;
};

const checkRect = (key: string, v: unknown): RectM => {
  const r = v as Partial<RectM> | null;
  if (!r || typeof r !== 'object')
    throw bad(key, '应为 { lengthM, widthM }', 'must be { lengthM, widthM }');
  const a = checkNumber(`${key}.lengthM`, r.lengthM, 0);
  const b = checkNumber(`${key}.widthM`, r.widthM, 0);
  return { lengthM: Math.max(a, b), widthM: Math.min(a, b) };
};

/**
 * The rules-table numbers (RULES.fireLane) with a project's overrides applied. Throws an
 * INVALID_OPTION InputError (zh + en) for an unknown key or a value out of range. Pure.
 */
export function resolveFireLaneOptions(options: FireLaneOptions = {}): ResolvedFireLaneOptions {
  if (!options || typeof options !== 'object') {
    throw new InputError('INVALID_OPTION', '选项应为对象', 'Options must be an object');
  }
  const out: Record<string, unknown> = { ...DEFAULTS };
  for (const [key, v] of Object.entries(options)) {
    if (v === undefined) continue;
    if (!(key in DEFAULTS)) throw bad(key, '不存在', 'is unknown');
    if (key === 'wallDistanceAppliesTo') {
      if (v !== 'high-rise' && v !== 'all') {
        throw bad(key, '应为 "high-rise" 或 "all"', 'must be "high-rise" or "all"');
      }
      out[key] = v;
    } else if (key === 'rescueSiteMinM' || key === 'rescueSiteOver50mMinM') {
      out[key] = checkRect(key, v);
    } else if (key === 'rescueSiteDistanceFromWallM') {
      const r = v as { minM?: unknown; maxM?: unknown };
      const minM = checkNumber(`${key}.minM`, r?.minM, 0);
      const maxM = checkNumber(`${key}.maxM`, r?.maxM, 0);
      if (minM > maxM) throw bad(key, '的 minM 不应大于 maxM', 'needs minM ≤ maxM');
      out[key] = { minM, maxM };
    } else if (key === 'ringMinConnections') {
      const n = checkNumber(key, v, 1);
      if (!Number.isInteger(n)) throw bad(key, '应为整数', 'must be an integer');
      out[key] = n;
    } else {
      // turningRadiusM 0 means "by lane flags"; the others may be 0 to switch a limit off.
      out[key] = checkNumber(
        key,
        v,
        key === 'snapToleranceM' || key === 'minClearWidthM' ? 0.01 : 0,
      );
    }
  }
  return out as unknown as ResolvedFireLaneOptions;
}
