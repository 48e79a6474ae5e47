import type { Geometry, MultiPolygon, Polygon } from 'geojson';
import type { FeatureKind } from '../model/feature-kinds';
import type { ImportWarning } from './import-warning';
import type { NameBasis } from './provisional-community-name';

/**
 * What the OSM importer hands to the database: a pure value built from an OSM extract.
 * Saving it (assigning features to communities, counting buildings, creating baselines) is
 * the database's work (server/db/save-imported-district.ts).
 */
export interface ImportedDistrict {
  name: string;
  /**
   * [west, south, east, north] in degrees (WGS84): the extent of the communities and of the
   * features, cut to the clip (an explicit bbox / boundary, else the file's <bounds>), not of
   * every node the file references (whole ways reach far beyond an Overpass export).
   */
  bbox: [number, number, number, number];
  source: string;
  communities: ImportedCommunity[];
  features: ImportedFeature[];
  /** Every object skipped, repaired or kept in part, with the rule that decided it. */
  warnings: ImportWarning[];
}

export interface ImportedCommunity {
  name: string;
  nameEn?: string | undefined;
  osmRef: string;
  geometry: Polygon | MultiPolygon;
  builtYear?: number | undefined;
  /** Set when OSM had no name and the importer made one up (provisional-community-name.ts). */
  nameBasis?: NameBasis | undefined;
}

export interface ImportedFeature {
  kind: FeatureKind;
  geometry: Geometry;
  osmRef: string;
  name?: string | undefined;
  /** facility: FacilityCategoryId; road/footway: highway class; parking_*: parking type. */
  category?: string | undefined;
  widthM?: number | undefined;
  /** True when widthM is the rules-table default for the road class, not an OSM `width` tag. */
  widthEstimated?: boolean | undefined;
  levels?: number | undefined;
  heightM?: number | undefined;
  capacity?: number | undefined;
  /** Remaining OSM tags worth keeping (access, surface, amenity ...). */
  props: Record<string, string>;
}
