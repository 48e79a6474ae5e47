import type { XY } from '../geo/local-projection';
import { RULES } from '../standards/rules';
import type { LaneEdge, LaneNetwork, LaneNode } from './build-lane-network';
import { closestBetweenShapes } from './closest-between-shapes';
import type { GridIndex } from './grid-index';
import { largestSquareSideM } from './inscribed-rectangle';
import { makeViolation, roundM } from './make-violation';
import type {
  FireLaneViolation,
  LaneM,
  ResolvedFireLaneOptions,
  Scenario,
  ScenarioFeature,
} from './types';

/** The turnaround side a dead-end lane needs, by its flags (GB 50016 §7.1.9). */
export const requiredTurnaroundSideM = (lane: LaneM, o: ResolvedFireLaneOptions): number =>
  Math.max(
    o.turnaroundSideM,
    lane.highRise ? o.turnaroundHighRiseSideM : 0,
    lane.heavy ? o.turnaroundHeavySideM : 0,
  );

/** Length of the dead-end run from a free end back to its last junction or road contact. */
const deadEndRunM = (network: LaneNetwork, start: LaneNode): number => {
  let node = start;
  let edge = network.edges[start.edges[0] as number] as LaneEdge;
  let length = 0;
  for (let guard = 0; guard <= network.edges.length; guard++) {
    length += edge.lengthM;
    const next = network.nodes[edge.from === node.id ? edge.to : edge.from] as LaneNode;
    if (next.contact || next.edges.length !== 2 || next === start) break;
    const other = next.edges.find((id) => id !== edge.id);
    if (other === undefined) break;
    node = next;
    edge = network.edges[other] as LaneEdge;
  }
  return length;
};

/**
 * Dead ends (GB 50016-2014 §7.1.9: 尽头式消防车道 needs a 回车场 ≥ 12 × 12 m, ≥ 15 × 15 m for
 * high-rise (lane `highRise: true`), ≥ 18 × 18 m for heavy engines (`heavy: true`)). A dead
 * end is a lane end that meets no other lane, public road or gate; its run is measured back
 * along the network to the last junction or road contact (an isolated lane: its whole length).
 * Runs longer than `deadEndMaxLengthM` (120 m, a commonly used threshold: verify) need a
 * turnaround at the end: a polygon tagged `turnaround: true` (parking_area, boundary, fire_lane
 * …) within the lane's half width of the end, holding a square of the required side
 * (largestSquareSideM). One violation per dead end, at the end point; measured = the largest
 * square side of the turnarounds found there (0 for none), `featureId` the best of them.
 */
export function checkDeadEnds(
  scenario: Scenario,
  network: LaneNetwork,
  index: GridIndex,
  opts: ResolvedFireLaneOptions,
): FireLaneViolation[] {
  const rule = RULES.fireLane.turnaroundSideM;
  const out: FireLaneViolation[] = [];
  for (const node of network.nodes) {
    if (node.edges.length !== 1 || node.contact) continue;
    const runM = deadEndRunM(network, node);
    if (runM <= opts.deadEndMaxLengthM + 1e-9) continue;
    const lane = scenario.lanes[(network.edges[node.edges[0] as number] as LaneEdge).lane] as LaneM;
    const required = requiredTurnaroundSideM(lane, opts);
    const reach = Math.max(opts.snapToleranceM, lane.halfM);
    const at = {
      points: [node.xy],
      lines: [],
      polygons: [],
      bbox: [node.xy[0], node.xy[1], node.xy[0], node.xy[1]],
    } as const;
    let best: { sideM: number; f: ScenarioFeature } | undefined;
    for (const fi of index.near(at.bbox, reach)) {
      const f = scenario.features[fi] as ScenarioFeature;
      if (f.props.turnaround !== true || f.shape.polygons.length === 0) continue;
      if (closestBetweenShapes(at, f.shape).distanceM > reach) continue;
      const sideM = largestSquareSideM(f.shape);
      if (!best || sideM > best.sideM) best = { sideM, f };
    }
    if (best && best.sideM >= required - 0.005) continue;
    const found = best
      ? {
          zh: `回车场 ${best.f.id} 仅容 ${roundM(best.sideM)} m 见方`,
          en: `turnaround ${best.f.id} holds only a ${roundM(best.sideM)} m square`,
        }
      : { zh: '端部无回车场', en: 'no turnaround at its end' };
    out.push(
      makeViolation(scenario.projection, { type: 'Point', xy: node.xy as XY }, rule, {
        ruleId: 'dead-end',
        severity: 'error',
        laneId: lane.id,
        ...(best ? { featureId: best.f.id } : {}),
        measured: best?.sideM ?? 0,
        required,
        unit: 'm',
        messageZh: `尽头式消防车道 ${lane.id} (尽端长 ${roundM(runM)} m > ${opts.deadEndMaxLengthM} m): ${found.zh}, 应设不小于 ${required} m × ${required} m 的回车场`,
        messageEn: `Dead-end fire lane ${lane.id} (${roundM(runM)} m > ${opts.deadEndMaxLengthM} m from its last junction): ${found.en}; needs a ${required} × ${required} m turnaround`,
      }),
    );
  }
  return out;
}
