import type { FeatureCollection } from 'geojson';
import { computeCoverage } from '../../domain/coverage/compute-coverage';
import { checkFireLanes } from '../../domain/fire-lanes/check-fire-lanes';
import { fireLaneOptionsOf } from '../../domain/fire-lanes/fire-lane-options-of';
import { RULES } from '../../domain/standards/rules';
import { withOverrides } from '../../domain/standards/with-overrides';
import { computeParkingLedger } from '../../domain/metrics/compute-parking-ledger';
import type { LedgerFeature } from '../../domain/metrics/types';
import type { InterventionCategory } from '../../domain/model/intervention-categories';
import {
  districtRegisterTotals,
  type DistrictRegisterTotals,
} from '../../domain/renewal/district-register-totals';
import { summarizeRegister, type RegisterSummary } from '../../domain/renewal/summarize-register';
import type { FacilityCategoryId } from '../../domain/standards/rules';
import { districtToCoverageInput } from '../../domain/coverage/district-view-to-coverage-input';
import type { DistrictData, PlanFeature } from '../../client/data/district-data';
import type { Catalog } from '../db/catalog';
import type { DistrictRegisterRow, RegisterStore } from '../db/register-store';
import { flattenFeatureProperties } from '../report/flatten-feature-properties';

export interface DistrictRegisterEntry {
  id: number;
  name: string;
  builtYear: number | null;
  households: number | null;
  buildings: number;
  floorAreaSqM: number | null;
  stage: DistrictRegisterRow['stage'];
  /** The scenario the metrics come from: the latest proposal, else the baseline. */
  metricsScenarioId: number | null;
  proposalId: number | null;
  proposalName: string | null;
  reviewState: DistrictRegisterRow['reviewState'];
  /** Register total when it has items, else the community's recorded budget; 万元. */
  budgetWan: number | null;
  budgetPerHouseholdWan: number | null;
  categoryMixWan: Record<InterventionCategory, number>;
  register: RegisterSummary;
  parkingAdded: number;
  parkingNet: number;
  /** GB 50180 facility categories some building of the community lacks within its radius. */
  coverageGaps: FacilityCategoryId[];
  /** Households of the community within reach of every category, 0–1. */
  coverageShare: number | null;
  /** Its 1 km buffer leaves the data (summarize-coverage.ts): shares incomplete, not gaps. */
  coverageDataEdge: boolean;
  violations: number;
  lon: number;
  lat: number;
  bbox: [number, number, number, number];
}

export interface DistrictRegister {
  districtId: number;
  asOf: string;
  communities: DistrictRegisterEntry[];
  totals: DistrictRegisterTotals & {
    parkingAdded: number;
    violations: number;
    releasedWan: number;
  };
}

const parse = (json: string): FeatureCollection => JSON.parse(json) as FeatureCollection;

/**
 * The district register: per community, the figures on record plus metrics computed by the
 * shared pure domain functions on its latest proposal (or its baseline): the parking ledger
 * (computeParkingLedger), open fire-lane findings (checkFireLanes) and 15-minute life-circle
 * coverage (computeCoverage over the district with each community's latest plan in place of its
 * baseline). Register totals and fund release come from summarizeRegister.
 */
export async function computeDistrictRegister(
  deps: { catalog: Catalog; register: RegisterStore },
  districtId: number,
  asOf: string,
): Promise<DistrictRegister> {
  const { catalog } = deps;
  const rows = await deps.register.district(districtId);
  const planOf = new Map<number, FeatureCollection>();
  const baselineOf = new Map<number, FeatureCollection>();
  const violationsOf = new Map<number, number>();
  // The district's local rules (本项目地方标准, migration 014), as in every server engine run.
  const project = await catalog.projectRules(districtId);
  const fireOptions = fireLaneOptionsOf(withOverrides(RULES, project.overrides), project.context);
  for (const row of rows) {
    const scenarioId = row.proposalId ?? row.baselineId;
    if (scenarioId === null) continue;
    const checked = flattenFeatureProperties(parse((await catalog.checkFeatures(scenarioId)).json));
    violationsOf.set(row.id, checkFireLanes(checked, fireOptions).summary.total);
    if (row.baselineId !== null)
      baselineOf.set(row.id, parse((await catalog.scenarioFeatures(row.baselineId, {})).json));
    if (row.proposalId !== null)
      planOf.set(row.id, parse((await catalog.scenarioFeatures(row.proposalId, {})).json));
  }

  const coverage = await districtCoverage(catalog, districtId, rows, planOf);
  const communities = rows.map((row): DistrictRegisterEntry => {
    const register = summarizeRegister(row.items, asOf);
    const budgetWan = row.items.length > 0 ? register.budgetWan : row.communityBudgetWan;
    const baseline = (baselineOf.get(row.id)?.features ?? []) as LedgerFeature[];
    const plan = planOf.get(row.id);
    const ledger = plan ? computeParkingLedger(baseline, plan.features as LedgerFeature[]) : null;
    const area = coverage.get(String(row.id));
    return {
      id: row.id,
      name: row.name,
      builtYear: row.builtYear,
      households: row.households,
      buildings: row.buildingCount,
      floorAreaSqM: row.floorAreaSqM,
      stage: row.stage,
      metricsScenarioId: row.proposalId ?? row.baselineId,
      proposalId: row.proposalId,
      proposalName: row.proposalName,
      reviewState: row.reviewState,
      budgetWan,
      budgetPerHouseholdWan:
        budgetWan !== null && row.households
          ? Math.round((budgetWan / row.households) * 1000) / 1000
          : null,
      categoryMixWan: { ...register.byCategoryWan },
      register,
      parkingAdded: ledger?.added ?? 0,
      parkingNet: ledger?.net ?? 0,
      coverageGaps: area ? area.gaps : [],
      coverageShare: area ? area.share : null,
      coverageDataEdge: area ? area.dataEdge : false,
      violations: violationsOf.get(row.id) ?? 0,
      lon: row.lon,
      lat: row.lat,
      bbox: row.bbox,
    };
  });
  const totals = districtRegisterTotals(
    communities.map((c) => ({
      buildingCount: c.buildings,
      floorAreaSqM: c.floorAreaSqM,
      budgetWan: c.budgetWan,
      households: c.households,
    })),
  );
  return {
    districtId,
    asOf,
    communities,
    totals: {
      ...totals,
      parkingAdded: communities.reduce((s, c) => s + c.parkingAdded, 0),
      violations: communities.reduce((s, c) => s + c.violations, 0),
      releasedWan:
        Math.round(communities.reduce((s, c) => s + c.register.releasedWan, 0) * 100) / 100,
    },
  };
}

/**
 * Coverage of every community with its latest plan in place: the district's baseline with each
 * community's baseline features swapped for its latest proposal's (proposals are full copies).
 */
async function districtCoverage(
  catalog: Catalog,
  districtId: number,
  rows: DistrictRegisterRow[],
  planOf: Map<number, FeatureCollection>,
): Promise<Map<string, { gaps: FacilityCategoryId[]; share: number; dataEdge: boolean }>> {
  const replaced = new Set(
    rows.filter((r) => planOf.has(r.id) && r.baselineId !== null).map((r) => String(r.baselineId)),
  );
  const base = parse(
    (
      await catalog.districtFeatures(districtId, {
        kinds: ['building', 'road', 'footway', 'facility', 'gate'],
      })
    ).json,
  ).features.filter((f) => !replaced.has(String(f.properties?.scenarioId)));
  const planned = [...planOf.values()].flatMap((fc) => fc.features);
  const features = [...base, ...planned] as PlanFeature[];
  const of = (kind: string) => features.filter((f) => f.properties.kind === kind);
  const data: DistrictData = {
    districtId: String(districtId),
    communities: parse((await catalog.communities({ districtId })).json)
      .features as DistrictData['communities'],
    buildings: of('building'),
    roads: of('road'),
    footways: of('footway'),
    facilities: of('facility'),
    parking: [],
    gates: of('gate'),
    fireLanes: [],
    obstacles: [],
  };
  const input = districtToCoverageInput(data);
  const result = computeCoverage({ ...input, communities: undefined });
  const out = new Map<string, { gaps: FacilityCategoryId[]; share: number; dataEdge: boolean }>();
  for (const area of result.communities) {
    if (area.communityId === null) continue;
    const tiers = Object.values(area.byTier);
    const share = tiers.length ? Math.min(...tiers.map((t) => t?.share ?? 1)) : 1;
    out.set(area.communityId, {
      gaps: area.gaps.map((g) => g.category),
      share,
      dataEdge: area.dataEdge === true,
    });
  }
  return out;
}
