import tinyOsmPbf from 'tiny-osmpbf';
import type { TinyOsmPbfElement } from 'tiny-osmpbf';
import type { OsmData, OsmElement } from './osm-elements';

const toElement = (e: TinyOsmPbfElement): OsmElement | undefined => {
  if (e.visible === false) return undefined;
  switch (e.type) {
    case 'node':
      return e.lat === undefined || e.lon === undefined
        ? undefined
        : { type: 'node', id: e.id, lat: e.lat, lon: e.lon, tags: e.tags };
    case 'way':
      return { type: 'way', id: e.id, nodes: e.nodes ?? [], tags: e.tags };
    case 'relation':
      return { type: 'relation', id: e.id, members: e.members ?? [], tags: e.tags };
  }
};

/**
 * Parses a whole .osm.pbf file into Overpass-JSON-style elements, in file order (nodes, ways,
 * relations), metadata dropped. The whole file is decoded in memory and synchronously.
 *
 * tiny-osmpbf inflates blobs into the global `Buffer`, so this runs on Node (server, tests,
 * CLI); a browser build would need a Buffer polyfill.
 */
export const osmPbfToElements = (data: Uint8Array): OsmData => {
  if (data.byteLength < 4) throw new Error('OSM PBF: file is empty or truncated');
  const elements: OsmElement[] = [];
  const result = tinyOsmPbf(data, (e) => {
    const element = toElement(e);
    if (element !== undefined) elements.push(element);
  });
  return { elements, bounds: result.bounds };
};
