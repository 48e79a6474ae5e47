import type { Position } from 'geojson';
import { localProjection, type XY } from '../geo/local-projection';
import { nearestPointOnSegment } from '../geo/nearest-point-on-segment';
import { pointInRing } from '../geo/point-in-ring';
import { RULES } from '../standards/rules';
import type { KerbSide, LedgerFeature } from './types';

interface LocalLane {
  readonly points: XY[];
  readonly halfWidthM: number;
}

/** At most this many samples per lot: large lots sample on a coarser grid. */
const MAX_SAMPLES = 20_000;
/** A sample on the very edge of the clear width is not in it (as for mapped stalls). */
const TOUCH_M = 1e-6;

const linesOf = (f: LedgerFeature): Position[][] => {
  const g = f.geometry;
  return g.type === 'LineString'
    ? [g.coordinates]
    : g.type === 'MultiLineString'
      ? g.coordinates
      : [];
};

const inClearWidth = (p: XY, lanes: readonly LocalLane[]): boolean =>
  lanes.some((lane) => {
    for (let i = 1; i < lane.points.length; i++) {
      const q = nearestPointOnSegment(p, lane.points[i - 1]!, lane.points[i]!);
      if (Math.hypot(p[0] - q[0], p[1] - q[1]) < lane.halfWidthM - TOUCH_M) return true;
    }
    return false;
  });

/** Share of a lot's area in the clear width, from a grid of cell centres (step in metres). */
const areaShare = (rings: XY[][], lanes: readonly LocalLane[], stepM: number): number => {
  const outer = rings[0];
  if (!outer || outer.length < 3) return 0;
  const xs = outer.map((p) => p[0]);
  const ys = outer.map((p) => p[1]);
  const [x0, x1, y0, y1] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
  const step = Math.max(stepM, Math.sqrt(((x1 - x0) * (y1 - y0)) / MAX_SAMPLES));
  let inside = 0;
  let hit = 0;
  for (let x = x0 + step / 2; x < x1; x += step) {
    for (let y = y0 + step / 2; y < y1; y += step) {
      const p: XY = [x, y];
      if (!pointInRing(p, outer) || rings.slice(1).some((h) => pointInRing(p, h))) continue;
      inside += 1;
      if (inClearWidth(p, lanes)) hit += 1;
    }
  }
  return inside === 0 ? 0 : hit / inside;
};

/**
 * Share of one kerb side's parked length whose cars reach into the clear width: samples every
 * `stepM` along the road at the car's outer edge, middle and inner edge (the car stands inside
 * the carriageway against its edge: offsets w/2 − depth … w/2 from the centre line).
 */
const kerbShare = (
  lines: XY[][],
  side: KerbSide,
  roadWidthM: number,
  lanes: readonly LocalLane[],
  stepM: number,
): number => {
  const depth = RULES.parkingExisting.kerbStallDepthM.value[side.orientation];
  const outerM = roadWidthM / 2;
  const innerM = Math.max(0, outerM - depth);
  const offsets = [innerM, (innerM + outerM) / 2, outerM];
  const sign = side.side === 'left' ? 1 : -1;
  let total = 0;
  let hit = 0;
  for (const pts of lines) {
    for (let i = 1; i < pts.length; i++) {
      const a = pts[i - 1]!;
      const b = pts[i]!;
      const len = Math.hypot(b[0] - a[0], b[1] - a[1]);
      if (len === 0) continue;
      const ux = (b[0] - a[0]) / len;
      const uy = (b[1] - a[1]) / len;
      // Left normal of the direction of travel (OSM left = left of the way's direction).
      const nx = -uy * sign;
      const ny = ux * sign;
      for (let t = stepM / 2; t < len; t += stepM) {
        total += 1;
        const cx = a[0] + ux * t;
        const cy = a[1] + uy * t;
        if (offsets.some((o) => inClearWidth([cx + nx * o, cy + ny * o], lanes))) hit += 1;
      }
    }
  }
  return total === 0 ? 0 : hit / total;
};

/**
 * How many of the cars a lot or a kerb holds today stand in a fire lane's clear width (the
 * lane's line buffered by half its `widthM`, at least 4.0 m: GB 50016-2014 §7.1.8; 消防法 §28):
 * ceil(cars × the share of the lot's area, or of its parked kerb length, in it). These are the
 * cars the proposal clears to open the lane (打通生命通道). A feature is a parking_area (no
 * `sides`) or a road with its parked kerb sides. Pure; measured on a local tangent plane.
 */
export function countParkingInFireLanes(
  feature: LedgerFeature,
  stalls: number,
  sides: readonly KerbSide[] | undefined,
  fireLanes: readonly LedgerFeature[],
  defaultWidthM: number = RULES.fireLane.minClearWidthM.value,
): number {
  if (stalls <= 0 || fireLanes.length === 0) return 0;
  const minW = RULES.fireLane.minClearWidthM.value;
  const stepM = RULES.parkingExisting.fireLaneSampleStepM.value;
  const laneLines = fireLanes.flatMap((l) =>
    linesOf(l).map((coords) => ({
      coords,
      halfWidthM: Math.max(l.properties.widthM ?? defaultWidthM, minW) / 2,
    })),
  );
  const origin = laneLines[0]?.coords[0];
  if (!origin) return 0;
  const proj = localProjection([origin[0] as number, origin[1] as number]);
  const lanes: LocalLane[] = laneLines.map((l) => ({
    points: l.coords.map((p) => proj.toLocal(p)),
    halfWidthM: l.halfWidthM,
  }));
  const local = (ring: Position[]): XY[] => ring.map((p) => proj.toLocal(p));
  const g = feature.geometry;
  if (sides === undefined) {
    const polygons =
      g.type === 'Polygon' ? [g.coordinates] : g.type === 'MultiPolygon' ? g.coordinates : [];
    // Each polygon's share weighted by its cars: one polygon in practice.
    const shares = polygons.map((rings) => areaShare(rings.map(local), lanes, stepM));
    const share = shares.length === 0 ? 0 : Math.max(...shares);
    return Math.min(stalls, Math.ceil(stalls * share - 1e-9));
  }
  const lines = linesOf(feature).map(local);
  const roadWidthM =
    feature.properties.widthM ?? RULES.importEstimates.roadWidthByClassM.value.road!;
  // A surveyed road without parking tags: assume parallel parking on both sides.
  const used: readonly KerbSide[] =
    sides.length > 0
      ? sides
      : (['left', 'right'] as const).map((side) => ({
          side,
          orientation: 'parallel' as const,
          lengthM: 0,
          stalls: 1,
        }));
  let weighted = 0;
  let weights = 0;
  for (const side of used) {
    const w = Math.max(side.stalls, 1);
    weighted += w * kerbShare(lines, side, roadWidthM, lanes, stepM);
    weights += w;
  }
  return Math.min(stalls, Math.ceil((stalls * weighted) / weights - 1e-9));
}
