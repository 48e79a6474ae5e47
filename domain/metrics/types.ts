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
}
