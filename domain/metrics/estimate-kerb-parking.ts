import type { Position } from 'geojson';
import { localProjection } from '../geo/local-projection';
import { RULES } from '../standards/rules';
import { readTag } from './read-tag';
import type { KerbOrientation, KerbSide, LedgerFeature } from './types';

type Lengths = Readonly<Record<KerbOrientation, number>>;

const ORIENTATIONS = new Set<string>(['parallel', 'diagonal', 'perpendicular']);
/** parking:<side>=* values (2022 scheme) that mean cars park along that side. */
const PARKED = new Set(['lane', 'street_side', 'on_kerb', 'half_on_kerb', 'shoulder', 'yes']);

/**
 * How cars park on one side of a road, from either OSM scheme: the current one
 * (parking:both|left|right = lane / street_side / on_kerb … with :orientation) or the older
 * parking:lane:both|left|right = parallel / diagonal / perpendicular. 'separate' (mapped as its
 * own area), 'no', 'no_parking', 'no_stopping' and 'fire_lane' park nothing.
 */
const sideOrientation = (f: LedgerFeature, side: 'left' | 'right'): KerbOrientation | null => {
  const modern = readTag(f, `parking:${side}`) ?? readTag(f, 'parking:both');
  if (modern !== undefined && PARKED.has(modern)) {
    const o = readTag(f, `parking:${side}:orientation`) ?? readTag(f, 'parking:both:orientation');
    return o !== undefined && ORIENTATIONS.has(o) ? (o as KerbOrientation) : 'parallel';
  }
  if (modern !== undefined) return null;
  const old = readTag(f, `parking:lane:${side}`) ?? readTag(f, 'parking:lane:both');
  if (old === undefined) return null;
  if (ORIENTATIONS.has(old)) return old as KerbOrientation;
  return old === 'marked' || old === 'yes' ? 'parallel' : null;
};

/** Length of a LineString / MultiLineString in metres, on a local tangent plane. */
const lengthM = (f: LedgerFeature): number => {
  const g = f.geometry;
  const lines: Position[][] =
    g.type === 'LineString' ? [g.coordinates] : g.type === 'MultiLineString' ? g.coordinates : [];
  const origin = lines[0]?.[0];
  if (!origin) return 0;
  const proj = localProjection([origin[0] as number, origin[1] as number]);
  let sum = 0;
  for (const line of lines) {
    const pts = line.map((p) => proj.toLocal(p));
    for (let i = 1; i < pts.length; i++) {
      const a = pts[i - 1]!;
      const b = pts[i]!;
      sum += Math.hypot(b[0] - a[0], b[1] - a[1]);
    }
  }
  return sum;
};

/**
 * Cars parked today along a road tagged with parking lanes (OSM parking:*): for each parked
 * side, floor(L / stall length) with L the road's length and the stall length of its
 * orientation (RULES.parkingExisting.kerbStallLengthM, JGJ 100-2015 表4.3.4). A road without
 * such tags parks nothing here (empty sides). Pure.
 */
export function estimateKerbParking(
  road: LedgerFeature,
  stallLengthM: Lengths = RULES.parkingExisting.kerbStallLengthM.value,
): { stalls: number; sides: KerbSide[] } {
  const sides: KerbSide[] = [];
  const l = lengthM(road);
  for (const side of ['left', 'right'] as const) {
    const orientation = sideOrientation(road, side);
    if (orientation === null) continue;
    const len = stallLengthM[orientation];
    // 1e-9: a road of exactly n stall lengths holds n cars despite floating-point noise.
    sides.push({ side, orientation, lengthM: l, stalls: Math.floor(l / len + 1e-9) });
  }
  return { stalls: sides.reduce((s, x) => s + x.stalls, 0), sides };
}
