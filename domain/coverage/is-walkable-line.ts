import { RULES } from '../standards/rules';
import { lineTag } from './line-tag';

/**
 * Whether a pedestrian may walk along a network line.
 *
 * - `kind` 'footway' (footway, path, steps, pedestrian, cycleway, bridleway): yes.
 * - `kind` 'road': yes, except the classes of RULES.lifeCircle.nonWalkableHighwayClasses
 *   (motorway, trunk and their links: 快速路 with no footway, CJJ 37-2012 §3.1.2 / 道路交通安全法
 *   §67). Every other class (primary … service, residential, living_street, track) is walked
 *   on its sidewalk or shoulder: sidewalks are assumed, OSM rarely maps them separately in
 *   Chinese cities.
 * - An explicit `foot=no` (or `access=no` without `foot=yes|designated`) excludes any line.
 *   `access=private` does not: residents walk the private roads of their own 小区.
 * - A line without `kind` counts as a road of class `category` (or `highway`).
 */
export function isWalkableLine(properties: unknown): boolean {
  const foot = lineTag(properties, 'foot');
  if (foot === 'no') return false;
  if (lineTag(properties, 'access') === 'no' && foot !== 'yes' && foot !== 'designated') {
    return false;
  }
  const kind = lineTag(properties, 'kind');
  if (kind === 'footway') return true;
  if (kind !== undefined && kind !== 'road') return false;
  const highway = lineTag(properties, 'category') ?? lineTag(properties, 'highway');
  if (highway === undefined) return true;
  return !RULES.lifeCircle.nonWalkableHighwayClasses.value.includes(highway);
}
