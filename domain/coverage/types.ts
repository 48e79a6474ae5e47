import type {
  FeatureCollection,
  LineString,
  MultiLineString,
  MultiPolygon,
  Point,
  Polygon,
} from 'geojson';
import type { FacilityCategoryId } from '../standards/rules';

/**
 * Walking-network lines. `properties.kind` ('road' | 'footway') and `properties.category` (the
 * OSM highway class) decide walkability (is-walkable-line.ts); `layer`, `bridge`, `tunnel` (on
 * the properties or on `properties.props`, as the importer stores them) decide whether two
 * crossing segments meet at grade (is-at-grade.ts).
 */
export type NetworkLines = FeatureCollection<LineString | MultiLineString>;

/**
 * Residential buildings (footprints) or points. `properties.households` weights a building (else
 * it counts as one); `properties.communityId` groups it into a 小区.
 */
export type OriginFeatures = FeatureCollection<Polygon | MultiPolygon | Point>;

/** Facilities; `properties.category` is a FacilityCategoryId. */
export type FacilityFeatures = FeatureCollection<Polygon | MultiPolygon | Point>;

/** Communities (小区) given as polygons: `properties.communityId` (or `id`) names them. */
export type CommunityFeatures = FeatureCollection<Polygon | MultiPolygon>;

/**
 * An undirected graph in compressed sparse row form: the neighbours of node `n` are
 * `targets[offsets[n] .. offsets[n + 1])`, reached over edges `edges[…]` of length `weightsM[…]`.
 */
export interface CsrGraph {
  readonly nodeCount: number;
  readonly offsets: Int32Array;
  readonly targets: Int32Array;
  readonly weightsM: Float64Array;
  readonly edges: Int32Array;
}

/** A uniform grid over the network edges (not connectors), for nearest-edge look-ups. */
export interface EdgeGrid {
  readonly cellM: number;
  readonly minX: number;
  readonly minY: number;
  readonly cols: number;
  readonly rows: number;
  /** Items of cell c: `items[start[c] .. start[c + 1])`, edge ids. */
  readonly start: Int32Array;
  readonly items: Int32Array;
}

/** Where a source enters the graph: a node and the walk (m) from the facility to it. */
export interface Seed {
  readonly node: number;
  readonly offsetM: number;
}

export interface AttachedOrigin {
  readonly id: string;
  /** Graph node of the building's access point (-1: farther than maxSnapM from any line). */
  readonly node: number;
  readonly households: number;
  readonly communityId: string | null;
  /** Connector length from the footprint to the network, metres. */
  readonly connectorM: number;
  /** True when no entrance is mapped: the walk starts at the footprint's nearest point. */
  readonly accessEstimated?: boolean;
}

export interface AttachedFacility {
  readonly id: string;
  readonly category: FacilityCategoryId;
  /** Entry points into the graph; empty when farther than maxSnapM from any line. */
  readonly seeds: readonly Seed[];
}

/**
 * The walking network with buildings and facilities attached, in a local metric projection.
 * Built by buildWalkingNetwork; read-only afterwards (functions copy what they change).
 */
export interface WalkingNetwork {
  /** [lon, lat] of the local tangent-plane projection's origin. */
  readonly projectionOrigin: readonly [number, number];
  readonly nodeCount: number;
  /** Node positions in local metres (x east, y north). */
  readonly nodeX: Float64Array;
  readonly nodeY: Float64Array;
  readonly edgeCount: number;
  readonly edgeU: Int32Array;
  readonly edgeV: Int32Array;
  readonly edgeLengthM: Float64Array;
  /** 1 for a connector (building/facility ↔ network), 0 for a walkable line segment. */
  readonly edgeIsConnector: Uint8Array;
  readonly graph: CsrGraph;
  readonly grid: EdgeGrid;
  readonly origins: readonly AttachedOrigin[];
  readonly facilities: readonly AttachedFacility[];
  readonly maxSnapM: number;
}

/** Options of buildWalkingNetwork. */
export interface WalkingNetworkOptions {
  /**
   * A building or facility farther than this from every walkable line is not attached (its
   * distances are unreachable). Default 200 m.
   */
  readonly maxSnapM?: number;
}

/** Options of the coverage computation; every rule defaults to the rules table. */
export interface CoverageOptions extends WalkingNetworkOptions {
  /** Walking speed, m/min (RULES.lifeCircle.walkSpeedMPerMin, GB 50180-2018 §2.0.2). */
  readonly walkSpeedMPerMin?: number;
  /** Categories to evaluate; default every FACILITY_CATEGORIES id. */
  readonly categories?: readonly FacilityCategoryId[];
  /** Per-project radius overrides (m), default FACILITY_CATEGORIES[].maxDistanceM. */
  readonly radiiM?: Partial<Record<FacilityCategoryId, number>>;
}

/** Resolved options: every value present. */
export interface ResolvedCoverageOptions {
  readonly walkSpeedMPerMin: number;
  readonly categories: readonly FacilityCategoryId[];
  readonly radiiM: Readonly<Record<FacilityCategoryId, number>>;
  readonly tierOf: Readonly<Record<FacilityCategoryId, TierId>>;
}

export type TierId = 'min15' | 'min10' | 'min5' | 'block';

/** One facility slot of a category field; removed facilities keep their slot (inactive). */
export interface FieldFacility {
  readonly id: string;
  readonly seeds: readonly Seed[];
  readonly active: boolean;
}

/** Nearest-facility distances of one category over every graph node. */
export interface CategoryField {
  readonly category: FacilityCategoryId;
  /** Network distance (m) from each node to its nearest active facility; Infinity: none. */
  readonly distM: Float64Array;
  /** Slot in `facilities` of that nearest facility; -1 when unreachable. */
  readonly owner: Int32Array;
  readonly facilities: readonly FieldFacility[];
}

/** Everything the incremental updates need: the network and one field per category. */
export interface CoverageState {
  readonly network: WalkingNetwork;
  readonly options: ResolvedCoverageOptions;
  readonly fields: Readonly<Partial<Record<FacilityCategoryId, CategoryField>>>;
}

export interface OriginCoverage {
  readonly id: string;
  readonly communityId: string | null;
  readonly households: number;
  /** Network distance (m) to the nearest facility per category; Infinity when unreachable. */
  readonly distancesM: Readonly<Partial<Record<FacilityCategoryId, number>>>;
  /** Categories with no facility within their radius (unreachable included). */
  readonly missing: readonly FacilityCategoryId[];
  /** Present (true) when the walk starts at an estimated entrance, not a mapped one. */
  readonly accessEstimated?: true;
}

export interface CategorySummary {
  readonly radiusM: number;
  readonly tier: TierId;
  readonly householdsCovered: number;
  /** householdsCovered / households (1 when there are no households). */
  readonly share: number;
  readonly householdsUnreachable: number;
}

export interface TierSummary {
  readonly categories: readonly FacilityCategoryId[];
  /** Households with every category of the tier within its radius (tiers are not inclusive). */
  readonly householdsCovered: number;
  readonly share: number;
}

export interface CoverageGap {
  readonly category: FacilityCategoryId;
  readonly householdsUncovered: number;
  readonly buildingsUncovered: number;
  /** Ids of the buildings outside the radius, in input order. */
  readonly originIds: readonly string[];
}

export interface AreaSummary {
  /** null for the whole district. */
  readonly communityId: string | null;
  readonly buildings: number;
  readonly households: number;
  readonly byCategory: Readonly<Partial<Record<FacilityCategoryId, CategorySummary>>>;
  readonly byTier: Readonly<Partial<Record<TierId, TierSummary>>>;
  /** Categories some building misses, largest number of households first. */
  readonly gaps: readonly CoverageGap[];
  /**
   * Present (true) on a community one of whose buildings lies within the 15-minute radius
   * (1000 m) of the data's edge (summarize-coverage.ts): its shares are incomplete (facilities
   * just outside are not in the data), not gaps.
   */
  readonly dataEdge?: true;
}

export interface CoverageResult {
  readonly categories: readonly FacilityCategoryId[];
  readonly walkSpeedMPerMin: number;
  readonly origins: readonly OriginCoverage[];
  readonly district: AreaSummary;
  /** One per communityId, sorted by id; buildings without one count for the district only. */
  readonly communities: readonly AreaSummary[];
}
