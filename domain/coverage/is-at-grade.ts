import { lineTag } from './line-tag';

const yes = (v: string | undefined): boolean => v !== undefined && v !== 'no' && v !== '';

/**
 * Whether a line runs at ground level: no `bridge=*`, no `tunnel=*` (other than `no`) and
 * `layer` absent or 0. Two segments that cross without a shared vertex are joined at their
 * crossing point only when both are at grade (build-walking-network.ts): OSM shares a node
 * at every real junction, so a crossing without one is a bridge, a tunnel, or a missed node
 * at ground level, and only the last is a place a pedestrian can turn.
 */
export function isAtGrade(properties: unknown): boolean {
  if (yes(lineTag(properties, 'bridge')) || yes(lineTag(properties, 'tunnel'))) return false;
  const layer = lineTag(properties, 'layer');
  return layer === undefined || Number(layer) === 0;
}
