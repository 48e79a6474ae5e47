import type { XY } from '../geo/local-projection';
import { isHighRise } from './building-height';
import type { LaneEdge, LaneNetwork, LaneNode } from './build-lane-network';
import { bboxOfPoints } from './bbox-m';
import { closestBetweenShapes } from './closest-between-shapes';
import type { GridIndex } from './grid-index';
import type { LaneM, ResolvedFireLaneOptions, Scenario, ScenarioFeature, ShapeM } from './types';

/** The lane pieces from a node back along the network to the last junction or road contact. */
export interface LaneRun {
  readonly edges: readonly LaneEdge[];
  readonly lengthM: number;
  /** Where the run stops: a junction (≠ 2 pieces), a road contact, or its own start (a ring). */
  readonly stop: LaneNode;
}

/** One leg of a dead end: a free lane end and its run back to the junction. */
export interface DeadEndLeg {
  readonly end: LaneNode;
  readonly lane: LaneM;
  readonly run: LaneRun;
  /** Long enough (≥ the T/Y leg length) and every piece ≥ the minimum clear width. */
  readonly qualifies: boolean;
}

/**
 * A dead end as a planner sees it (GB 50016 §7.1.9 尽头式消防车道): one free lane end, or a T/Y
 * 回车道 (two or more legs meeting at one junction of exactly three pieces, with the stem that
 * leads back to the network). `lengthM` is the dead-end road's length for GB 50180: the run for
 * a single end; the longest leg plus the stem's run for a T/Y.
 */
export interface DeadEnd {
  readonly kind: 'end' | 'tee';
  /** The free end (single) or the T/Y junction. */
  readonly at: XY;
  readonly lane: LaneM;
  readonly legs: readonly DeadEndLeg[];
  readonly stem?: LaneRun;
  readonly lengthM: number;
  /** Turnaround side it needs: 12 m; 15 m if it serves a high-rise building; 18 m heavy. */
  readonly requiredSideM: number;
  /** Each T/Y leg must be at least this long (teeLegMinLength*, same cases). */
  readonly teeLegMinM: number;
  /** The first high-rise building it serves (within maxBuildingAccessDistanceM), if any. */
  readonly highRise?: ScenarioFeature;
  readonly heavy: boolean;
  /** A T/Y whose legs allow the turn: ≥ 2 qualifying legs. */
  readonly teeOk: boolean;
}

/** Walks from `start` along `first` through pass-through nodes (exactly 2 pieces, no contact). */
export const laneRun = (network: LaneNetwork, start: LaneNode, first: LaneEdge): LaneRun => {
  let node = start;
  let edge = first;
  const edges: LaneEdge[] = [];
  let lengthM = 0;
  for (let guard = 0; guard <= network.edges.length; guard++) {
    edges.push(edge);
    lengthM += edge.lengthM;
    const next = network.nodes[edge.from === node.id ? edge.to : edge.from] as LaneNode;
    if (next.contact || next.edges.length !== 2 || next === start)
      return { edges, lengthM, stop: next };
    const other = next.edges.find((id) => id !== edge.id);
    if (other === undefined) return { edges, lengthM, stop: next };
    node = next;
    edge = network.edges[other] as LaneEdge;
  }
  return { edges, lengthM, stop: node };
};

const edgesShape = (edges: readonly LaneEdge[]): ShapeM => ({
  points: [],
  lines: edges.map((e) => e.points),
  polygons: [],
  bbox: bboxOfPoints(edges.flatMap((e) => e.points)),
});

/** The first high-rise building within the access distance of the runs' lane edges. */
const servedHighRise = (
  scenario: Scenario,
  index: GridIndex,
  edges: readonly LaneEdge[],
  opts: ResolvedFireLaneOptions,
): ScenarioFeature | undefined => {
  const shape = edgesShape(edges);
  const halfM = Math.max(...edges.map((e) => (scenario.lanes[e.lane] as LaneM).halfM));
  const reach = halfM + opts.maxBuildingAccessDistanceM;
  for (const fi of index.near(shape.bbox, reach)) {
    const f = scenario.features[fi] as ScenarioFeature;
    if (!isHighRise(f, opts)) continue;
    if (closestBetweenShapes(shape, f.shape).distanceM <= reach + 1e-6) return f;
  }
  return undefined;
};

/**
 * Every dead end of the lane network, in node order (a T/Y at its first leg's place). A free end
 * is a lane end with one piece and no road or gate contact. Legs meeting at one non-contact
 * junction of exactly three pieces form a T/Y 回车道 (two legs and a stem, or three legs of an
 * isolated Y). Which buildings a dead end serves decides its turnaround: a high-rise one
 * (isHighRise) within maxBuildingAccessDistanceM of the lane edge of its legs or stem asks for
 * 15 × 15 m (legs 15 m); a lane flagged `heavy` among them for 18 × 18 m (legs 18 m).
 */
export function findDeadEnds(
  scenario: Scenario,
  network: LaneNetwork,
  index: GridIndex,
  opts: ResolvedFireLaneOptions,
): DeadEnd[] {
  const ends = network.nodes.filter((n) => n.edges.length === 1 && !n.contact);
  const runs = ends.map((n) =>
    laneRun(network, n, network.edges[n.edges[0] as number] as LaneEdge),
  );
  const laneOf = (e: LaneEdge): LaneM => scenario.lanes[e.lane] as LaneM;
  const byJunction = new Map<number, number[]>();
  runs.forEach((r, i) => {
    const j = r.stop;
    if (j.contact || j.edges.length !== 3 || j === ends[i]) return;
    byJunction.set(j.id, [...(byJunction.get(j.id) ?? []), i]);
  });
  const out: DeadEnd[] = [];
  const done = new Set<number>();
  const sizes = (edges: readonly LaneEdge[]) => {
    const highRise = servedHighRise(scenario, index, edges, opts);
    const heavy = edges.some((e) => laneOf(e).heavy);
    return {
      highRise,
      heavy,
      requiredSideM: Math.max(
        opts.turnaroundSideM,
        highRise ? opts.turnaroundHighRiseSideM : 0,
        heavy ? opts.turnaroundHeavySideM : 0,
      ),
      teeLegMinM: Math.max(
        opts.teeLegMinLengthM,
        highRise ? opts.teeLegMinLengthHighRiseM : 0,
        heavy ? opts.teeLegMinLengthHeavyM : 0,
      ),
    };
  };
  ends.forEach((end, i) => {
    if (done.has(i)) return;
    const run = runs[i] as LaneRun;
    const group = byJunction.get(run.stop.id) ?? [];
    if (group.length >= 2) {
      group.forEach((k) => done.add(k));
      const junction = run.stop;
      const legEdges = new Set(
        group.map((k) => (runs[k] as LaneRun).edges[(runs[k] as LaneRun).edges.length - 1]?.id),
      );
      const stemEdge = junction.edges.find((id) => !legEdges.has(id));
      const stem =
        group.length === 2 && stemEdge !== undefined
          ? laneRun(network, junction, network.edges[stemEdge] as LaneEdge)
          : undefined;
      const all = [...group.flatMap((k) => (runs[k] as LaneRun).edges), ...(stem?.edges ?? [])];
      const s = sizes(all);
      const legs = group.map((k): DeadEndLeg => {
        const r = runs[k] as LaneRun;
        return {
          end: ends[k] as LaneNode,
          lane: laneOf(r.edges[0] as LaneEdge),
          run: r,
          qualifies:
            r.lengthM >= s.teeLegMinM - 0.005 &&
            r.edges.every((e) => laneOf(e).widthM >= opts.minClearWidthM - 1e-9),
        };
      });
      out.push({
        kind: 'tee',
        at: junction.xy,
        lane: stem ? laneOf(stem.edges[0] as LaneEdge) : (legs[0] as DeadEndLeg).lane,
        legs,
        ...(stem ? { stem } : {}),
        lengthM: Math.max(...legs.map((l) => l.run.lengthM)) + (stem?.lengthM ?? 0),
        ...s,
        teeOk: legs.filter((l) => l.qualifies).length >= 2,
      });
      return;
    }
    const s = sizes(run.edges);
    const lane = laneOf(run.edges[0] as LaneEdge);
    out.push({
      kind: 'end',
      at: end.xy,
      lane,
      legs: [{ end, lane, run, qualifies: false }],
      lengthM: run.lengthM,
      ...s,
      teeOk: false,
    });
  });
  return out;
}
