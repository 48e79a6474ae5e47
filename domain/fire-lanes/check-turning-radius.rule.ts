import type { XY } from '../geo/local-projection';
import { RULES } from '../standards/rules';
import type { LaneEdge, LaneNetwork, LaneNode } from './build-lane-network';
import { bendArc } from './bend-arc';
import { envelopeRadiusM } from './envelope-radius';
import { makeViolation, roundM } from './make-violation';
import { achievableRadiusM, BEND_MIN_RAD, deflectionRad, tangentRoomM } from './tangent-room';
import type { FireLaneViolation, LaneM, ResolvedFireLaneOptions, Scenario } from './types';

/** The radius a lane must allow: one for all lanes if set, else by the lane's flags. */
export const requiredRadiusM = (lane: LaneM, o: ResolvedFireLaneOptions): number =>
  o.turningRadiusM > 0
    ? o.turningRadiusM
    : Math.max(
        o.minTurningRadiusM,
        lane.aerial ? o.aerialTurningRadiusM : 0,
        lane.heavy ? o.heavyTurningRadiusM : 0,
      );

/** An edge's centreline oriented away from `node` (a loop edge: from its start). */
const legFrom = (e: LaneEdge, node: number, atEnd: boolean): readonly XY[] =>
  e.from === node && !atEnd ? e.points : [...e.points].reverse();

/**
 * Turning radius (GB 50016-2014 §7.1.8 item 2 and its 条文说明: ≥ 9 m ordinary engines, 12 m
 * aerial ladder trucks, 16–20 m heavy). Geometric model: the engine follows the lane centreline
 * and rounds each bend with a circular arc tangent to both legs; the arc's tangent points must
 * lie on the legs, so with deflection θ the largest radius is R = room / tan(θ/2), where room
 * is the shorter leg's usable length (tangentRoomM: a whole leg up to a free end, half a leg
 * shared with the next bend or junction). The lane's extra width is not credited (conservative:
 * the 9 m of the 条文说明 is read as the centreline radius). Swept path (issue 12 §1): the arc
 * must also stay inside the lane's clear width, R ≤ (w/2) / (1 − cos(θ/2)) (envelopeRadiusM,
 * checked at the bends within a lane piece; junction corners are rounded on site and not in
 * the data), so a right-angle bend in a 4 m lane allows 6.83 m however
 * long its legs; an arc drawn with its vertices on the circle passes. The achievable radius is
 * the smaller of the two bounds. Checked at every vertex of every
 * lane piece, and at every junction node for each pair of pieces meeting there (a vehicle may
 * turn from any piece onto any other): one violation per place, the worst turn, located at the
 * bend; the required radius is the largest of the lanes meeting there. Public road junctions
 * are not checked (their kerb radii are not in the data). Each violation carries the arc the
 * bend allows (`allowedArc`, bend-arc.ts) for the map.
 */
export function checkTurningRadius(
  scenario: Scenario,
  network: LaneNetwork,
  opts: ResolvedFireLaneOptions,
): FireLaneViolation[] {
  const rule = RULES.fireLane.minTurningRadiusM;
  const out: FireLaneViolation[] = [];
  const free = (n: number): boolean => (network.nodes[n] as LaneNode).edges.length === 1;
  const report = (
    legs: readonly [XY, XY, XY],
    lanes: LaneM[],
    radiusM: number,
    deflection: number,
  ): void => {
    const xy = legs[1];
    const required = Math.max(...lanes.map((l) => requiredRadiusM(l, opts)));
    if (radiusM >= required - 1e-6) return;
    // The arc the bend allows, for the map (a zero radius draws nothing).
    const arc = bendArc(legs[0], legs[1], legs[2], radiusM).map(
      (p) => scenario.projection.toLonLat(p) as [number, number],
    );
    const ids = [...new Set(lanes.map((l) => l.id))];
    const deg = Math.round((deflection * 180) / Math.PI);
    out.push(
      makeViolation(scenario.projection, { type: 'Point', xy }, rule, {
        ruleId: 'turning-radius',
        severity: 'error',
        laneId: ids[0],
        ...(ids.length > 1 ? { laneIds: ids } : {}),
        measured: radiusM,
        required,
        unit: 'm',
        messageZh: `消防车道 ${ids.join('/')} 转弯 ${deg}° 处可实现的转弯半径 ${roundM(radiusM)} m, 小于 ${required} m`,
        messageEn: `Fire lane ${ids.join('/')}: the ${deg}° bend allows a ${roundM(radiusM)} m turning radius, below ${required} m`,
        ...(arc.length > 1 ? { allowedArc: arc } : {}),
      }),
    );
  };

  for (const e of network.edges) {
    const lane = scenario.lanes[e.lane] as LaneM;
    for (let i = 1; i + 1 < e.points.length; i++) {
      const p = e.points;
      const th = deflectionRad(p[i - 1] as XY, p[i] as XY, p[i + 1] as XY);
      if (th < BEND_MIN_RAD) continue;
      const back = tangentRoomM(p.slice(0, i + 1).reverse(), free(e.from));
      const ahead = tangentRoomM(p.slice(i), free(e.to));
      const r = Math.min(
        achievableRadiusM(Math.min(back, ahead), th),
        envelopeRadiusM(lane.widthM, th),
      );
      report([p[i - 1] as XY, p[i] as XY, p[i + 1] as XY], [lane], r, th);
    }
  }

  for (const node of network.nodes) {
    if (node.edges.length < 2) continue;
    // Each edge end at the node, as a leg running away from it.
    const legs: { leg: readonly XY[]; far: number; lane: LaneM }[] = [];
    const seen = new Set<number>();
    for (const id of node.edges) {
      const e = network.edges[id] as LaneEdge;
      const atEnd = e.from === e.to && seen.has(id);
      seen.add(id);
      const leg = legFrom(e, node.id, atEnd);
      legs.push({
        leg,
        far: e.from === node.id && !atEnd ? e.to : e.from,
        lane: scenario.lanes[e.lane] as LaneM,
      });
    }
    let worst: { r: number; th: number; lanes: LaneM[]; legs: [XY, XY, XY] } | undefined;
    for (let a = 0; a < legs.length; a++)
      for (let b = a + 1; b < legs.length; b++) {
        const la = legs[a] as (typeof legs)[number];
        const lb = legs[b] as (typeof legs)[number];
        // Arriving along leg a (reversed), leaving along leg b.
        const th = deflectionRad(la.leg[1] as XY, node.xy, lb.leg[1] as XY);
        if (th < BEND_MIN_RAD) continue;
        const room = Math.min(
          tangentRoomM(la.leg, free(la.far)),
          tangentRoomM(lb.leg, free(lb.far)),
        );
        // No swept-path bound at a junction: its corners' kerb radii are not in the data (a
        // drawn T/Y head or crossing is rounded on site), as at public road junctions.
        const r = achievableRadiusM(room, th);
        const lanes = [la.lane, lb.lane];
        const need = Math.max(...lanes.map((l) => requiredRadiusM(l, opts)));
        if (
          !worst ||
          r - need < worst.r - Math.max(...worst.lanes.map((l) => requiredRadiusM(l, opts)))
        )
          worst = { r, th, lanes, legs: [la.leg[1] as XY, node.xy, lb.leg[1] as XY] };
      }
    if (worst) report(worst.legs, worst.lanes, worst.r, worst.th);
  }
  return out;
}
