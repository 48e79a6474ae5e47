import type { OsmData } from './osm-elements';

/**
 * [west, south, east, north] in degrees: the file's `<bounds>` (or PBF header bbox) when it
 * has one, else the extent of its nodes. Throws when there is neither.
 */
export const osmDataBbox = (data: OsmData): [number, number, number, number] => {
  if (data.bounds) {
    const b = data.bounds;
    return [b.minlon, b.minlat, b.maxlon, b.maxlat];
  }
  let [west, south, east, north] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const e of data.elements) {
    if (e.type !== 'node' || !Number.isFinite(e.lat) || !Number.isFinite(e.lon)) continue;
    west = Math.min(west, e.lon);
    east = Math.max(east, e.lon);
    south = Math.min(south, e.lat);
    north = Math.max(north, e.lat);
  }
  if (!Number.isFinite(west)) throw new Error('OSM data has neither <bounds> nor any node');
  return [west, south, east, north];
};
