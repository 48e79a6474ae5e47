import type { Geometry } from 'geojson';
import { classifyOsmFeature } from './classify-osm-feature';
import type { OsmFeature } from './create-osm-import-collector';
import { isCommunityArea } from './is-community-area';
import type { OsmRelation, OsmWay } from './osm-elements';

/** Would this way or multipolygon have been imported, had osmtogeojson built its geometry? */
export const wouldImportOsmElement = (e: OsmWay | OsmRelation): boolean => {
  if (e.type === 'relation' && e.tags.type !== 'multipolygon' && e.tags.type !== 'boundary') {
    return false;
  }
  // Try both shapes: a way of 0–3 nodes may have been meant as either.
  const shapes: Geometry[] = [{ type: 'Polygon', coordinates: [] }];
  if (e.type === 'way') shapes.push({ type: 'LineString', coordinates: [] });
  return shapes.some((geometry) => {
    const tags = { ...e.tags };
    const probe: OsmFeature = {
      type: 'Feature',
      geometry,
      properties: { type: e.type, id: e.id, tags },
    };
    return classifyOsmFeature(probe).length > 0 || isCommunityArea(probe);
  });
};
