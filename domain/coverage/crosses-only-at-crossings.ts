import { RULES } from '../standards/rules';
import { lineTag } from './line-tag';

/**
 * Whether a network line is a road pedestrians walk along but may cross only at a crossing
 * (RULES.lifeCircle.crossOnlyAtCrossingsHighwayClasses: primary, trunk, motorway and links).
 * Footways never are; a line without `kind` counts as a road of class `category` (or `highway`).
 */
export function crossesOnlyAtCrossings(properties: unknown): boolean {
  const kind = lineTag(properties, 'kind');
  if (kind !== undefined && kind !== 'road') return false;
  const highway = lineTag(properties, 'category') ?? lineTag(properties, 'highway');
  if (highway === undefined) return false;
  return RULES.lifeCircle.crossOnlyAtCrossingsHighwayClasses.value.includes(highway);
}
