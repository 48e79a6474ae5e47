import { RULES } from '../standards/rules';
import type { LaneNetwork } from './build-lane-network';
import { laneShape } from './check-clear-width.rule';
import { closestBetweenShapes } from './closest-between-shapes';
import { gridIndex } from './grid-index';
import { makeViolation, roundM } from './make-violation';
import type { FireLaneViolation, LaneM, ResolvedFireLaneOptions, Scenario } from './types';

/**
 * Access: every building's footprint within `maxBuildingAccessDistanceM` (60 m, verify) of the
 * edge of a compliant lane — one at least the minimum width whose group reaches the public
 * network (obstructions in its clear width are reported by their own rule and do not disqualify
 * it). Severity warning: the distance is a practice value, not a clause. One violation per
 * building, on its footprint; measured = the distance to the nearest compliant lane's edge
 * (null when none lies within twice the limit), `laneId` that lane.
 */
export function checkBuildingAccess(
  scenario: Scenario,
  network: LaneNetwork,
  opts: ResolvedFireLaneOptions,
): FireLaneViolation[] {
  const rule = RULES.fireLane.maxBuildingAccessDistanceM;
  const limit = opts.maxBuildingAccessDistanceM;
  const compliant = scenario.lanes.filter((l, i) => {
    const c = network.components[network.laneComponent[i] ?? -1];
    return l.widthM >= opts.minClearWidthM - 1e-9 && c !== undefined && c.contacts > 0;
  });
  const lanesIndex = gridIndex(
    compliant.map((l) => l.bbox),
    100,
  );
  const maxHalfM = Math.max(0, ...compliant.map((l) => l.halfM));
  const out: FireLaneViolation[] = [];
  for (const f of scenario.features) {
    if (f.kind !== 'building') continue;
    let best: { d: number; lane: LaneM } | undefined;
    for (const li of lanesIndex.near(f.shape.bbox, 2 * limit + maxHalfM)) {
      const lane = compliant[li] as LaneM;
      if (best && best.d <= limit) break;
      const d = Math.max(0, closestBetweenShapes(laneShape(lane), f.shape).distanceM - lane.halfM);
      if (!best || d < best.d) best = { d, lane };
    }
    if (best && best.d <= limit + 1e-6) continue;
    out.push(
      makeViolation(scenario.projection, { type: 'input', geometry: f.geometry }, rule, {
        ruleId: 'building-access',
        severity: 'warning',
        featureId: f.id,
        ...(best ? { laneId: best.lane.id } : {}),
        measured: best?.d ?? null,
        required: limit,
        unit: 'm',
        messageZh: best
          ? `建筑 ${f.id} 距最近的合规消防车道 ${best.lane.id} ${roundM(best.d)} m, 超过 ${limit} m`
          : `建筑 ${f.id} 周边 ${2 * limit} m 内没有合规的消防车道 (宽度达标且与市政道路连通)`,
        messageEn: best
          ? `Building ${f.id} is ${roundM(best.d)} m from the nearest compliant fire lane ${best.lane.id}, beyond ${limit} m`
          : `Building ${f.id} has no compliant fire lane (wide enough, reaching a public road) within ${2 * limit} m`,
      }),
    );
  }
  return out;
}
