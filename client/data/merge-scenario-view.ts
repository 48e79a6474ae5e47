import type { Id } from '../api/types';
import type { DistrictData, PlanFeature } from './district-data';

/**
 * The district as the map shows it while a community is planned: that community's baseline
 * features (those of its baseline scenario) are replaced by the active scenario's, sorted into
 * the map's layers; the rest of the district stays baseline. Pure; returns `data` itself when
 * there is nothing to replace.
 */
export function mergeScenarioView(
  data: DistrictData,
  baselineScenarioId: Id | null | undefined,
  active: readonly PlanFeature[] | null,
): DistrictData {
  if (baselineScenarioId == null || active === null) return data;
  const base = String(baselineScenarioId);
  const keep = (list: PlanFeature[]) => list.filter((f) => String(f.properties.scenarioId) !== base);
  const of = (...kinds: string[]) => active.filter((f) => kinds.includes(f.properties.kind));
  return {
    ...data,
    buildings: [...keep(data.buildings), ...of('building')],
    roads: [...keep(data.roads), ...of('road')],
    footways: [...keep(data.footways), ...of('footway')],
    parking: [...keep(data.parking), ...of('parking_area', 'parking_stall')],
    gates: [...keep(data.gates), ...of('gate')],
    facilities: [...keep(data.facilities), ...of('facility')],
    fireLanes: [...keep(data.fireLanes), ...of('fire_lane')],
    obstacles: [...keep(data.obstacles), ...of('tree', 'obstacle')],
  };
}
