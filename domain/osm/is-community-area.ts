import type { Feature, Geometry } from 'geojson';

/**
 * True when an osmtogeojson feature is a community (小区): a named area tagged
 * landuse=residential, place=neighbourhood, or residential=* (without building=*, which makes
 * it a single building). Unnamed residential land is not a 小区 a planner can pick: the
 * importer reports it instead. Other tags do not matter (清华东路27号院 is also tourism=hotel).
 */
export const isCommunityArea = (
  feature: Feature<Geometry | null, { tags?: Record<string, string> } | null>,
): boolean => {
  const g = feature.geometry;
  if (g === null || (g.type !== 'Polygon' && g.type !== 'MultiPolygon')) return false;
  const tags = feature.properties?.tags ?? {};
  const name = (tags.name ?? tags['name:zh'] ?? '').trim();
  if (name === '') return false;
  return (
    tags.landuse === 'residential' ||
    tags.place === 'neighbourhood' ||
    (tags.residential !== undefined && tags.residential !== 'no' && tags.building === undefined)
  );
};
