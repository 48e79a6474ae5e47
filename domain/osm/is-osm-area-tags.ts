import POLYGON_FEATURES from 'osm-polygon-features/polygon-features.json';
import type { OsmTags } from './osm-elements';

interface PolygonFeatureRule {
  readonly key: string;
  readonly polygon: 'all' | 'whitelist' | 'blacklist';
  readonly values?: readonly string[];
}

const RULES_BY_KEY = new Map(
  (POLYGON_FEATURES as readonly PolygonFeatureRule[]).map((r) => [
    r.key,
    { polygon: r.polygon, values: new Set(r.values ?? []) },
  ]),
);

/**
 * Whether a closed way with these tags is an area (else a closed line), by the same table
 * osmtogeojson uses (osm-polygon-features, the Overpass-turbo rules): area=no never is;
 * otherwise a tag whose key is listed and whose value is not "no" decides (all values, a
 * whitelist, or anything but a blacklist). osmium export writes a closed way both as a line
 * and as an area; this picks the one the in-memory converter would have built.
 */
export const isOsmAreaTags = (tags: OsmTags): boolean => {
  if (tags.area === 'no') return false;
  for (const [key, value] of Object.entries(tags)) {
    const rule = RULES_BY_KEY.get(key);
    if (rule === undefined || value === 'no') continue;
    if (rule.polygon === 'all') return true;
    if (rule.polygon === 'whitelist' && rule.values.has(value)) return true;
    if (rule.polygon === 'blacklist' && !rule.values.has(value)) return true;
  }
  return false;
};
