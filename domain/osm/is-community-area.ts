import type { Feature, Geometry } from 'geojson';

/**
 * True when an osmtogeojson feature is a residential area that may become a community (小区):
 * an area tagged landuse=residential, place=neighbourhood, or residential=* (without
 * building=*, which makes it a single building). Named or not: in Chinese OSM data most 小区
 * outlines carry no name, and those get a provisional one (name-residential-areas.ts). Other
 * tags do not matter (清华东路27号院 is also tourism=hotel).
 */
export const isCommunityArea = (
  feature: Feature<Geometry | null, { tags?: Record<string, string> } | null>,
): boolean => {
  const g = feature.geometry;
  if (g === null || (g.type !== 'Polygon' && g.type !== 'MultiPolygon')) return false;
  const tags = feature.properties?.tags ?? {};
  return (
    tags.landuse === 'residential' ||
    tags.place === 'neighbourhood' ||
    (tags.residential !== undefined && tags.residential !== 'no' && tags.building === undefined)
  );
};
