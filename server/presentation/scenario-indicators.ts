import type { FeatureCollection } from 'geojson';
import { computeCoverage } from '../../domain/coverage/compute-coverage';
import {
  districtToCoverageInput,
  type DistrictView,
  type ViewFeature,
} from '../../domain/coverage/district-view-to-coverage-input';
import type { AreaSummary } from '../../domain/coverage/types';
import { checkFireLanes } from '../../domain/fire-lanes/check-fire-lanes';
import { fireLaneOptionsOf } from '../../domain/fire-lanes/fire-lane-options-of';
import type { FireLaneOptions } from '../../domain/fire-lanes/types';
import { listOverrides, type OverrideLine } from '../../domain/standards/list-overrides';
import { RULES, type ProjectContext } from '../../domain/standards/rules';
import { withOverrides } from '../../domain/standards/with-overrides';
import { computeParkingLedger } from '../../domain/metrics/compute-parking-ledger';
import type { LedgerFeature, ParkingLedger } from '../../domain/metrics/types';
import { diffScenarios } from '../../domain/scenario/diff-scenarios';
import type { ScenarioDiff } from '../../domain/scenario/types';
import type { Catalog, ScenarioDetail } from '../db/catalog';
import { notFound } from '../http/api-error';
import { flattenFeatureProperties } from '../report/flatten-feature-properties';

const SCENARIO = { zh: '方案', en: 'Scenario' };

export interface FireLaneCount {
  errors: number;
  warnings: number;
}

/** One side's 15-minute life-circle coverage of the community's residential buildings. */
export interface CoverageSide {
  buildings: number;
  households: number;
  /** Share of households (one per building unless tagged) within each category's radius. */
  byCategory: Record<string, number>;
  /** Share with every category of the 15-minute tier within reach (GB 50180-2018 §2.0.2). */
  min15Share: number | null;
  /**
   * The community's 1 km buffer leaves the data's extent (AreaSummary.dataEdge,
   * summarize-coverage.ts): facilities just outside are not in the data, so the shares are
   * incomplete (lower bounds), not gaps.
   */
  dataEdge: boolean;
}

/** Before/after numbers of one scenario against its baseline, from the shared domain engines. */
export interface ScenarioIndicators {
  scenario: ScenarioDetail;
  baseline: ScenarioDetail;
  parking: ParkingLedger;
  fireLanes: { baseline: FireLaneCount; proposal: FireLaneCount };
  coverage: { baseline: CoverageSide; proposal: CoverageSide };
  diff: ScenarioDiff;
  /** The district's project context and the rules it overrode (本项目地方标准, issue 12 §1). */
  rules: { context: ProjectContext; overrides: OverrideLine[] };
}

/** The features of both sides as stored; flat properties for the engines. */
export interface ComparedFeatures {
  baseline: FeatureCollection;
  proposal: FeatureCollection;
}

const parse = (text: string): FeatureCollection => JSON.parse(text) as FeatureCollection;

const coverageSide = (area: AreaSummary | undefined): CoverageSide => ({
  buildings: area?.buildings ?? 0,
  households: area?.households ?? 0,
  byCategory: Object.fromEntries(
    Object.entries(area?.byCategory ?? {}).map(([c, s]) => [c, s.share]),
  ),
  min15Share: area?.byTier.min15?.share ?? null,
  dataEdge: area?.dataEdge === true,
});

/**
 * Coverage of one community's buildings with `scenario` in place of its baseline: the walking
 * network and facilities of the whole district (the life circle crosses community borders),
 * origins only this community's residential buildings. The same input as the planner's live
 * panel (districtToCoverageInput: households spread over buildings by floor area), so the sheet,
 * the compare cards and the panel show the same shares.
 */
function communityCoverage(
  district: FeatureCollection,
  communities: DistrictView['communities'],
  baselineId: number,
  communityId: number | null,
  scenario: FeatureCollection,
): CoverageSide {
  // The district's context baseline (features outside every 小区) has no households of its own.
  if (communityId === null) return coverageSide(undefined);
  const others = district.features.filter(
    (f) => Number(f.properties?.['scenarioId']) !== baselineId,
  );
  const features = [...others, ...scenario.features] as ViewFeature[];
  const of = (kind: string) => features.filter((f) => f.properties.kind === kind);
  const input = districtToCoverageInput({
    communities,
    buildings: of('building'),
    roads: of('road'),
    footways: of('footway'),
    facilities: of('facility'),
    gates: of('gate'),
  });
  const id = String(communityId);
  const origins = input.origins.features.filter((o) => o.properties?.['communityId'] === id);
  if (origins.length === 0) return coverageSide(undefined);
  const result = computeCoverage({
    network: input.network,
    facilities: input.facilities,
    origins: { type: 'FeatureCollection', features: origins },
  });
  return coverageSide(result.communities.find((c) => c.communityId === id));
}

const selfLineage = (fc: FeatureCollection): FeatureCollection => ({
  ...fc,
  features: fc.features.map((f) => ({
    ...f,
    properties: { ...f.properties, sourceId: f.properties?.['id'] },
  })),
});

const count = (fc: FeatureCollection, options: FireLaneOptions): FireLaneCount => {
  const r = checkFireLanes(fc, options);
  return { errors: r.summary.errors, warnings: r.summary.warnings };
};

/**
 * Parking ledger (domain/metrics), fire-lane findings (domain/fire-lanes), coverage
 * (domain/coverage) and the lineage diff (domain/scenario) of a scenario against its
 * baseline; a baseline is compared with itself (no change). Throws NOT_FOUND for an unknown id.
 */
export async function scenarioIndicators(
  catalog: Catalog,
  scenarioId: number,
): Promise<ScenarioIndicators> {
  const scenario = await catalog.getScenario(scenarioId);
  if (!scenario) throw notFound(SCENARIO, scenarioId);
  const baselineId = scenario.baseScenarioId ?? scenario.id;
  const baseline = (await catalog.getScenario(baselineId))!;
  const project = await catalog.projectRules(scenario.districtId);
  const rules = withOverrides(RULES, project.overrides);
  const fireOptions = fireLaneOptionsOf(rules, project.context);
  const [baseFc, propFc, baseCheck, propCheck, district] = await Promise.all([
    catalog.scenarioFeatures(baselineId, {}),
    catalog.scenarioFeatures(scenarioId, {}),
    catalog.checkFeatures(baselineId),
    catalog.checkFeatures(scenarioId),
    catalog.districtFeatures(scenario.districtId, {}),
  ]);
  const communities = parse((await catalog.communities({ districtId: scenario.districtId })).json)
    .features as unknown as DistrictView['communities'];
  const before = parse(baseFc.json);
  // A baseline compared with itself: each feature is its own copy, so nothing changed.
  const after = scenario.kind === 'baseline' ? selfLineage(before) : parse(propFc.json);
  const flat = (fc: FeatureCollection) => flattenFeatureProperties(fc);
  const districtFc = parse(district.json);
  return {
    scenario,
    baseline,
    parking: computeParkingLedger(
      flat(before).features as LedgerFeature[],
      flat(after).features as LedgerFeature[],
    ),
    fireLanes: {
      baseline: count(flat(parse(baseCheck.json)), fireOptions),
      proposal: count(flat(parse(propCheck.json)), fireOptions),
    },
    coverage: {
      baseline: communityCoverage(
        districtFc,
        communities,
        baselineId,
        scenario.communityId,
        before,
      ),
      proposal: communityCoverage(districtFc, communities, baselineId, scenario.communityId, after),
    },
    diff: diffScenarios(before, after),
    rules: { context: project.context, overrides: listOverrides(rules) },
  };
}
