import type { Position } from 'geojson';
import { RULES } from '../standards/rules';
import { findFireLaneIntrusions } from './find-fire-lane-intrusions';
import type {
  LedgerByType,
  LedgerFeature,
  LedgerStallType,
  ParkingLedger,
  ParkingLedgerOptions,
} from './types';

const emptyByType = (): LedgerByType => ({ standard: 0, accessible: 0, ev: 0, bicycle: 0 });

/** The ledger's type of a stall: unknown and 'bay' (港湾式) categories are standard car stalls. */
const stallType = (category: string | null | undefined): LedgerStallType =>
  category === 'accessible' || category === 'ev' || category === 'bicycle' ? category : 'standard';

const isCar = (f: LedgerFeature): boolean => stallType(f.properties.category) !== 'bicycle';

/** A representative point of a stall: the mean of its outer ring's distinct vertices. */
const centreOf = (f: LedgerFeature): Position | undefined => {
  const g = f.geometry;
  const ring =
    g.type === 'Polygon'
      ? g.coordinates[0]
      : g.type === 'MultiPolygon'
        ? g.coordinates[0]?.[0]
        : undefined;
  if (g.type === 'Point') return g.coordinates;
  if (!ring || ring.length === 0) return undefined;
  const pts = ring.length > 1 ? ring.slice(0, -1) : ring;
  const x = pts.reduce((s, p) => s + (p[0] as number), 0) / pts.length;
  const y = pts.reduce((s, p) => s + (p[1] as number), 0) / pts.length;
  return [x, y];
};

const inRing = (p: Position, ring: readonly Position[]): boolean => {
  let inside = false;
  const [px, py] = p as [number, number];
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [ax, ay] = ring[i] as [number, number];
    const [bx, by] = ring[j] as [number, number];
    if (ay > py !== by > py && px < ((bx - ax) * (py - ay)) / (by - ay) + ax) inside = !inside;
  }
  return inside;
};

/** Whether a point lies in a Polygon or MultiPolygon (holes respected). */
const inArea = (p: Position, area: LedgerFeature): boolean => {
  const g = area.geometry;
  const polygons =
    g.type === 'Polygon' ? [g.coordinates] : g.type === 'MultiPolygon' ? g.coordinates : [];
  return polygons.some(
    (rings) =>
      rings[0] !== undefined && inRing(p, rings[0]) && !rings.slice(1).some((h) => inRing(p, h)),
  );
};

/**
 * Stalls a lot stands for when its stalls are not mapped: its `capacity`, unless a mapped stall
 * of the same scenario lies inside it (then the stalls themselves are counted, not the capacity,
 * so nothing is counted twice).
 */
const unmappedCapacity = (area: LedgerFeature, stalls: readonly LedgerFeature[]): number => {
  const capacity = area.properties.capacity ?? 0;
  if (!(capacity > 0)) return 0;
  const mapped = stalls.some((s) => {
    const c = centreOf(s);
    return c !== undefined && inArea(c, area);
  });
  return mapped ? 0 : Math.round(capacity);
};

const ofKind = (features: readonly LedgerFeature[], kind: string): LedgerFeature[] =>
  features.filter((f) => f.properties.kind === kind);

/**
 * The parking ledger (停车账) of a proposal against its baseline (现状), for the indicator cards.
 *
 * Rules (one place, so the client and the server count alike):
 * - Car stalls are parking_stall features of any category but 'bicycle' ('bay' counts as
 *   standard), plus for each parking_area its `capacity` when none of the scenario's stalls lies
 *   inside it (a lot mapped only as an outline with a capacity tag).
 * - existing: the baseline's car stalls, as above.
 * - A proposal feature with a `sourceId` is a copy of that baseline feature (lineage). A
 *   baseline stall is removed when no proposal stall is its copy, or when its copy stands in a
 *   fire lane's clear width. A copied lot's capacity counts its decrease as removed and its
 *   increase as added; a lot not copied (or now mapped stall by stall) removes its capacity.
 * - added: proposal car stalls without lineage (drawn in the proposal, including unsaved
 *   preview stalls), plus the capacity of new lots without mapped stalls, not in a fire lane.
 * - A proposal stall reaching into a fire lane's clear width (the lane's line buffered by half
 *   its `widthM`, at least 4.0 m wide: GB 50016-2014 §7.1.8, 消防法 §28) is listed in
 *   `intruding` and not counted.
 * - net = added − removed; proposed = existing − removed + added.
 * - byType counts the proposal's counted stalls (lot capacities as standard; bicycle stalls
 *   appear only here); baselineByType the same for the baseline.
 * Pure: reads its input, never changes it.
 */
export function computeParkingLedger(
  baseline: readonly LedgerFeature[],
  proposal: readonly LedgerFeature[],
  options: ParkingLedgerOptions = {},
): ParkingLedger {
  const laneWidthM = options.defaultFireLaneWidthM ?? RULES.fireLane.minClearWidthM.value;

  const baseStalls = ofKind(baseline, 'parking_stall');
  const baseAreas = ofKind(baseline, 'parking_area');
  const baselineByType = emptyByType();
  for (const s of baseStalls) baselineByType[stallType(s.properties.category)] += 1;
  const baseCapacity = new Map<string, number>();
  for (const a of baseAreas) {
    const n = unmappedCapacity(a, baseStalls);
    if (n > 0) baseCapacity.set(String(a.properties.id), n);
    baselineByType.standard += n;
  }
  const existing =
    baseStalls.filter(isCar).length + [...baseCapacity.values()].reduce((s, n) => s + n, 0);

  const stalls = ofKind(proposal, 'parking_stall');
  const areas = ofKind(proposal, 'parking_area');
  const intruding = findFireLaneIntrusions(stalls, ofKind(proposal, 'fire_lane'), laneWidthM);
  const intrudingSet = new Set(intruding.map(String));
  const counted = stalls.filter((s) => !intrudingSet.has(String(s.properties.id)));

  const byType = emptyByType();
  for (const s of counted) byType[stallType(s.properties.category)] += 1;

  // Baseline ids that still have a counted copy in the proposal.
  const kept = new Set<string>();
  for (const s of counted) {
    if (s.properties.sourceId != null) kept.add(String(s.properties.sourceId));
  }
  let added = counted.filter((s) => s.properties.sourceId == null && isCar(s)).length;
  // A copied lot's capacity, by the baseline lot's id (a planner may change it).
  const keptCapacity = new Map<string, number>();
  for (const a of areas) {
    const n = unmappedCapacity(a, stalls);
    byType.standard += n;
    if (a.properties.sourceId == null) added += n;
    else keptCapacity.set(String(a.properties.sourceId), n);
  }

  let removed = baseStalls.filter((s) => isCar(s) && !kept.has(String(s.properties.id))).length;
  for (const [id, base] of baseCapacity) {
    const now = keptCapacity.get(id) ?? 0;
    if (now < base) removed += base - now;
  }
  for (const [id, now] of keptCapacity) {
    const base = baseCapacity.get(id) ?? 0;
    if (now > base) added += now - base;
  }

  return {
    existing,
    removed,
    added,
    net: added - removed,
    proposed: existing - removed + added,
    byType,
    baselineByType,
    intruding,
  };
}
