import type { Position } from 'geojson';
import { RULES } from '../standards/rules';
import { findFireLaneIntrusions } from './find-fire-lane-intrusions';
import { countParkingInFireLanes } from './count-parking-in-fire-lanes';
import { existingParkingOf, surveyOf, type ExistingParking } from './existing-parking-of';
import type {
  ExistingParkingItem,
  ExistingSource,
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

/** How many of `stalls` have their centre inside the lot. */
const insideOf = (area: LedgerFeature, stalls: readonly LedgerFeature[]): LedgerFeature[] =>
  stalls.filter((s) => {
    const c = centreOf(s);
    return c !== undefined && inArea(c, area);
  });

const emptyBySource = (): Record<ExistingSource, number> => ({
  mapped: 0,
  capacity: 0,
  area_estimate: 0,
  kerb_estimate: 0,
  survey: 0,
});

const PARKING_PLACES = new Set(['parking_area', 'road']);

const ofKind = (features: readonly LedgerFeature[], kind: string): LedgerFeature[] =>
  features.filter((f) => f.properties.kind === kind);

/**
 * The parking ledger (停车账) of a proposal against its baseline (现状), for the indicator cards.
 *
 * Rules (one place, so the client and the server count alike):
 * - Car stalls are parking_stall features of any category but 'bicycle' ('bay' counts as
 *   standard), plus the cars of each parking_area and road that are not mapped stall by stall
 *   (existingParkingOf: a survey count 现状调查, else a lot's `capacity` when none of the
 *   scenario's car stalls lies inside it, else an estimate from a surface lot's area or a road's
 *   parking-lane tags, RULES.parkingExisting). Each is reported by source (existingBySource,
 *   existingItems) so the UI and the sheet flag estimates.
 * - existing: the baseline's car stalls, as above.
 * - A proposal feature with a `sourceId` is a copy of that baseline feature (lineage). A
 *   baseline stall is removed when no proposal stall is its copy, or when its copy stands in a
 *   fire lane's clear width. A copied lot's capacity counts its decrease as removed and its
 *   increase as added; a lot not copied (or now mapped stall by stall) removes its capacity.
 * - added: proposal car stalls without lineage (drawn in the proposal, including unsaved
 *   preview stalls), plus the capacity of new lots without mapped stalls, not in a fire lane.
 * - Lot and kerb parking of a proposal lot or road that stands in one of the proposal's fire
 *   lanes' clear width is cleared (countParkingInFireLanes): its baseline cars count as removed,
 *   and clearedForFireLanes says how many of `removed` were cleared so (打通生命通道). A copied lot
 *   with a survey count in which the proposal draws new stalls is re-planned: its cars removed.
 *   Lots and roads drawn in the proposal add their survey or capacity, never an estimate.
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
  const baseCars = baseStalls.filter(isCar);
  const baselineByType = emptyByType();
  for (const s of baseStalls) baselineByType[stallType(s.properties.category)] += 1;
  const existingBySource = emptyBySource();
  existingBySource.mapped = baseCars.length;
  const baseById = new Map<string, LedgerFeature>();
  const baseCount = new Map<string, ExistingParking & { kind: string }>();
  for (const f of baseline) {
    if (!PARKING_PLACES.has(f.properties.kind)) continue;
    const id = String(f.properties.id);
    baseById.set(id, f);
    const inside = f.properties.kind === 'parking_area' ? insideOf(f, baseCars).length : 0;
    const e = existingParkingOf(f, inside, surveyOf(f));
    if (!e || e.stalls <= 0) continue;
    baseCount.set(id, { ...e, kind: f.properties.kind });
    baselineByType.standard += e.stalls;
    existingBySource[e.source] += e.stalls;
  }
  const existing = Object.values(existingBySource).reduce((s, n) => s + n, 0);

  const stalls = ofKind(proposal, 'parking_stall');
  const lanes = ofKind(proposal, 'fire_lane');
  const intruding = findFireLaneIntrusions(stalls, lanes, laneWidthM);
  const intrudingSet = new Set(intruding.map(String));
  const counted = stalls.filter((s) => !intrudingSet.has(String(s.properties.id)));
  const countedCars = counted.filter(isCar);

  const byType = emptyByType();
  for (const s of counted) byType[stallType(s.properties.category)] += 1;

  // Baseline ids that still have a counted copy in the proposal.
  const kept = new Set<string>();
  for (const s of counted) {
    if (s.properties.sourceId != null) kept.add(String(s.properties.sourceId));
  }
  let added = counted.filter((s) => s.properties.sourceId == null && isCar(s)).length;
  // A copied lot's or road's cars, by the baseline feature's id (a planner may change them),
  // and of the copy's cars those in a fire lane's clear width.
  const keptCount = new Map<string, number>();
  const clearedBy = new Map<string, number>();
  for (const f of proposal) {
    if (!PARKING_PLACES.has(f.properties.kind)) continue;
    const src = f.properties.sourceId == null ? undefined : String(f.properties.sourceId);
    const base = src === undefined ? undefined : baseById.get(src);
    const survey = surveyOf(f) ?? (base ? surveyOf(base) : undefined);
    const inside = f.properties.kind === 'parking_area' ? insideOf(f, countedCars) : [];
    const replanned =
      src !== undefined &&
      survey !== undefined &&
      inside.some((s) => s.properties.sourceId == null);
    const e = replanned ? null : existingParkingOf(f, inside.length, survey, src !== undefined);
    const n = e?.stalls ?? 0;
    const cleared =
      e && n > 0
        ? countParkingInFireLanes(
            f,
            n,
            f.properties.kind === 'road' ? (e.sides ?? []) : undefined,
            lanes,
            laneWidthM,
          )
        : 0;
    const now = n - cleared;
    byType.standard += now;
    if (src === undefined) added += now;
    else {
      keptCount.set(src, (keptCount.get(src) ?? 0) + now);
      clearedBy.set(src, (clearedBy.get(src) ?? 0) + cleared);
    }
  }

  const removedStalls = baseCars.filter((s) => !kept.has(String(s.properties.id)));
  let removed = removedStalls.length;
  // Copied baseline stalls whose copy now stands in a fire lane: cleared for the lane.
  const intrudingSources = new Set(
    stalls
      .filter((s) => intrudingSet.has(String(s.properties.id)) && s.properties.sourceId != null)
      .map((s) => String(s.properties.sourceId)),
  );
  let clearedForFireLanes = removedStalls.filter((s) =>
    intrudingSources.has(String(s.properties.id)),
  ).length;
  const existingItems: ExistingParkingItem[] = [];
  for (const [id, e] of baseCount) {
    const now = keptCount.get(id) ?? 0;
    const inFireLanes = Math.min(e.stalls, clearedBy.get(id) ?? 0);
    if (now < e.stalls) {
      removed += e.stalls - now;
      clearedForFireLanes += Math.min(e.stalls - now, inFireLanes);
    }
    existingItems.push({
      id: baseById.get(id)!.properties.id,
      kind: e.kind,
      source: e.source,
      stalls: e.stalls,
      inFireLanes,
    });
  }
  for (const [id, now] of keptCount) {
    const base = baseCount.get(id)?.stalls ?? 0;
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
    existingBySource,
    existingEstimated: existingBySource.area_estimate + existingBySource.kerb_estimate,
    existingItems,
    clearedForFireLanes,
  };
}
