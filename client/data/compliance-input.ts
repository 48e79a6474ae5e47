import type { Feature, FeatureCollection, Geometry } from 'geojson';
import type { ApiFeature, Id } from '../api/types';
import { bboxOf } from '../map/bbox-of';
import type { PlanFeature } from './district-data';
import { flattenFeatureProperties } from './flatten-feature-properties';

/** Degrees added around the scenario's extent (~250 m), as list-check-features.sql does. */
export const NEIGHBOUR_MARGIN_DEG = 0.0025;

/** Id of the lane being drawn (not saved yet) in the checked collection. */
export const DRAFT_LANE_ID = 'draft-lane';

/**
 * What the fire-lane check reads for the active scenario, shaped as the server's
 * GET /api/scenarios/:id/fire-lanes shapes it (server/db/sql/list-check-features.sql): the
 * scenario's own features, then the district's public roads and gates from other baselines
 * within ~250 m (a lane must connect to the network around the 小区), flattened (typed columns
 * over the `props` bag). The lane being drawn, if any, is added last as a fire_lane of
 * `draftWidthM`. Pure.
 */
export function complianceInput(
  active: readonly ApiFeature[],
  neighbours: readonly PlanFeature[],
  baselineScenarioId: Id | null | undefined,
  draftLane: Geometry | null = null,
  draftWidthM = 4,
): FeatureCollection {
  const own = active.filter((f) => f.geometry);
  const box = bboxOf(own.map((f) => f.geometry));
  const base = String(baselineScenarioId);
  const near: PlanFeature[] = [];
  if (box) {
    const [w, s, e, n] = [
      box[0] - NEIGHBOUR_MARGIN_DEG,
      box[1] - NEIGHBOUR_MARGIN_DEG,
      box[2] + NEIGHBOUR_MARGIN_DEG,
      box[3] + NEIGHBOUR_MARGIN_DEG,
    ];
    for (const f of neighbours) {
      const k = f.properties.kind;
      if ((k !== 'road' && k !== 'gate') || String(f.properties.scenarioId) === base) continue;
      const b = bboxOf([f.geometry]);
      if (b && b[0] <= e && b[2] >= w && b[1] <= n && b[3] >= s) near.push(f);
    }
  }
  const features: Feature[] = [...own, ...near].map((f) => ({
    ...f,
    id: f.properties.id,
  })) as Feature[];
  if (draftLane?.type === 'LineString' && draftLane.coordinates.length >= 2) {
    features.push({
      type: 'Feature',
      id: DRAFT_LANE_ID,
      geometry: draftLane,
      properties: { id: DRAFT_LANE_ID, kind: 'fire_lane', widthM: draftWidthM },
    });
  }
  return flattenFeatureProperties({ type: 'FeatureCollection', features });
}
