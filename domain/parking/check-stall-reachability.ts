import type { FeatureCollection, Point, Polygon, Position } from 'geojson';
import { localProjection, type XY } from '../geo/local-projection';
import { nearestPointOnSegment } from '../geo/nearest-point-on-segment';
import { pointInRing } from '../geo/point-in-ring';
import { segmentsIntersect } from '../geo/segments-intersect';
import { RULES } from '../standards/rules';

/** Shapes this close (m) touch: absorbs the lon/lat round trip. */
const TOUCH_M = 1e-3;

export interface StallReachability {
  /** Per stall (input order): an access side touches an aisle of the entrance's network. */
  readonly reachable: boolean[];
  readonly reachableCount: number;
  /** Per stall: the widest driving aisle (index in the input's `aisles`) it opens onto, or −1. */
  readonly servedBy: number[];
  /** Driving aisles in the entrance's network (input indices, ascending). */
  readonly entranceNetwork: number[];
  /** The most stalls one network serves, wherever the entrance were (for layouts without one). */
  readonly bestNetworkCount: number;
  /**
   * Connected groups the driving aisles form (touching or overlapping ones are one, and so are
   * those the entrance reaches).
   */
  readonly components: number;
  /** Every driving aisle is in the entrance's network. */
  readonly oneNetwork: boolean;
}

export interface ReachabilityInput {
  readonly stalls: FeatureCollection<Polygon, { angleDeg: number }>;
  /** Driving aisles are those with `kind` 'drive' (others, e.g. wheelchair aisles, are skipped). */
  readonly aisles: FeatureCollection<Polygon, { kind: string }>;
  readonly entrance: Position | Point;
}

const segDistM = (a: XY, b: XY, c: XY, d: XY): number => {
  if (segmentsIntersect(a, b, c, d)) return 0;
  let m = Infinity;
  for (const [p, s, t] of [
    [a, c, d],
    [b, c, d],
    [c, a, b],
    [d, a, b],
  ] as [XY, XY, XY][]) {
    const q = nearestPointOnSegment(p, s, t);
    m = Math.min(m, Math.hypot(q[0] - p[0], q[1] - p[1]));
  }
  return m;
};

/** Distance from segment a–b to the area of an open ring, m (0 when it reaches inside). */
const segToRingM = (a: XY, b: XY, ring: readonly XY[]): number => {
  if (pointInRing(a, ring) || pointInRing(b, ring)) return 0;
  let m = Infinity;
  ring.forEach((c, i) => (m = Math.min(m, segDistM(a, b, c, ring[(i + 1) % ring.length]!))));
  return m;
};

const ringToRingM = (p: readonly XY[], q: readonly XY[]): number => {
  let m = Infinity;
  p.forEach((a, i) => (m = Math.min(m, segToRingM(a, p[(i + 1) % p.length]!, q))));
  return Math.min(m, pointInRing(q[0]!, p) ? 0 : m);
};

/**
 * Checks a parking layout independently of how it was made: are the driving aisles one network
 * a car enters at `entrance` (an aisle within half a connector aisle,
 * RULES.parking.connectorAisleWidthM / 2, of it is entered from it; aisles that touch or
 * overlap are joined), and does every stall have an access side on an aisle of that network —
 * for an angled or perpendicular stall one of its two short sides, for a parallel stall one of
 * its long sides — touching it (within 1 mm)? Works on any result with stall and aisle
 * polygons, so it also measures layouts made without an entrance. Pure; WGS84 in.
 */
export function checkStallReachability(input: ReachabilityInput): StallReachability {
  const e = Array.isArray(input.entrance) ? input.entrance : (input.entrance as Point).coordinates;
  const projection = localProjection(e as [number, number]);
  const ring = (g: Polygon): XY[] =>
    g.coordinates[0]!.slice(0, -1).map((p) => projection.toLocal(p));
  const drive = input.aisles.features
    .map((f, i) => ({ i, f }))
    .filter(({ f }) => f.properties?.kind === 'drive');
  const aisles = drive.map(({ f }) => ring(f.geometry));
  const widths = drive.map(({ f }) => Number((f.properties as { widthM?: number }).widthM ?? 0));
  const n = aisles.length;
  // Components by union-find.
  const parent = aisles.map((_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i]!)));
  for (let i = 0; i < n; i++)
    for (let j = i + 1; j < n; j++)
      if (ringToRingM(aisles[i]!, aisles[j]!) <= TOUCH_M) parent[find(i)] = find(j);
  const reachM = RULES.parking.connectorAisleWidthM.value / 2 + TOUCH_M;
  const origin: XY = [0, 0];
  const atGate = aisles
    .map((r, i) => ({ i, d: pointInRing(origin, r) ? 0 : segToRingM(origin, origin, r) }))
    .filter(({ d }) => d <= reachM)
    .map(({ i }) => find(i));
  // The entrance joins the aisles it reaches.
  for (const r of atGate) parent[find(r)] = find(atGate[0]!);
  const gate = atGate.length > 0 ? find(atGate[0]!) : -1;
  const inNetwork = aisles.map((_, i) => find(i) === gate);
  const roots = new Set(aisles.map((_, i) => find(i)));
  /** The first aisle (in `aisles`) an access side of stall ring `s` touches, or −1. */
  const servedBy = (s: XY[], angleDeg: number, inNet: (i: number) => boolean): number => {
    if (s.length !== 4) return -1;
    const len = (k: number): number =>
      Math.hypot(s[(k + 1) % 4]![0] - s[k]![0], s[(k + 1) % 4]![1] - s[k]![1]);
    // Sides 0 and 2 are one opposite pair, 1 and 3 the other.
    const shortFirst = len(0) <= len(1);
    const pick = (angleDeg === 0) !== shortFirst ? [0, 2] : [1, 3];
    let best = -1;
    for (const k of pick)
      for (let i = 0; i < n; i++)
        if (
          inNet(i) &&
          (best < 0 || widths[i]! > widths[best]!) &&
          segToRingM(s[k]!, s[(k + 1) % 4]!, aisles[i]!) <= TOUCH_M
        )
          best = i;
    return best;
  };
  const stallRings = input.stalls.features.map((f) => ring(f.geometry));
  const angles = input.stalls.features.map((f) => f.properties?.angleDeg ?? 90);
  let bestNetworkCount = 0;
  for (const root of roots) {
    const inRoot = (i: number): boolean => find(i) === root;
    const served = stallRings.filter((s, k) => servedBy(s, angles[k]!, inRoot) >= 0).length;
    bestNetworkCount = Math.max(bestNetworkCount, served);
  }
  const via = stallRings.map((s, k) => servedBy(s, angles[k]!, (i) => inNetwork[i]!));
  const reachable = via.map((i) => i >= 0);
  return {
    reachable,
    servedBy: via.map((i) => (i >= 0 ? drive[i]!.i : -1)),
    bestNetworkCount,
    reachableCount: reachable.filter(Boolean).length,
    entranceNetwork: drive.filter((_, i) => inNetwork[i]).map(({ i }) => i),
    components: roots.size,
    oneNetwork: n > 0 && inNetwork.every(Boolean),
  };
}
