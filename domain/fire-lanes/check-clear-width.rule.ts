import type { XY } from '../geo/local-projection';
import { RULES } from '../standards/rules';
import { closestBetweenShapes } from './closest-between-shapes';
import type { GridIndex } from './grid-index';
import { clipToEnvelope } from './lane-envelope';
import { makeViolation, roundM, type ProblemGeometry } from './make-violation';
import type {
  FireLaneViolation,
  LaneM,
  ResolvedFireLaneOptions,
  Scenario,
  ScenarioFeature,
  ShapeM,
} from './types';

/** Kinds that may not stand in a fire lane's clear width (消防法 §28; GB 50016 §7.1.8). */
export const CLEAR_WIDTH_INTRUDERS: Readonly<Record<string, { zh: string; en: string }>> = {
  parking_stall: { zh: '停车位', en: 'Parking stall' },
  building: { zh: '建筑', en: 'Building' },
  obstacle: { zh: '障碍物', en: 'Obstacle' },
  tree: { zh: '树木', en: 'Tree' },
  bike_shed: { zh: '非机动车棚', en: 'Bike shed' },
  ev_charger: { zh: '充电桩', en: 'EV charger' },
};

/** Touching the envelope's edge is not intruding: 1 mm absorbs projection round-off. */
const TOLERANCE_M = 0.001;

export const laneShape = (l: LaneM): ShapeM => ({
  points: [],
  lines: [l.points],
  polygons: [],
  bbox: l.bbox,
});

/**
 * Clear width (GB 50016-2014 §7.1.8 item 1, GB 55037-2022 §3.4.5: ≥ 4.0 m; 消防法 §28: no
 * occupation). Two checks per lane:
 * - the drawn width (`widthM`) below the minimum: the lane itself, measured = its width;
 * - every stall, building, obstacle, tree, bike shed or charger closer to the centreline than
 *   half the envelope width, max(widthM, min)/2: one violation per intruding feature, located
 *   where it intrudes (the part of a polygon inside the envelope; a point feature itself),
 *   with its `featureId`; measured = its distance from the centreline, required = the half
 *   width. A feature exactly on the envelope's edge (a 4.0 m gap) passes.
 */
export function checkClearWidth(
  scenario: Scenario,
  index: GridIndex,
  opts: ResolvedFireLaneOptions,
): FireLaneViolation[] {
  const rule = RULES.fireLane.minClearWidthM;
  const out: FireLaneViolation[] = [];
  for (const lane of scenario.lanes) {
    if (lane.widthM < opts.minClearWidthM - 1e-9) {
      out.push(
        makeViolation(scenario.projection, { type: 'LineString', xy: lane.points }, rule, {
          ruleId: 'clear-width',
          severity: 'error',
          laneId: lane.id,
          measured: lane.widthM,
          required: opts.minClearWidthM,
          unit: 'm',
          messageZh: `消防车道 ${lane.id} 宽 ${roundM(lane.widthM)} m, 小于最小净宽 ${opts.minClearWidthM} m`,
          messageEn: `Fire lane ${lane.id} is ${roundM(lane.widthM)} m wide, below the ${opts.minClearWidthM} m clear width`,
        }),
      );
    }
    const shape = laneShape(lane);
    for (const fi of index.near(lane.bbox, lane.halfM)) {
      const f = scenario.features[fi] as ScenarioFeature;
      const what = CLEAR_WIDTH_INTRUDERS[f.kind];
      if (!what || f === lane.feature) continue;
      const c = closestBetweenShapes(shape, f.shape);
      if (c.distanceM >= lane.halfM - TOLERANCE_M) continue;
      const clip = clipToEnvelope(lane.points, lane.halfM, f.shape);
      const geometry: ProblemGeometry = clip
        ? clip.type === 'Polygon'
          ? { type: 'Polygon', xy: clip.coordinates as unknown as XY[][] }
          : { type: 'MultiPolygon', xy: clip.coordinates as unknown as XY[][][] }
        : { type: 'Point', xy: c.onB };
      const widthM = roundM(lane.halfM * 2);
      out.push(
        makeViolation(scenario.projection, geometry, rule, {
          ruleId: 'clear-width',
          severity: 'error',
          featureId: f.id,
          laneId: lane.id,
          measured: c.distanceM,
          required: lane.halfM,
          unit: 'm',
          messageZh: `${what.zh} ${f.id} 占用消防车道 ${lane.id} 的 ${widthM} m 净宽 (距中线 ${roundM(c.distanceM)} m, 应 ≥ ${roundM(lane.halfM)} m; 消防法第二十八条禁止占用消防车通道)`,
          messageEn: `${what.en} ${f.id} stands in the ${widthM} m clear width of fire lane ${lane.id} (${roundM(c.distanceM)} m from the centreline, needs ≥ ${roundM(lane.halfM)} m)`,
        }),
      );
    }
  }
  return out;
}
