/**
 * Types for the two importer dependencies that ship none. Only what the importer uses is
 * declared; see node_modules/osmtogeojson/README.md and node_modules/tiny-osmpbf/README.md.
 */

declare module 'osmtogeojson' {
  import type { FeatureCollection, Geometry } from 'geojson';

  /** `properties` with the default `flatProperties: false`. */
  export interface OsmToGeoJsonProperties {
    type: 'node' | 'way' | 'relation';
    id: number;
    tags?: Record<string, string>;
    relations?: { rel: number; role: string; reltags: Record<string, string> }[];
    meta?: Record<string, unknown>;
    /** Set when a way lacks some nodes or a multipolygon lacks some members. */
    tainted?: boolean;
  }

  interface OsmToGeoJsonOptions {
    flatProperties?: boolean;
    uninterestingTags?:
      Record<string, boolean> | ((tags: Record<string, string>, ignoreTags?: unknown) => boolean);
    polygonFeatures?: Record<string, unknown> | ((tags: Record<string, string>) => boolean);
    verbose?: boolean;
  }

  function osmtogeojson(
    data: { elements: readonly unknown[] },
    options?: OsmToGeoJsonOptions,
  ): FeatureCollection<Geometry, OsmToGeoJsonProperties>;

  export default osmtogeojson;
}

declare module 'tiny-osmpbf' {
  export interface TinyOsmPbfElement {
    type: 'node' | 'way' | 'relation';
    id: number;
    lat?: number;
    lon?: number;
    nodes?: number[];
    members?: { type: 'node' | 'way' | 'relation'; ref: number; role: string }[];
    tags: Record<string, string>;
    visible?: boolean;
  }

  interface TinyOsmPbfResult {
    elements?: TinyOsmPbfElement[];
    bounds?: { minlat: number; minlon: number; maxlat: number; maxlon: number };
  }

  /** Parses a whole .osm.pbf synchronously; with a handler, elements are not collected. */
  function tinyOsmPbf(
    data: Uint8Array | ArrayBuffer,
    handler?: (element: TinyOsmPbfElement) => void,
  ): TinyOsmPbfResult;

  export default tinyOsmPbf;
}
