import type { Feature, Geometry } from 'geojson';

/** The properties the parking ledger reads; scenario features carry more, which it ignores. */
export interface LedgerFeatureProperties {
  readonly id: number | string;
  readonly kind: string;
  /** parking_stall: the stall type ('standard' | 'accessible' | 'ev' | 'bay' | 'bicycle'). */
  readonly category?: string | null;
  /** parking_area: stalls in the lot when they are not mapped one by one. */
  readonly capacity?: number | null;
  /** fire_lane: clear width, metres. */
  readonly widthM?: number | null;
  /** In a proposal: the id of the baseline feature this one was copied from. */
  readonly sourceId?: number | string | null;
  /** parking_area or road: the latest survey count (现状调查), which wins over any estimate. */
  readonly parkingSurvey?: ParkingSurvey | null;
  /** OSM tags (parking, parking:lane:*, parking:both …) flat or in the API's `props` bag. */
  readonly [tag: string]: unknown;
}

/** A planner's count of the cars parked today on one lot or road segment, with who and when. */
export interface ParkingSurvey {
  readonly count: number;
  readonly note?: string | null;
  readonly by?: string | null;
  readonly at?: string | null;
}

/**
 * Where an existing count comes from: stalls mapped one by one, a lot's `capacity` tag, an
 * estimate from a lot's area or a road's kerb length (RULES.parkingExisting), or a survey.
 */
export type ExistingSource = 'mapped' | 'capacity' | 'area_estimate' | 'kerb_estimate' | 'survey';

export type KerbOrientation = 'parallel' | 'diagonal' | 'perpendicular';

/** One parked side of a road (OSM left/right of the way's direction). */
export interface KerbSide {
  readonly side: 'left' | 'right';
  readonly orientation: KerbOrientation;
  readonly lengthM: number;
  readonly stalls: number;
}

/** The cars one baseline lot or road counts in `existing`, and how they were counted. */
export interface ExistingParkingItem {
  readonly id: number | string;
  readonly kind: string;
  readonly source: Exclude<ExistingSource, 'mapped'>;
  readonly stalls: number;
  /** Of these, in the proposal's fire lanes' clear width: cleared (打通生命通道). */
  readonly inFireLanes: number;
}

export type LedgerFeature = Feature<Geometry, LedgerFeatureProperties>;

/** Stall types the ledger reports; 'bay' (港湾式) counts as a standard car stall. */
export type LedgerStallType = 'standard' | 'accessible' | 'ev' | 'bicycle';

export type LedgerByType = Record<LedgerStallType, number>;

export interface ParkingLedgerOptions {
  /** Clear width of a fire lane without `widthM`, metres (GB 50016-2014 §7.1.8: 4.0). */
  readonly defaultFireLaneWidthM?: number;
}

export interface ParkingLedger {
  /** Car stalls of the baseline: mapped stalls plus the capacity of lots without mapped stalls. */
  readonly existing: number;
  /** Baseline car stalls the proposal loses: not copied, or copied but now in a fire lane. */
  readonly removed: number;
  /** Car stalls new in the proposal (no lineage), not in a fire lane. */
  readonly added: number;
  /** added − removed. */
  readonly net: number;
  /** Car stalls the proposal counts: existing − removed + added. */
  readonly proposed: number;
  /** The proposal's counted stalls by type (bicycle stalls are counted here only). */
  readonly byType: LedgerByType;
  /** The baseline's stalls by type, for ▲/▼ deltas. */
  readonly baselineByType: LedgerByType;
  /** Ids of proposal stalls that stand in a fire lane's clear width (not counted). */
  readonly intruding: ReadonlyArray<number | string>;
  /** existing by where it comes from; the estimates are shown as such in the UI and the sheet. */
  readonly existingBySource: Readonly<Record<ExistingSource, number>>;
  /** The part of existing that is estimated (area_estimate + kerb_estimate). */
  readonly existingEstimated: number;
  /** Baseline lots and roads counted without mapped stalls, in input order. */
  readonly existingItems: readonly ExistingParkingItem[];
  /**
   * Of `removed`, the cars cleared from fire lanes' clear width (打通生命通道): informal lot and
   * kerb parking in a proposal fire lane plus copied baseline stalls that now stand in one.
   */
  readonly clearedForFireLanes: number;
}
