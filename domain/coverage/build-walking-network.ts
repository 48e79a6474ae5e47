import type { Position } from 'geojson';
import { checkLonLat } from '../geo/check-lon-lat';
import { InputError } from '../geo/input-error';
import { localProjection } from '../geo/local-projection';
import { RULES, facilityCategory, type FacilityCategoryId } from '../standards/rules';
import { accessCandidates } from './access-candidates';
import { entrancePoints } from './entrance-points';
import { buildCsrGraph } from './build-csr-graph';
import { buildEdgeGrid } from './build-edge-grid';
import { crossesOnlyAtCrossings } from './crosses-only-at-crossings';
import { featureId } from './feature-id';
import { findAtGradeCrossings } from './find-at-grade-crossings';
import { isAtGrade } from './is-at-grade';
import { isWalkableLine } from './is-walkable-line';
import { nearestEdge, type NearestEdge } from './nearest-edge';
import { splitBarrierSides } from './split-barrier-sides';
import type {
  AttachedFacility,
  AttachedOrigin,
  FacilityFeatures,
  NetworkLines,
  OriginFeatures,
  WalkingNetwork,
  WalkingNetworkOptions,
} from './types';

export interface WalkingNetworkInput {
  readonly network: NetworkLines;
  readonly origins?: OriginFeatures | undefined;
  readonly facilities?: FacilityFeatures | undefined;
}

/** A projection point closer than this (m) to an edge's end is that end. */
const END_M = 1e-9;

class Growable {
  x: number[] = [];
  y: number[] = [];
  add(x: number, y: number): number {
    this.x.push(x);
    this.y.push(y);
    return this.x.length - 1;
  }
}

const badCollection = (zh: string, en: string): InputError =>
  new InputError(
    'INVALID_COORDINATES',
    `${zh}应为 GeoJSON FeatureCollection`,
    `${en} must be a GeoJSON FeatureCollection`,
  );

const typeName = (g: unknown): string =>
  g !== null && typeof g === 'object' ? String((g as { type?: unknown }).type) : typeof g;

const householdsOf = (p: Record<string, unknown> | null): number => {
  const h = p?.households;
  return typeof h === 'number' && Number.isFinite(h) && h >= 0 ? h : 1;
};

const communityOf = (p: Record<string, unknown> | null): string | null => {
  const c = p?.communityId;
  return typeof c === 'string' || typeof c === 'number' ? String(c) : null;
};

/**
 * Builds the pedestrian graph of a district and attaches buildings (origins) and facilities.
 *
 * - Lines: the walkable ones (is-walkable-line.ts). Every vertex is a node; vertices with
 *   identical [lon, lat] are one node (OSM shares a node at every junction). Two segments that
 *   cross (or touch in a T) without a shared vertex are split at the crossing only when both
 *   are at grade (is-at-grade.ts); bridges, tunnels and layer ≠ 0 pass over each other.
 * - Main roads (RULES.lifeCircle.crossOnlyAtCrossingsHighwayClasses: primary and up) are two
 *   sidewalks, walked along but crossed only at a crossing: a vertex shared with another line
 *   (a footway=crossing way, a junction) or the road's end (split-barrier-sides.ts). Buildings
 *   and facilities join the sidewalk on their own side.
 * - Lengths: Euclidean in a local tangent-plane projection (WGS84) centred on the network's
 *   bounding box: within 3 km of the centre the error is below 1e-7 of the length.
 * - Edges are undirected: pedestrians ignore oneway.
 * - Each building and facility gets its own node at its access point: the mapped entrance
 *   nearest to the network (`entrances` property, entrance-points.ts), else a Point itself,
 *   else the footprint's point nearest to the network (access-candidates.ts), flagged
 *   `accessEstimated`; and a connector edge to
 *   the foot of the perpendicular on the nearest edge, which is split there. Farther than
 *   `maxSnapM` (RULES.lifeCircle.maxAttachDistanceM) from every edge: not attached, unreachable.
 * - A building without an entrance of its own whose compound has gates (`gates` property,
 *   "lon,lat;…", district-view-to-coverage-input.ts) walks out through them: one connector per
 *   gate, as long as the straight walk from the footprint's nearest point to the gate plus the
 *   gate's own connector to the network, so each walk leaves by the gate that serves it best.
 *   Flagged `accessEstimated` (the walk inside the compound is a straight line).
 *
 * Deterministic (node and edge ids follow input order); never mutates its input. Throws an
 * InputError for a non-line network feature, bad coordinates, a non-areal building or a
 * facility without a known category.
 */
export function buildWalkingNetwork(
  input: WalkingNetworkInput,
  options: WalkingNetworkOptions = {},
): WalkingNetwork {
  const maxSnapM = options.maxSnapM ?? RULES.lifeCircle.maxAttachDistanceM.value;
  if (!(typeof maxSnapM === 'number' && maxSnapM >= 0 && Number.isFinite(maxSnapM))) {
    throw new InputError(
      'INVALID_OPTION',
      'maxSnapM 应为非负数 (米)',
      'maxSnapM must be a non-negative number (m)',
    );
  }
  if (!Array.isArray(input.network?.features)) throw badCollection('network', 'network');
  const originFeatures = input.origins?.features ?? [];
  const facilityFeatures = input.facilities?.features ?? [];
  if (!Array.isArray(originFeatures)) throw badCollection('origins', 'origins');
  if (!Array.isArray(facilityFeatures)) throw badCollection('facilities', 'facilities');

  // 1. Walkable polylines and the projection centre.
  const lines: { coords: Position[]; atGrade: boolean; barrier: boolean }[] = [];
  const lineWhat = { zh: '步行网络线', en: 'Network line' };
  input.network.features.forEach((f, i) => {
    const g = f?.geometry;
    if (g?.type !== 'LineString' && g?.type !== 'MultiLineString') {
      throw new InputError(
        'NOT_LINE',
        `network 第 ${i} 个要素应为 LineString 或 MultiLineString, 收到 ${typeName(g)}`,
        `network feature ${i} must be a LineString or MultiLineString, got ${typeName(g)}`,
      );
    }
    if (!isWalkableLine(f.properties)) return;
    const atGrade = isAtGrade(f.properties);
    const barrier = crossesOnlyAtCrossings(f.properties);
    const parts = g.type === 'LineString' ? [g.coordinates] : g.coordinates;
    for (const coords of parts) {
      checkLonLat(coords, lineWhat);
      lines.push({ coords, atGrade, barrier });
    }
  });
  let w = Infinity;
  let s = Infinity;
  let e = -Infinity;
  let n = -Infinity;
  const extend = (p: Position): void => {
    w = Math.min(w, p[0]!);
    e = Math.max(e, p[0]!);
    s = Math.min(s, p[1]!);
    n = Math.max(n, p[1]!);
  };
  for (const l of lines) for (const p of l.coords) extend(p);
  if (w === Infinity) {
    const g = [...originFeatures, ...facilityFeatures].find((f) => f?.geometry)?.geometry;
    const first =
      g?.type === 'Point'
        ? g.coordinates
        : g?.type === 'Polygon'
          ? g.coordinates[0]?.[0]
          : undefined;
    if (first) extend(first);
  }
  const projectionOrigin: [number, number] = w === Infinity ? [0, 0] : [(w + e) / 2, (s + n) / 2];
  const projection = localProjection(projectionOrigin);

  // 2. Nodes at vertices (shared by identical coordinates), segments between them.
  const nodes = new Growable();
  const nodeByKey = new Map<string, number>();
  const segU: number[] = [];
  const segV: number[] = [];
  const segAtGrade: number[] = [];
  const segBarrier: boolean[] = [];
  for (const line of lines) {
    let prev = -1;
    for (const p of line.coords) {
      const key = `${p[0]},${p[1]}`;
      let id = nodeByKey.get(key);
      if (id === undefined) {
        const [x, y] = projection.toLocal(p);
        id = nodes.add(x, y);
        nodeByKey.set(key, id);
      }
      if (prev >= 0 && id !== prev) {
        segU.push(prev);
        segV.push(id);
        segAtGrade.push(line.atGrade ? 1 : 0);
        segBarrier.push(line.barrier);
      }
      prev = id;
    }
  }

  // 3. Split segments at at-grade crossings without a shared vertex.
  const crossings = findAtGradeCrossings(
    Float64Array.from(nodes.x),
    Float64Array.from(nodes.y),
    Int32Array.from(segU),
    Int32Array.from(segV),
    segU.length,
    Uint8Array.from(segAtGrade),
  );
  const segSplits = new Map<number, [number, number][]>();
  const addSplit = (seg: number, t: number, node: number): void => {
    const list = segSplits.get(seg);
    if (list) list.push([t, node]);
    else segSplits.set(seg, [[t, node]]);
  };
  const endNode = (seg: number, t: number): number => (t === 0 ? segU[seg]! : segV[seg]!);
  for (const c of crossings) {
    const aEnd = c.tA === 0 || c.tA === 1;
    const bEnd = c.tB === 0 || c.tB === 1;
    const node = aEnd ? endNode(c.segA, c.tA) : bEnd ? endNode(c.segB, c.tB) : nodes.add(c.x, c.y);
    if (!aEnd) addSplit(c.segA, c.tA, node);
    if (!bEnd) addSplit(c.segB, c.tB, node);
  }
  const rawU: number[] = [];
  const rawV: number[] = [];
  const rawLen: number[] = [];
  const rawBarrier: boolean[] = [];
  const pushEdge = (u: number, v: number, barrier: boolean): void => {
    if (u === v) return;
    rawU.push(u);
    rawV.push(v);
    rawLen.push(Math.hypot(nodes.x[v]! - nodes.x[u]!, nodes.y[v]! - nodes.y[u]!));
    rawBarrier.push(barrier);
  };
  for (let sg = 0; sg < segU.length; sg++) {
    const splits = segSplits.get(sg);
    const barrier = segBarrier[sg]!;
    if (!splits) {
      pushEdge(segU[sg]!, segV[sg]!, barrier);
      continue;
    }
    splits.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
    let prev = segU[sg]!;
    for (const [, node] of splits) {
      pushEdge(prev, node, barrier);
      prev = node;
    }
    pushEdge(prev, segV[sg]!, barrier);
  }

  // 3b. Main roads: two sidewalks, joined only at crossings (split-barrier-sides.ts).
  const sided = splitBarrierSides(nodes.x, nodes.y, rawU, rawV, rawLen, rawBarrier);
  const netU = sided.u;
  const netV = sided.v;
  const netLen = sided.lengthM;

  // 4. Attach origins, then facilities, to their nearest edge.
  const x0 = Float64Array.from(nodes.x);
  const y0 = Float64Array.from(nodes.y);
  const u0 = Int32Array.from(netU);
  const v0 = Int32Array.from(netV);
  const grid0 = buildEdgeGrid(x0, y0, u0, v0, netU.length, () => true);
  const snap = (
    candidates: [number, number][],
  ): (NearestEdge & { px: number; py: number }) | undefined => {
    let best: (NearestEdge & { px: number; py: number }) | undefined;
    for (const [px, py] of candidates) {
      const found = nearestEdge(grid0, x0, y0, u0, v0, px, py, maxSnapM);
      // On a main road, join the sidewalk on the point's own side (both copies share u → v).
      let hit = found;
      if (found && sided.side[found.edge] !== 0) {
        const a = u0[found.edge]!;
        const b = v0[found.edge]!;
        const cross = (x0[b]! - x0[a]!) * (py - y0[a]!) - (y0[b]! - y0[a]!) * (px - x0[a]!);
        const side = cross >= 0 ? 1 : -1;
        if (side !== sided.side[found.edge]) hit = { ...found, edge: sided.twin[found.edge]! };
      }
      if (hit && (!best || hit.distM < best.distM)) best = { ...hit, px, py };
    }
    return best;
  };
  const originWhat = { zh: '建筑', en: 'Building' };
  const facilityWhat = { zh: '设施', en: 'Facility' };
  // Walks start at a mapped entrance (entrance-points.ts), else at the footprint's point
  // nearest to the network, flagged as an estimate (a Point is its own entrance).
  const accessOf = (
    f: (typeof originFeatures)[number] | (typeof facilityFeatures)[number],
    what: { zh: string; en: string },
  ): { points: [number, number][]; estimated: boolean; gates: [number, number][] } => {
    const doors = entrancePoints(f?.properties, projection);
    if (doors.length > 0) return { points: doors, estimated: false, gates: [] };
    return {
      points: accessCandidates(f?.geometry, projection, what),
      estimated: f?.geometry?.type !== 'Point',
      gates: entrancePoints(f?.properties, projection, 'gates'),
    };
  };
  const originAccess = originFeatures.map((f) => accessOf(f, originWhat));
  // Where each origin and facility joins the network: one attachment, or one per compound gate
  // (owner: origin index, then originFeatures.length + facility index; extraM: the walk before
  // the connector, from the footprint to the gate).
  type Hit = NearestEdge & { px: number; py: number };
  const attachments: { owner: number; hit: Hit; extraM: number }[] = [];
  const ownerAt: ([number, number] | undefined)[] = [];
  const attachDirectly = (owner: number, points: [number, number][]): void => {
    const hit = snap(points);
    if (hit) attachments.push({ owner, hit, extraM: 0 });
    ownerAt[owner] = hit ? [hit.px, hit.py] : undefined;
  };
  originAccess.forEach((a, i) => {
    let start: [number, number] | undefined;
    let startM = Infinity;
    for (const g of a.gates) {
      const hit = snap([g]);
      if (!hit) continue;
      let inside = Infinity;
      let from: [number, number] = a.points[0]!;
      for (const p of a.points) {
        const d = Math.hypot(p[0] - g[0], p[1] - g[1]);
        if (d < inside) [inside, from] = [d, p];
      }
      attachments.push({ owner: i, hit, extraM: inside });
      if (inside + hit.distM < startM) [startM, start] = [inside + hit.distM, from];
    }
    // No gate (or none within maxSnapM of the network): the footprint's nearest point.
    if (start) ownerAt[i] = start;
    else attachDirectly(i, a.points);
  });
  const facilityCategories: FacilityCategoryId[] = facilityFeatures.map((f, i) => {
    const c = f?.properties?.category;
    if (typeof c !== 'string' || facilityCategory(c) === undefined) {
      throw new InputError(
        'INVALID_OPTION',
        `facilities 第 ${i} 个要素的 category 无效: ${String(c)}`,
        `facilities feature ${i} has no known category: ${String(c)}`,
      );
    }
    return c as FacilityCategoryId;
  });
  facilityFeatures.forEach((f, i) =>
    attachDirectly(originFeatures.length + i, accessOf(f, facilityWhat).points),
  );
  const snaps = attachments.map((a) => a.hit);

  const byEdge = new Map<number, number[]>();
  snaps.forEach((hit, i) => {
    const list = byEdge.get(hit.edge);
    if (list) list.push(i);
    else byEdge.set(hit.edge, [i]);
  });
  const edgeU: number[] = [];
  const edgeV: number[] = [];
  const edgeLen: number[] = [];
  const projNode = new Int32Array(snaps.length).fill(-1);
  for (let ed = 0; ed < netU.length; ed++) {
    const list = byEdge.get(ed);
    const u = netU[ed]!;
    const v = netV[ed]!;
    const lengthM = netLen[ed]!;
    if (!list) {
      edgeU.push(u);
      edgeV.push(v);
      edgeLen.push(lengthM);
      continue;
    }
    list.sort((a, b) => snaps[a]!.t - snaps[b]!.t || a - b);
    let prevNode = u;
    let prevT = 0;
    for (const i of list) {
      const hit = snaps[i]!;
      let node: number;
      if (hit.t * lengthM < END_M) node = u;
      else if ((1 - hit.t) * lengthM < END_M) node = v;
      else if (hit.t === prevT && prevNode !== u) node = prevNode;
      else node = nodes.add(hit.x, hit.y);
      projNode[i] = node;
      if (node !== prevNode && node !== v) {
        edgeU.push(prevNode);
        edgeV.push(node);
        edgeLen.push((hit.t - prevT) * lengthM);
        prevNode = node;
        prevT = hit.t;
      }
    }
    edgeU.push(prevNode);
    edgeV.push(v);
    edgeLen.push((1 - prevT) * lengthM);
  }
  const networkEdgeCount = edgeU.length;
  const owners = originFeatures.length + facilityFeatures.length;
  const pointNode = new Int32Array(owners).fill(-1);
  const connectorM = new Float64Array(owners).fill(Infinity);
  attachments.forEach(({ owner, hit, extraM }, i) => {
    if (pointNode[owner] === -1) {
      const [x, y] = ownerAt[owner]!;
      pointNode[owner] = nodes.add(x, y);
    }
    edgeU.push(pointNode[owner]!);
    edgeV.push(projNode[i]!);
    edgeLen.push(extraM + hit.distM);
    connectorM[owner] = Math.min(connectorM[owner]!, extraM + hit.distM);
  });

  // 5. Freeze.
  const nodeX = Float64Array.from(nodes.x);
  const nodeY = Float64Array.from(nodes.y);
  const U = Int32Array.from(edgeU);
  const V = Int32Array.from(edgeV);
  const L = Float64Array.from(edgeLen);
  const edgeIsConnector = new Uint8Array(edgeU.length);
  edgeIsConnector.fill(1, networkEdgeCount);
  const origins: AttachedOrigin[] = originFeatures.map((f, i) => ({
    id: featureId(f, i, 'origin-'),
    node: pointNode[i]!,
    households: householdsOf(f.properties),
    communityId: communityOf(f.properties),
    connectorM: connectorM[i]!,
    accessEstimated: originAccess[i]!.estimated,
  }));
  const facilities: AttachedFacility[] = facilityFeatures.map((f, i) => {
    const node = pointNode[originFeatures.length + i]!;
    return {
      id: featureId(f, i, 'facility-'),
      category: facilityCategories[i]!,
      seeds: node < 0 ? [] : [{ node, offsetM: 0 }],
    };
  });
  return {
    projectionOrigin,
    nodeCount: nodeX.length,
    nodeX,
    nodeY,
    edgeCount: U.length,
    edgeU: U,
    edgeV: V,
    edgeLengthM: L,
    edgeIsConnector,
    graph: buildCsrGraph(nodeX.length, U, V, L, U.length),
    grid: buildEdgeGrid(nodeX, nodeY, U, V, U.length, (ed) => ed < networkEdgeCount),
    origins,
    facilities,
    maxSnapM,
  };
}
