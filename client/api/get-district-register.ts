import { fetchJson } from './fetch-json';
import type { Bbox, Id } from './types';

export type InterventionCategory = 'basic' | 'improvement' | 'upgrade';

/** One community of GET /api/districts/:id/register. */
export interface RegisterRow {
  id: number;
  name: string;
  builtYear: number | null;
  households: number | null;
  buildings: number;
  floorAreaSqM: number | null;
  /** null: not set (未设定). */
  stage: 'publicity' | 'planning' | 'construction' | 'acceptance' | null;
  proposalId: number | null;
  proposalName: string | null;
  reviewState: 'draft' | 'submitted' | 'returned' | 'approved' | null;
  budgetWan: number | null;
  budgetPerHouseholdWan: number | null;
  categoryMixWan: Record<InterventionCategory, number>;
  parkingAdded: number;
  coverageGaps: string[];
  coverageShare: number | null;
  /** Shares incomplete: the community's 1 km buffer leaves the data (issue 12 §3). */
  coverageDataEdge?: boolean;
  violations: number;
  lon: number;
  lat: number;
  bbox: Bbox;
}

export interface DistrictRegister {
  districtId: number;
  asOf: string;
  communities: RegisterRow[];
  totals: {
    communities: number;
    buildings: number;
    households: number;
    floorAreaSqM: number;
    floorAreaWanSqM: number;
    budgetWan: number;
    parkingAdded: number;
    violations: number;
    releasedWan: number;
  };
}

/** GET /api/districts/:id/register: every community with its figures and plan metrics. */
export const getDistrictRegister = (districtId: Id, signal?: AbortSignal) =>
  fetchJson<DistrictRegister>(
    `/api/districts/${encodeURIComponent(String(districtId))}/register`,
    signal,
  );

/** The CSV export's URL (UTF-8 with BOM, for Excel). */
export const districtRegisterCsvUrl = (districtId: Id): string =>
  `/api/districts/${encodeURIComponent(String(districtId))}/register.csv`;
