import type { Feature, FeatureCollection, Geometry } from 'geojson';
import type { LocalProjection, XY } from '../geo/local-projection';
import type { FeatureKind } from '../model/feature-kinds';

/** Rule ids in report order; `summary.byRule` lists every one, zero counts included. */
export const FIRE_LANE_RULE_IDS = [
  'clear-width',
  'turning-radius',
  'dead-end',
  'dead-end-length',
  'connectivity',
  'ring-connections',
  'wall-distance',
  'rescue-side-obstacle',
  'building-access',
  'rescue-site',
] as const;

export type FireLaneRuleId = (typeof FIRE_LANE_RULE_IDS)[number];

export type Severity = 'error' | 'warning';

/** A rectangle's sides in metres, the longer first. */
export interface RectM {
  readonly lengthM: number;
  readonly widthM: number;
}

/**
 * Per-project overrides of the RULES.fireLane numbers (a city may adopt stricter rules), plus
 * switches. Every field is optional; `resolveFireLaneOptions` fills in the rules table.
 */
export interface FireLaneOptions {
  readonly minClearWidthM?: number;
  /** Ordinary engines (9 m). */
  readonly minTurningRadiusM?: number;
  /** Lanes flagged `aerial: true` (12 m). */
  readonly aerialTurningRadiusM?: number;
  /** Lanes flagged `heavy: true` (16 m, verify). */
  readonly heavyTurningRadiusM?: number;
  /** One radius for every lane, ignoring the lane flags (e.g. a city that requires 12 m). */
  readonly turningRadiusM?: number;
  readonly turnaroundSideM?: number;
  readonly turnaroundHighRiseSideM?: number;
  readonly turnaroundHeavySideM?: number;
  /** GB 50180 residential dead-end road length cap (rule `dead-end-length`, 120 m). */
  readonly deadEndMaxLengthM?: number;
  /** Least length of each leg of a T/Y 回车道: ordinary, high-rise, heavy (12/15/18 m). */
  readonly teeLegMinLengthM?: number;
  readonly teeLegMinLengthHighRiseM?: number;
  readonly teeLegMinLengthHeavyM?: number;
  readonly minDistanceFromWallM?: number;
  readonly ringMinConnections?: number;
  readonly maxBuildingAccessDistanceM?: number;
  readonly highRiseResidentialHeightM?: number;
  readonly highRiseLevelsWhenHeightUnknown?: number;
  readonly storeyHeightEstimateM?: number;
  readonly rescueSiteMinM?: RectM;
  readonly rescueSiteOver50mMinM?: RectM;
  readonly rescueSiteLargerAboveHeightM?: number;
  readonly rescueSiteDistanceFromWallM?: { readonly minM: number; readonly maxM: number };
  /**
   * Which buildings the 5 m wall-distance rule applies to (GB 50016 §7.1.8 item 4): 'all' by
   * default (the clause names no building class); 'high-rise' narrows it, as a project choice.
   */
  readonly wallDistanceAppliesTo?: 'high-rise' | 'all';
  /** Lane ends and junctions closer than this are joined, in metres (drawing tolerance). */
  readonly snapToleranceM?: number;
}

export type ResolvedFireLaneOptions = Required<FireLaneOptions>;

/** Properties of one violation. `measured` and `required` are in `unit`. */
export interface FireLaneViolationProps {
  readonly ruleId: FireLaneRuleId;
  readonly clause: string;
  readonly severity: Severity;
  readonly messageZh: string;
  readonly messageEn: string;
  /** The feature at fault (a stall in the lane, a building without access …). */
  readonly featureId?: string | number;
  readonly laneId?: string | number;
  /** All lanes of a network-level violation (connectivity, ring). */
  readonly laneIds?: readonly (string | number)[];
  readonly measured: number | null;
  readonly required: number | null;
  readonly unit: 'm' | 'count';
  /** The required number was quoted by secondary sources only (rules table `verify`). */
  readonly verify?: true;
  /** The code that governs where two apply (rules table `governs`, e.g. GB 55037-2022). */
  readonly governs?: string;
  /**
   * turning-radius: the centreline arc the bend allows (radius = measured, tangent to both
   * legs; bend-arc.ts), WGS84 [lon, lat] points, for the map to draw beside the required one.
   */
  readonly allowedArc?: readonly (readonly [number, number])[];
}

export type FireLaneViolation = Feature<Geometry, FireLaneViolationProps>;

export interface FireLaneResult {
  readonly violations: FeatureCollection<Geometry, FireLaneViolationProps>;
  readonly summary: {
    readonly total: number;
    readonly byRule: Record<FireLaneRuleId, number>;
    readonly errors: number;
    readonly warnings: number;
  };
}

/** Axis-aligned box in local metres: [minX, minY, maxX, maxY]. */
export type BBoxM = readonly [number, number, number, number];

/** A feature's geometry in local metres. Rings are open; outer ring first. */
export interface ShapeM {
  readonly points: readonly XY[];
  readonly lines: readonly (readonly XY[])[];
  readonly polygons: readonly (readonly (readonly XY[])[])[];
  readonly bbox: BBoxM;
}

/** One input feature, checked and projected. `id` is the feature's id, else `#index`. */
export interface ScenarioFeature {
  readonly index: number;
  readonly id: string | number;
  readonly kind: FeatureKind;
  readonly props: Readonly<Record<string, unknown>>;
  /** The input geometry (WGS84), for violations located on the whole feature. */
  readonly geometry: Geometry;
  readonly shape: ShapeM;
}

/** A fire lane centreline (a fire_lane feature or a road with `fireLane: true`). */
export interface LaneM {
  readonly feature: ScenarioFeature;
  readonly id: string | number;
  readonly points: readonly XY[];
  /** The drawn width (properties.widthM, default the minimum clear width). */
  readonly widthM: number;
  /** Half the clear-width envelope: max(widthM, minClearWidthM) / 2. */
  readonly halfM: number;
  readonly aerial: boolean;
  readonly heavy: boolean;
  readonly bbox: BBoxM;
}

export interface Scenario {
  readonly projection: LocalProjection;
  readonly features: readonly ScenarioFeature[];
  readonly lanes: readonly LaneM[];
}
