/**
 * OpenStreetMap elements in the Overpass-JSON shape (https://wiki.openstreetmap.org/wiki/OSM_JSON)
 * that osmtogeojson reads. Both readers (XML and PBF) produce exactly this, metadata stripped.
 */

export type OsmTags = Readonly<Record<string, string>>;

export interface OsmNode {
  readonly type: 'node';
  readonly id: number;
  /** Degrees, WGS84. */
  readonly lat: number;
  readonly lon: number;
  readonly tags: OsmTags;
}

export interface OsmWay {
  readonly type: 'way';
  readonly id: number;
  /** Node ids in order; a closed way repeats its first id at the end. */
  readonly nodes: readonly number[];
  readonly tags: OsmTags;
}

export interface OsmMember {
  readonly type: 'node' | 'way' | 'relation';
  readonly ref: number;
  readonly role: string;
}

export interface OsmRelation {
  readonly type: 'relation';
  readonly id: number;
  readonly members: readonly OsmMember[];
  readonly tags: OsmTags;
}

export type OsmElement = OsmNode | OsmWay | OsmRelation;

/** Degrees, as in OSM XML `<bounds>`. */
export interface OsmBounds {
  readonly minlat: number;
  readonly minlon: number;
  readonly maxlat: number;
  readonly maxlon: number;
}

export interface OsmData {
  readonly elements: readonly OsmElement[];
  /** From `<bounds>` (XML) or the header bbox (PBF), when the file has one. */
  readonly bounds?: OsmBounds | undefined;
}
