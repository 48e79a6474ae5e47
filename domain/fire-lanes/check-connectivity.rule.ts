import { RULES } from '../standards/rules';
import type { LaneNetwork } from './build-lane-network';
import { makeViolation } from './make-violation';
import type { FireLaneViolation, LaneM, ResolvedFireLaneOptions, Scenario } from './types';

/**
 * Connectivity of each connected group of lanes (lanes joined end to end, at T junctions or
 * crossings; see buildLaneNetwork):
 * - `connectivity`: the group meets no public road (primary, secondary, tertiary, residential,
 *   unclassified, or their links) and passes no gate, so engines cannot get in (GB 50016-2014
 *   §7.1.9 / §7.1.1: fire lanes are part of the road network; a group's contacts are counted as
 *   distinct places, points within the snap tolerance being one);
 * - `ring-connections`: the group contains a ring and meets the public network at fewer than
 *   `ringMinConnections` places (§7.1.9: 环形消防车道至少应有两处与其他车道连通).
 * One violation per group, located on all its lanes (MultiLineString), with `laneIds`.
 */
export function checkConnectivity(
  scenario: Scenario,
  network: LaneNetwork,
  opts: ResolvedFireLaneOptions,
): FireLaneViolation[] {
  const out: FireLaneViolation[] = [];
  for (const c of network.components) {
    const lanes = c.lanes.map((i) => scenario.lanes[i] as LaneM);
    const ids = [...new Set(lanes.map((l) => l.id))];
    const geometry = { type: 'MultiLineString', xy: lanes.map((l) => l.points) } as const;
    const name = ids.join(', ');
    if (c.contacts === 0) {
      out.push(
        makeViolation(scenario.projection, geometry, RULES.fireLane.ringMinConnections, {
          ruleId: 'connectivity',
          severity: 'error',
          laneId: ids[0],
          laneIds: ids,
          measured: 0,
          required: 1,
          unit: 'count',
          messageZh: `消防车道 ${name} 未与市政道路或小区出入口连通`,
          messageEn: `Fire lane ${name} does not reach a public road or a gate`,
        }),
      );
    }
    if (c.ring && c.contacts < opts.ringMinConnections) {
      out.push(
        makeViolation(scenario.projection, geometry, RULES.fireLane.ringMinConnections, {
          ruleId: 'ring-connections',
          severity: 'error',
          laneId: ids[0],
          laneIds: ids,
          measured: c.contacts,
          required: opts.ringMinConnections,
          unit: 'count',
          messageZh: `环形消防车道 ${name} 仅有 ${c.contacts} 处与其他道路连通, 应至少 ${opts.ringMinConnections} 处`,
          messageEn: `Ring fire lane ${name} meets other roads at ${c.contacts} place(s); needs at least ${opts.ringMinConnections}`,
        }),
      );
    }
  }
  return out;
}
