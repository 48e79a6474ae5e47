import type { MultiPolygon, Polygon, Position } from 'geojson';
import type { OsmTags } from './osm-elements';

/** A residential area as found in OSM, before overlaps, thresholds and names are settled. */
export interface ResidentialAreaCandidate {
  readonly osmRef: string;
  readonly tags: OsmTags;
  readonly geometry: Polygon | MultiPolygon;
}

/** A building's footprint reduced to what naming and counting need: a point and its address. */
export interface BuildingPoint {
  /** Degrees (WGS84) of a point on the footprint. */
  readonly lon: number;
  readonly lat: number;
  readonly street?: string | undefined;
  readonly housenumber?: string | undefined;
}

/** One line of a named road (a MultiLineString gives several). */
export interface NamedRoadLine {
  readonly name: string;
  readonly nameEn?: string | undefined;
  readonly coordinates: readonly Position[];
}

export interface ResidentialAreaOptions {
  /** Unnamed areas below this (m², geodesic) are skipped. */
  readonly minAreaSqM: number;
  /** Unnamed areas with fewer buildings inside are skipped. */
  readonly minBuildings: number;
  /** Share (0–1) of an unnamed area inside a named one above which it is part of it. */
  readonly insideNamedShare: number;
  /** Farthest named road (m) a provisional name may refer to. */
  readonly nearestRoadMaxM: number;
}
