import type { Feature, FeatureCollection, Geometry, MultiPolygon, Polygon } from 'geojson';
import type { FeatureKind } from '../../domain/model/feature-kinds';
import type { CommunityStage } from '../../domain/model/renewal-stages';

/** GET /api/health */
export interface Health {
  engine: 'pglite' | 'postgres';
  postgis: string;
  migrationLevel: number;
}

/** Database ids arrive as JSON numbers; treat them as opaque (compare via String()). */
export type Id = number | string;

/** [west, south, east, north] in degrees (WGS84). */
export type Bbox = [number, number, number, number];

/** One row of GET /api/districts */
export interface District {
  id: Id;
  name: string;
  nameEn: string | null;
  city: string | null;
  communityCount: number;
  bbox: Bbox;
  attribution: string | null;
}

/** Properties of one community in GET /api/communities */
export interface CommunityProperties {
  id: Id;
  districtId: Id;
  name: string;
  nameEn: string | null;
  osmRef?: string | null;
  builtYear: number | null;
  households: number | null;
  householdsEstimated: boolean;
  buildingCount: number | null;
  floorAreaSqM: number | null;
  floorAreaEstimated: boolean;
  /** null: not set (未设定). */
  stage: CommunityStage;
  budgetWan: number | null;
  baselineScenarioId: Id | null;
  /** True when the importer made the name up (no name in OSM); see nameBasis. */
  nameProvisional?: boolean;
  nameBasis?: 'address' | 'road' | 'numbered' | null;
  /** Optimistic version of the community (its boundary and name, issue 17). */
  version?: number;
  /** District review: the community's colour for the chosen indicator (client-side only). */
  choroplethColor?: readonly [number, number, number] | null;
}

/** Properties of one scenario feature (baseline or proposal). */
export interface PlanFeatureProperties {
  id: Id;
  kind: FeatureKind;
  name: string | null;
  category: string | null;
  widthM: number | null;
  levels: number | null;
  heightM: number | null;
  capacity: number | null;
  version: number | null;
  osmRef: string | null;
  scenarioId: Id | null;
  /** In a proposal: the baseline feature this one was copied from. */
  sourceId?: Id | null;
  props: Record<string, string> | null;
  /** parking_area / road: the newest survey count (现状调查) of the feature or its source. */
  parkingSurvey?: ParkingSurveyRecord | null;
}

/** A survey count as the API returns it (migration 009). */
export interface ParkingSurveyRecord {
  count: number;
  note: string | null;
  by: string | null;
  at: string;
}

export type CommunityCollection = FeatureCollection<Polygon | MultiPolygon, CommunityProperties>;
export type PlanFeatureCollection = FeatureCollection<Geometry, PlanFeatureProperties>;
export type ApiFeature = Feature<Geometry, PlanFeatureProperties>;

/** The error body every API route returns on failure. */
export interface ApiErrorBody {
  error: { code: string; message: string; details?: unknown };
}

/** One scenario of a community: its baseline (现状) or a proposal (方案). */
export interface Scenario {
  id: Id;
  kind: 'baseline' | 'proposal';
  name: string;
  version: number;
  baseScenarioId: Id | null;
  communityId: Id | null;
  districtId?: Id;
}

/** Fields of a feature the edit API writes (null clears a field on PATCH). */
export interface FeatureFields {
  name?: string | null;
  category?: string | null;
  widthM?: number | null;
  levels?: number | null;
  heightM?: number | null;
  capacity?: number | null;
  /** Free-form attributes (the API does not accept null here). */
  props?: Record<string, unknown>;
}
