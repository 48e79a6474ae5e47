import type { Feature, FeatureCollection, LineString, Point, Polygon, Position } from 'geojson';

/** Parking angles of JGJ 100-2015 表4.3.4: 平行式, 斜列式 30°/45°/60°, 垂直式. */
export type ParkingAngle = 'parallel' | 'deg30' | 'deg45' | 'deg60' | 'deg90';

/** 前进停车 or 后退停车 (JGJ 100-2015 表4.3.4 gives both for 60° and 90°). */
export type ParkingManoeuvre = 'forward' | 'backIn';

export type StallType = 'standard' | 'accessible' | 'ev';

export interface StallProperties {
  readonly stallType: StallType;
  /** Angle between the stall's axis and its aisle (or kerb), degrees: 0 parallel … 90. */
  readonly angleDeg: number;
  /** Position in the output, 0-based; also the feature id. */
  readonly index: number;
  /** Row the stall belongs to, 0-based, in output order. */
  readonly row: number;
}

export interface AisleProperties {
  /** 'drive': a driving aisle; 'accessible': the 1.2 m wheelchair aisle beside accessible stalls. */
  readonly kind: 'drive' | 'accessible';
  readonly index: number;
  readonly widthM: number;
  /**
   * Lots: 'aisle', a driving aisle stall rows open onto; 'connector', a cross aisle that joins
   * aisles into one network (no stalls open onto it). Absent on wheelchair aisles.
   */
  readonly role?: 'aisle' | 'connector';
  /** Lots: driven one way only (narrower than the two-way width); see the centreline's direction. */
  readonly oneWay?: boolean;
}

/** A driving aisle's centreline (lots): drawn in the driving direction when it is one-way. */
export interface AisleCentrelineProperties {
  /** Index of the aisle polygon in `aisles`. */
  readonly aisle: number;
  readonly role: 'aisle' | 'connector';
  readonly oneWay: boolean;
  readonly widthM: number;
}

/** Where the lot's entrance came from. */
export type EntranceSource = 'given' | 'nearestRoad' | 'longestEdge';

export interface EntranceProperties {
  readonly source: EntranceSource;
  /** Distance from the given point (or the road) to the entrance on the lot edge, m. */
  readonly offsetM: number;
}

/** Per-layout overrides; each default comes from RULES.parking (JGJ 100, GB 50763). */
export interface ParkingLayoutOptions {
  /** Parking angle; default 'deg90'. */
  readonly angle?: ParkingAngle;
  /**
   * How cars enter the stalls: 'forward' (前进停车, default) or 'backIn' (后退停车: the narrower
   * aisle of JGJ 100 表4.3.4, RULES.parkingBackIn; 90° and 60° only, others drive in).
   */
  readonly manoeuvre?: ParkingManoeuvre;
  /** Kerb rows only: the side of the line (walking from its first to last point); default 'left'. */
  readonly side?: 'left' | 'right';
  /** Stall depth perpendicular to the aisle, m (JGJ 100 表4.3.4). */
  readonly depthM?: number;
  /** Stall length measured along the aisle, m (JGJ 100 表4.3.4). */
  readonly lengthAlongAisleM?: number;
  /** Driving aisle width, m (JGJ 100 表4.3.4); lots only. */
  readonly aisleWidthM?: number;
  /** Accessible stalls wanted; at least the minimum share is always provided. */
  readonly accessibleCount?: number;
  /** Minimum share of accessible stalls, rounded up (GB 50763-2012 §7.3.3 居住区: 0.5 %). */
  readonly accessibleMinShare?: number;
  /** Width of the wheelchair aisle beside an accessible stall, m (GB 50763 §3.14.3: 1.2). */
  readonly accessibleAisleM?: number;
  /** Share of stalls with EV chargers, 0–1, rounded up; default 0. */
  readonly evShare?: number;
  /** Lots only: fix the aisle bearing (degrees clockwise from north) instead of searching. */
  readonly orientationDeg?: number;
  /**
   * Lots only: fill the strips the main double-loaded modules leave (too narrow for another
   * module) with rows at shallower JGJ 100 表4.3.4 angles (table dimensions), e.g. a 60°
   * single-loaded row on its 4.5 m aisle along the lot's edge; default true.
   */
  readonly fillStrips?: boolean;
}

export interface ParkingLayoutInput {
  /** A lot (Polygon, holes allowed) or a kerb line (LineString), WGS84 lon/lat. */
  readonly boundary: Polygon | LineString | Feature<Polygon | LineString>;
  /** Buildings, trees (points; `radiusM`), walls (lines; optional `widthM`): stalls and aisles avoid them. */
  readonly obstacles?: FeatureCollection;
  /** Fire lanes (lines with `widthM`, at least the 4 m clear width) or areas: no stall may touch them. */
  readonly keepClear?: FeatureCollection;
  /**
   * Lots: where cars enter, a point on (or near, up to RULES.parking.entranceMaxOffEdgeM) the
   * lot's outer edge, moved onto the nearest point of it. Default: the point of the edge
   * nearest `roads`, else the middle of the lot's longest outer edge.
   */
  readonly entrance?: Position | Point | Feature<Point>;
  /** Lots: roads and driveways (lines or areas) the entrance defaults to the nearest of. */
  readonly roads?: FeatureCollection;
}

export interface ParkingLayoutResult {
  readonly mode: 'lot' | 'kerb';
  /** Stalls in a deterministic order (rows in order, then along each row), id = index. */
  readonly stalls: FeatureCollection<Polygon, StallProperties>;
  readonly count: number;
  readonly countsByType: Readonly<Record<StallType, number>>;
  /**
   * Driving aisles (lots: ONE network, connected and entered at `entrance`; every stall fronts
   * onto one of its aisles) and wheelchair aisles.
   */
  readonly aisles: FeatureCollection<Polygon, AisleProperties>;
  /** Lots: the driving aisles' centrelines, one-way ones in their driving direction. */
  readonly centrelines?: FeatureCollection<LineString, AisleCentrelineProperties>;
  /** Lots: the entrance on the lot edge. */
  readonly entrance?: Feature<Point, EntranceProperties>;
  /**
   * Bearing of the aisles (lot) or of the kerb's first segment, degrees clockwise from north
   * in [0, 180): the orientation chosen.
   */
  readonly angleDeg: number;
  /**
   * The parking angle chosen (of the main rows), degrees (0 = parallel); filler rows at
   * shallower angles give their own in each stall's `angleDeg`.
   */
  readonly stallAngleDeg: number;
  /** Accessible stalls required: max(requested, ⌈share × count⌉). */
  readonly accessibleRequired: number;
  /** Stall dimensions used, metres. */
  readonly dimensions: {
    readonly depthM: number;
    readonly lengthAlongAisleM: number;
    readonly aisleWidthM: number;
    readonly stallWidthM: number;
    readonly stallLengthM: number;
  };
  /** Lot area (m², holes excluded) or kerb length (m). */
  readonly areaSqM?: number;
  readonly lengthM?: number;
}
