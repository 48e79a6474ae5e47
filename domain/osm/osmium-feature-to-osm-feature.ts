import type { Feature, Geometry } from 'geojson';
import type { OsmFeature } from './create-osm-import-collector';
import { isOsmAreaTags } from './is-osm-area-tags';

/** One line of `osmium export -f geojsonseq -a type,id`: tags flat, "@type" and "@id" added. */
export type OsmiumFeature = Feature<Geometry | null, Record<string, unknown> | null>;

const isClosedLine = (g: Geometry): boolean => {
  if (g.type !== 'LineString' || g.coordinates.length < 4) return false;
  const a = g.coordinates[0] as number[];
  const b = g.coordinates[g.coordinates.length - 1] as number[];
  return a[0] === b[0] && a[1] === b[1];
};

/**
 * An osmium export feature in the osmtogeojson shape the collector reads (id "way/1", tags in
 * properties.tags, a one-part area as a Polygon), or undefined for the interpretation
 * osmtogeojson would not have made: osmium writes every closed way both as a line and as an
 * area, and the area tags (is-osm-area-tags.ts) pick one.
 */
export const osmiumFeatureToOsmFeature = (f: OsmiumFeature): OsmFeature | undefined => {
  const { '@type': type, '@id': id, ...rest } = f.properties ?? {};
  if ((type !== 'node' && type !== 'way' && type !== 'relation') || typeof id !== 'number') {
    return undefined;
  }
  const tags: Record<string, string> = {};
  for (const [k, v] of Object.entries(rest)) if (typeof v === 'string') tags[k] = v;
  let geometry = f.geometry;
  if (geometry && type === 'way') {
    const area = isOsmAreaTags(tags);
    if (area && isClosedLine(geometry)) return undefined;
    if (!area && (geometry.type === 'Polygon' || geometry.type === 'MultiPolygon'))
      return undefined;
  }
  if (geometry?.type === 'MultiPolygon' && geometry.coordinates.length === 1) {
    geometry = { type: 'Polygon', coordinates: geometry.coordinates[0] as number[][][] };
  }
  return { type: 'Feature', id: `${type}/${id}`, geometry, properties: { type, id, tags } };
};
