import type { ResolvedFireLaneOptions, ScenarioFeature } from './types';

const num = (v: unknown): number | undefined =>
  typeof v === 'number' && Number.isFinite(v) && v > 0 ? v : undefined;

/**
 * A building's height in metres: `heightM` if given, else `levels` × the estimated storey
 * height (RULES.fireLane.storeyHeightEstimateM, verify); undefined when neither is known.
 */
export const buildingHeightM = (
  f: ScenarioFeature,
  o: ResolvedFireLaneOptions,
): number | undefined => {
  const h = num(f.props.heightM);
  if (h !== undefined) return h;
  const levels = num(f.props.levels);
  return levels === undefined ? undefined : levels * o.storeyHeightEstimateM;
};

/**
 * High-rise residential (GB 50016-2014 §5.1.1: height > 27 m); with no `heightM`, `levels` ≥
 * highRiseLevelsWhenHeightUnknown (10, verify). Unknown height and levels: not high-rise.
 */
export function isHighRise(f: ScenarioFeature, o: ResolvedFireLaneOptions): boolean {
  if (f.kind !== 'building') return false;
  const h = num(f.props.heightM);
  if (h !== undefined) return h > o.highRiseResidentialHeightM;
  const levels = num(f.props.levels);
  return levels !== undefined && levels >= o.highRiseLevelsWhenHeightUnknown;
}
