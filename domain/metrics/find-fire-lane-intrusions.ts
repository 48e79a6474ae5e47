import type { Position } from 'geojson';
import { localProjection, type XY } from '../geo/local-projection';
import { segmentsIntersect } from '../geo/segments-intersect';
import { RULES } from '../standards/rules';
import type { LedgerFeature } from './types';
import { pointInRing } from '../geo/point-in-ring';

/** Lines a stall must keep clear of, in local metres, with half of each lane's clear width. */
interface LocalLane {
  readonly points: XY[];
  readonly halfWidthM: number;
}

/** Distances below this count as touching: the clear width is not entered by a stall on its edge. */
const TOUCH_M = 1e-6;

const pointSegmentDistanceM = (p: XY, a: XY, b: XY): number => {
  const dx = b[0] - a[0];
  const dy = b[1] - a[1];
  const len2 = dx * dx + dy * dy;
  const t =
    len2 === 0 ? 0 : Math.max(0, Math.min(1, ((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / len2));
  return Math.hypot(p[0] - (a[0] + t * dx), p[1] - (a[1] + t * dy));
};

const segmentDistanceM = (a: XY, b: XY, c: XY, d: XY): number =>
  segmentsIntersect(a, b, c, d)
    ? 0
    : Math.min(
        pointSegmentDistanceM(a, c, d),
        pointSegmentDistanceM(b, c, d),
        pointSegmentDistanceM(c, a, b),
        pointSegmentDistanceM(d, a, b),
      );

/** The outer rings of a stall (Polygon or MultiPolygon); other geometries have none. */
const outerRings = (stall: LedgerFeature): Position[][] => {
  const g = stall.geometry;
  if (g.type === 'Polygon') return g.coordinates[0] ? [g.coordinates[0]] : [];
  if (g.type === 'MultiPolygon') return g.coordinates.flatMap((p) => (p[0] ? [p[0]] : []));
  return [];
};

const stallIntrudes = (ring: readonly XY[], lane: LocalLane): boolean => {
  if (lane.points.some((p) => pointInRing(p, ring))) return true;
  for (let i = 0; i + 1 < ring.length; i++) {
    for (let j = 0; j + 1 < lane.points.length; j++) {
      const d = segmentDistanceM(
        ring[i] as XY,
        ring[i + 1] as XY,
        lane.points[j] as XY,
        lane.points[j + 1] as XY,
      );
      if (d < lane.halfWidthM - TOUCH_M) return true;
    }
  }
  return false;
};

/**
 * Ids of the stalls (polygons) that reach into a fire lane's clear width: the lane's centre line
 * (LineString or MultiLineString) buffered by half its `widthM`, never less than the 4.0 m
 * minimum clear width (GB 50016-2014 §7.1.8; 消防法 §28 forbids occupying it). A stall that only
 * touches the edge of the clear width does not intrude. Measured in metres on a local tangent
 * plane. Pure; input order is kept in the output.
 */
export function findFireLaneIntrusions(
  stalls: readonly LedgerFeature[],
  fireLanes: readonly LedgerFeature[],
  defaultWidthM: number = RULES.fireLane.minClearWidthM.value,
): Array<number | string> {
  const lines: Array<{ coords: Position[]; widthM: number }> = [];
  for (const lane of fireLanes) {
    const widthM = Math.max(
      lane.properties.widthM ?? defaultWidthM,
      RULES.fireLane.minClearWidthM.value,
    );
    const g = lane.geometry;
    if (g.type === 'LineString') lines.push({ coords: g.coordinates, widthM });
    else if (g.type === 'MultiLineString')
      for (const coords of g.coordinates) lines.push({ coords, widthM });
  }
  const origin = lines[0]?.coords[0];
  if (!origin || stalls.length === 0) return [];
  const projection = localProjection([origin[0] as number, origin[1] as number]);
  const lanes: LocalLane[] = lines.map((l) => ({
    points: l.coords.map((p) => projection.toLocal(p)),
    halfWidthM: l.widthM / 2,
  }));
  const out: Array<number | string> = [];
  for (const stall of stalls) {
    const rings = outerRings(stall).map((r) => r.map((p) => projection.toLocal(p)));
    if (rings.some((ring) => lanes.some((lane) => stallIntrudes(ring, lane))))
      out.push(stall.properties.id);
  }
  return out;
}
