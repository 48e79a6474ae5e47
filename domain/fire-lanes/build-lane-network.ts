import type { XY } from '../geo/local-projection';
import { bboxesNear } from './bbox-m';
import { closestOnPolyline } from './closest-on-polyline';
import type { GridIndex } from './grid-index';
import type { LaneM, ResolvedFireLaneOptions, ScenarioFeature } from './types';

export interface LaneNode {
  readonly id: number;
  readonly xy: XY;
  /** Meets a public road or a gate: the lane network's way out. */
  contact: boolean;
  /** Ids of the edges that end here (a loop edge appears twice). */
  readonly edges: number[];
}

export interface LaneEdge {
  readonly id: number;
  readonly lane: number;
  readonly from: number;
  readonly to: number;
  /** The lane's centreline from node `from` to node `to`. */
  readonly points: readonly XY[];
  readonly lengthM: number;
}

export interface LaneComponent {
  readonly lanes: readonly number[];
  readonly nodes: readonly number[];
  /** Distinct places where the component meets a public road or gate. */
  readonly contacts: number;
  /** Contains a cycle (edges − nodes + 1 > 0): a ring lane. */
  readonly ring: boolean;
}

export interface LaneNetwork {
  readonly nodes: readonly LaneNode[];
  readonly edges: readonly LaneEdge[];
  readonly components: readonly LaneComponent[];
  /** Component index per lane (−1 for a lane shorter than the snap tolerance). */
  readonly laneComponent: readonly number[];
}

/** Road classes of the public network a fire lane must reach (OSM highway values). */
export const PUBLIC_ROAD_CLASSES: ReadonlySet<string> = new Set([
  'primary',
  'secondary',
  'tertiary',
  'residential',
  'unclassified',
]);

/** The road's class (category from the importer, else an OSM `highway` tag), `_link` dropped. */
const roadClass = (f: ScenarioFeature): string => {
  const c = f.props.category ?? f.props.highway ?? f.props.class;
  return typeof c === 'string' ? c.replace(/_link$/, '') : '';
};

export const isPublicRoad = (f: ScenarioFeature): boolean =>
  f.kind === 'road' && PUBLIC_ROAD_CLASSES.has(roadClass(f));

interface Event {
  readonly param: number;
  readonly xy: XY;
  readonly contact: boolean;
}

const cross = (o: XY, a: XY, b: XY): number =>
  (a[0] - o[0]) * (b[1] - o[1]) - (a[1] - o[1]) * (b[0] - o[0]);

/** Proper crossings of two polylines: [param on a, param on b, point]. */
const crossings = (a: readonly XY[], b: readonly XY[]): [number, number, XY][] => {
  const out: [number, number, XY][] = [];
  for (let i = 0; i + 1 < a.length; i++)
    for (let j = 0; j + 1 < b.length; j++) {
      const p = a[i] as XY;
      const q = a[i + 1] as XY;
      const r = b[j] as XY;
      const s = b[j + 1] as XY;
      const d1 = cross(r, s, p);
      const d2 = cross(r, s, q);
      const d3 = cross(p, q, r);
      const d4 = cross(p, q, s);
      if (d1 === 0 || d2 === 0 || d3 === 0 || d4 === 0) continue; // touches: caught by snapping
      if (d1 > 0 === d2 > 0 || d3 > 0 === d4 > 0) continue;
      const t = d1 / (d1 - d2);
      const u = d3 / (d3 - d4);
      out.push([i + t, j + u, [p[0] + t * (q[0] - p[0]), p[1] + t * (q[1] - p[1])]]);
    }
  return out;
};

const pointAt = (pts: readonly XY[], param: number): XY => {
  const i = Math.min(Math.floor(param), pts.length - 2);
  const t = param - i;
  const a = pts[i] as XY;
  const b = pts[i + 1] as XY;
  return [a[0] + t * (b[0] - a[0]), a[1] + t * (b[1] - a[1])];
};

/** The part of a polyline between two params (a < b), in local metres. */
const slice = (pts: readonly XY[], a: number, b: number): XY[] => {
  const out: XY[] = [pointAt(pts, a)];
  for (let k = Math.floor(a) + 1; k < b; k++) out.push(pts[k] as XY);
  out.push(pointAt(pts, b));
  return out;
};

const lengthOf = (pts: readonly XY[]): number => {
  let s = 0;
  for (let i = 1; i < pts.length; i++)
    s += Math.hypot(
      (pts[i] as XY)[0] - (pts[i - 1] as XY)[0],
      (pts[i] as XY)[1] - (pts[i - 1] as XY)[1],
    );
  return s;
};

/**
 * The fire-lane network as a graph in local metres. Nodes: lane ends, junctions (a lane end
 * within the snap tolerance of another lane, or two lanes crossing) and contacts with the public
 * network (a lane meeting or crossing a public road, or passing a gate). Points closer than the
 * snap tolerance become one node, so a closed lane or two lanes drawn end to end join. Edges:
 * the lane pieces between consecutive nodes. Components count their contacts and tell rings
 * (a cycle) from trees. Deterministic: nodes are numbered in lane order.
 */
export function buildLaneNetwork(
  lanes: readonly LaneM[],
  features: readonly ScenarioFeature[],
  index: GridIndex,
  opts: ResolvedFireLaneOptions,
): LaneNetwork {
  const snap = opts.snapToleranceM;
  const events: Event[][] = lanes.map((l) => [
    { param: 0, xy: l.points[0] as XY, contact: false },
    { param: l.points.length - 1, xy: l.points[l.points.length - 1] as XY, contact: false },
  ]);
  const endsOf = (l: LaneM): [number, XY][] => [
    [0, l.points[0] as XY],
    [l.points.length - 1, l.points[l.points.length - 1] as XY],
  ];

  // Lane-lane junctions.
  for (let a = 0; a < lanes.length; a++)
    for (let b = a + 1; b < lanes.length; b++) {
      const la = lanes[a] as LaneM;
      const lb = lanes[b] as LaneM;
      if (!bboxesNear(la.bbox, lb.bbox, snap)) continue;
      for (const [x, y, la2, lb2] of [
        [a, b, la, lb],
        [b, a, lb, la],
      ] as const)
        for (const [param, xy] of endsOf(la2)) {
          const c = closestOnPolyline(lb2.points, xy);
          if (c.distanceM <= snap) {
            (events[x] as Event[]).push({ param, xy, contact: false });
            (events[y] as Event[]).push({ param: c.param, xy: c.xy, contact: false });
          }
        }
      for (const [pa, pb, xy] of crossings(la.points, lb.points)) {
        (events[a] as Event[]).push({ param: pa, xy, contact: false });
        (events[b] as Event[]).push({ param: pb, xy, contact: false });
      }
    }

  // Contacts with public roads and gates.
  lanes.forEach((l, li) => {
    const ev = events[li] as Event[];
    const own = l.feature;
    if (isPublicRoad(own)) {
      // A public road marked as a fire lane leads into the public network at both ends.
      for (const [param, xy] of endsOf(l)) ev.push({ param, xy, contact: true });
    }
    for (const fi of index.near(l.bbox, Math.max(snap, l.halfM))) {
      const f = features[fi] as ScenarioFeature;
      if (f === own) continue;
      if (f.kind === 'gate') {
        for (const p of [...f.shape.points, ...f.shape.lines.flat(), ...f.shape.polygons.flat(2)]) {
          const c = closestOnPolyline(l.points, p);
          if (c.distanceM <= Math.max(snap, l.halfM)) {
            ev.push({ param: c.param, xy: c.xy, contact: true });
            break;
          }
        }
      } else if (isPublicRoad(f)) {
        for (const road of f.shape.lines) {
          for (const [param, xy] of endsOf(l))
            if (closestOnPolyline(road, xy).distanceM <= snap)
              ev.push({ param, xy, contact: true });
          for (const end of [road[0] as XY, road[road.length - 1] as XY]) {
            const c = closestOnPolyline(l.points, end);
            if (c.distanceM <= snap) ev.push({ param: c.param, xy: c.xy, contact: true });
          }
          for (const [pa, , xy] of crossings(l.points, road))
            ev.push({ param: pa, xy, contact: true });
        }
      }
    }
  });

  // Nodes: events clustered within the snap tolerance, numbered in lane order.
  const nodes: LaneNode[] = [];
  const cells = new Map<string, number[]>();
  const cellOf = (v: number): number => Math.floor(v / Math.max(snap, 1e-3));
  const nodeFor = (e: Event): number => {
    const cx = cellOf(e.xy[0]);
    const cy = cellOf(e.xy[1]);
    let best = -1;
    let bestD = Infinity;
    for (let dx = -1; dx <= 1; dx++)
      for (let dy = -1; dy <= 1; dy++)
        for (const n of cells.get(`${cx + dx},${cy + dy}`) ?? []) {
          const q = (nodes[n] as LaneNode).xy;
          const d = Math.hypot(q[0] - e.xy[0], q[1] - e.xy[1]);
          if (d <= snap && d < bestD) {
            best = n;
            bestD = d;
          }
        }
    if (best < 0) {
      best = nodes.length;
      nodes.push({ id: best, xy: e.xy, contact: false, edges: [] });
      const k = `${cx},${cy}`;
      cells.set(k, [...(cells.get(k) ?? []), best]);
    }
    if (e.contact) (nodes[best] as LaneNode).contact = true;
    return best;
  };
  // Lane ends first, so that a junction node sits where the drawn lane ends.
  events.forEach((ev) => ev.slice(0, 2).forEach(nodeFor));

  const edges: LaneEdge[] = [];
  events.forEach((ev, li) => {
    const pts = (lanes[li] as LaneM).points;
    const sorted = [...ev].sort((x, y) => x.param - y.param);
    let prev: { node: number; param: number } | undefined;
    for (const e of sorted) {
      const node = nodeFor(e);
      if (prev && node === prev.node && e.param - prev.param < 1e-9) continue;
      if (prev && node !== prev.node) {
        const points = slice(pts, prev.param, e.param);
        const lengthM = lengthOf(points);
        if (lengthM > 1e-6)
          edges.push({ id: edges.length, lane: li, from: prev.node, to: node, points, lengthM });
      } else if (prev && node === prev.node && e.param - prev.param > 0) {
        // A closed lane: the loop from a node back to itself.
        const points = slice(pts, prev.param, e.param);
        const lengthM = lengthOf(points);
        if (lengthM > snap * 4)
          edges.push({ id: edges.length, lane: li, from: node, to: node, points, lengthM });
      }
      prev = { node, param: e.param };
    }
  });
  for (const e of edges) {
    (nodes[e.from] as LaneNode).edges.push(e.id);
    (nodes[e.to] as LaneNode).edges.push(e.id);
  }

  // Components by union-find over edges.
  const parent = nodes.map((n) => n.id);
  const find = (x: number): number => {
    while (parent[x] !== x) x = parent[x] = parent[parent[x] as number] as number;
    return x;
  };
  for (const e of edges) parent[find(e.from)] = find(e.to);
  const byRoot = new Map<number, { nodes: number[]; edges: number[]; lanes: Set<number> }>();
  for (const n of nodes) {
    if (n.edges.length === 0) continue;
    const r = find(n.id);
    if (!byRoot.has(r)) byRoot.set(r, { nodes: [], edges: [], lanes: new Set() });
    byRoot.get(r)?.nodes.push(n.id);
  }
  for (const e of edges) {
    const c = byRoot.get(find(e.from));
    c?.edges.push(e.id);
    c?.lanes.add(e.lane);
  }
  const laneComponent = lanes.map(() => -1);
  const components: LaneComponent[] = [...byRoot.values()].map((c, k) => {
    const laneList = [...c.lanes].sort((x, y) => x - y);
    for (const l of laneList) laneComponent[l] = k;
    return {
      lanes: laneList,
      nodes: c.nodes,
      contacts: c.nodes.filter((n) => (nodes[n] as LaneNode).contact).length,
      ring: c.edges.length - c.nodes.length + 1 > 0,
    };
  });
  components.sort((x, y) => (x.lanes[0] as number) - (y.lanes[0] as number));
  components.forEach((c, k) => c.lanes.forEach((l) => (laneComponent[l] = k)));
  return { nodes, edges, components, laneComponent };
}
