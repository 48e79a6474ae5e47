import { concave, convex, featureCollection, point as turfPoint } from '@turf/turf';
import type {
  Feature,
  FeatureCollection,
  MultiLineString,
  MultiPolygon,
  Polygon,
  Position,
} from 'geojson';
import { checkLonLat } from '../geo/check-lon-lat';
import { InputError } from '../geo/input-error';
import { localProjection } from '../geo/local-projection';
import { RULES } from '../standards/rules';
import { facilitySeeds } from './facility-seeds';
import { multiSourceDijkstra } from './multi-source-dijkstra';
import type { WalkingNetwork } from './types';

export interface WalkingIsochroneOptions {
  /** Walking times, minutes; default the life-circle tiers 5, 10, 15 (GB 50180-2018 §2.0.2–2.0.4). */
  readonly minutes?: readonly number[];
  /** m/min; default RULES.lifeCircle.walkSpeedMPerMin. */
  readonly walkSpeedMPerMin?: number;
  /** Longest hull edge (m) of the concave outline; default 100 m. */
  readonly hullMaxEdgeM?: number;
}

const COLOURS = ['#1a9850', '#fee08b', '#d73027', '#762a83', '#2166ac'];

/**
 * Walking isochrones from a point: for each time, the parts of the network lines reached within
 * minutes × speed metres (edges cut where the budget runs out, from either end), as a
 * MultiLineString, and an outline polygon of those parts (turf concave hull with edges ≤
 * hullMaxEdgeM, the convex hull when the concave one fails). The point enters the network at the
 * nearest edge like a facility (facility-seeds.ts); beyond maxSnapM nothing is reached.
 * Output: polygons (largest time first), then lines, styled with simplestyle; deterministic.
 */
export function walkingIsochrones(
  network: WalkingNetwork,
  at: Position,
  options: WalkingIsochroneOptions = {},
): FeatureCollection<MultiLineString | Polygon | MultiPolygon> {
  checkLonLat([at], { zh: '起点', en: 'Start point' });
  const speed = options.walkSpeedMPerMin ?? RULES.lifeCircle.walkSpeedMPerMin.value;
  const minutes = [...(options.minutes ?? [5, 10, 15])].sort((a, b) => a - b);
  const hullMaxEdgeM = options.hullMaxEdgeM ?? 100;
  if (
    !(speed > 0 && Number.isFinite(speed)) ||
    minutes.length === 0 ||
    minutes.some((m) => !(m > 0 && m <= 120))
  ) {
    throw new InputError(
      'INVALID_OPTION',
      '步行时间应为 0–120 分钟的正数, 步行速度应为正数',
      'minutes must be positive numbers up to 120 and walkSpeedMPerMin positive',
    );
  }
  const { seeds, snap } = facilitySeeds(network, { type: 'Point', coordinates: at });
  const maxM = minutes[minutes.length - 1]! * speed;
  const distM = new Float64Array(network.nodeCount).fill(Infinity);
  const owner = new Int32Array(network.nodeCount).fill(-1);
  multiSourceDijkstra(
    network.graph,
    {
      nodes: seeds.map((s) => s.node),
      offsetsM: seeds.map((s) => s.offsetM),
      owners: seeds.map(() => 0),
    },
    distM,
    owner,
    maxM,
  );
  const projection = localProjection(network.projectionOrigin);
  const lines: Feature<MultiLineString>[] = [];
  const hulls: Feature<Polygon | MultiPolygon>[] = [];
  minutes.forEach((m, i) => {
    const limitM = m * speed;
    const parts: Position[][] = [];
    let reachedLengthM = 0;
    for (let e = 0; e < network.edgeCount; e++) {
      if (network.edgeIsConnector[e] === 1) continue;
      const u = network.edgeU[e]!;
      const v = network.edgeV[e]!;
      const lengthM = network.edgeLengthM[e]!;
      const spans: [number, number][] = [];
      if (distM[u]! < limitM) spans.push([0, Math.min(lengthM, limitM - distM[u]!)]);
      if (distM[v]! < limitM) spans.push([Math.max(0, lengthM - (limitM - distM[v]!)), lengthM]);
      if (snap && snap.edge === e && limitM > snap.connectorM) {
        const r = limitM - snap.connectorM;
        const at0 = snap.t * lengthM;
        spans.push([Math.max(0, at0 - r), Math.min(lengthM, at0 + r)]);
      }
      if (spans.length === 0) continue;
      spans.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
      const merged: [number, number][] = [];
      for (const sp of spans) {
        const last = merged[merged.length - 1];
        if (last && sp[0] <= last[1]) last[1] = Math.max(last[1], sp[1]);
        else merged.push([sp[0], sp[1]]);
      }
      const ux = network.nodeX[u]!;
      const uy = network.nodeY[u]!;
      const dx = network.nodeX[v]! - ux;
      const dy = network.nodeY[v]! - uy;
      for (const [a, b] of merged) {
        if (b - a <= 0 || lengthM === 0) continue;
        reachedLengthM += b - a;
        parts.push([
          projection.toLonLat([ux + (dx * a) / lengthM, uy + (dy * a) / lengthM]),
          projection.toLonLat([ux + (dx * b) / lengthM, uy + (dy * b) / lengthM]),
        ]);
      }
    }
    const colour = COLOURS[i % COLOURS.length]!;
    lines.push({
      type: 'Feature',
      properties: {
        minutes: m,
        maxDistanceM: limitM,
        reachedLengthM: Math.round(reachedLengthM * 100) / 100,
        stroke: colour,
        'stroke-width': 3,
      },
      geometry: { type: 'MultiLineString', coordinates: parts },
    });
    const points = featureCollection(parts.flat().map((p) => turfPoint(p)));
    let hull: Feature<Polygon | MultiPolygon> | null = null;
    let kind = 'concave';
    if (points.features.length >= 3) {
      try {
        hull = concave(points, { maxEdge: hullMaxEdgeM / 1000, units: 'kilometers' });
      } catch {
        hull = null;
      }
      if (!hull) {
        hull = convex(points);
        kind = 'convex';
      }
    }
    if (hull) {
      hulls.push({
        type: 'Feature',
        properties: { minutes: m, hull: kind, fill: colour, 'fill-opacity': 0.2, stroke: colour },
        geometry: hull.geometry,
      });
    }
  });
  return { type: 'FeatureCollection', features: [...hulls.reverse(), ...lines] };
}
