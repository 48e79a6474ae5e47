/** The isochrone outline before issue 12 leftovers: one turf (JSTS) buffer of the reached segments chained into lines. Kept as the baseline of bench/isochrone.bench.ts only. */
import { area as turfArea, buffer as turfBuffer } from '@turf/turf';
import type {
  Feature,
  FeatureCollection,
  MultiLineString,
  MultiPolygon,
  Polygon,
  Position,
} from 'geojson';
import { checkLonLat } from '../../domain/geo/check-lon-lat';
import { InputError } from '../../domain/geo/input-error';
import { localProjection } from '../../domain/geo/local-projection';
import { RULES } from '../../domain/standards/rules';
import { chainSegments } from './chain-segments';
import { facilitySeeds } from '../../domain/coverage/facility-seeds';
import { multiSourceDijkstra } from '../../domain/coverage/multi-source-dijkstra';
import type { WalkingNetwork } from '../../domain/coverage/types';

export interface WalkingIsochroneOptions {
  /**
   * Walking times, minutes, each reaching minutes × walkSpeedMPerMin metres. Default: the
   * life-circle tiers themselves (RULES.lifeCircle.tiers min5 / min10 / min15: 300 / 500 /
   * 1000 m, GB 50180-2018 §2.0.2–2.0.4), labelled 5 / 10 / 15 minutes as the standard does.
   */
  readonly minutes?: readonly number[];
  /** m/min; default RULES.lifeCircle.walkSpeedMPerMin (used with explicit `minutes` only). */
  readonly walkSpeedMPerMin?: number;
  /** Outline buffer (m) around the reached lines; default RULES.lifeCircle.isochroneBufferM. */
  readonly bufferM?: number;
}

interface Band {
  readonly minutes: number;
  readonly maxDistanceM: number;
  readonly tier?: string;
}

/** Drops the holes: a block ringed by reached streets is reached (its entrances face them). */
const withoutHoles = (g: Polygon | MultiPolygon): Polygon | MultiPolygon =>
  g.type === 'Polygon'
    ? { type: 'Polygon', coordinates: [g.coordinates[0]!] }
    : { type: 'MultiPolygon', coordinates: g.coordinates.map((p) => [p[0]!]) };

const COLOURS = ['#1a9850', '#fee08b', '#d73027', '#762a83', '#2166ac'];

/**
 * Walking isochrones from a point: for each band, the parts of the network lines reached within
 * its distance (edges cut where the budget runs out, from either end), as a MultiLineString,
 * and an outline: those parts buffered by bufferM (round caps and joins, turf buffer of the segments chained into lines, chain-segments.ts), holes
 * filled, with its `areaSqM`. A straight street reached 300 m each way gives a 600 m × 2r
 * stadium, 600 · 2r + πr². Each sidewalk of a main road (split-barrier-sides.ts) counts in
 * `reachedLengthM`. The point enters the network at the nearest edge like a facility
 * (facility-seeds.ts); beyond maxSnapM nothing is reached. Default bands: the life-circle
 * tiers (300 / 500 / 1000 m as 5 / 10 / 15 minutes). Output: polygons (largest band first),
 * then lines, styled with simplestyle; deterministic.
 */
export function walkingIsochrones(
  network: WalkingNetwork,
  at: Position,
  options: WalkingIsochroneOptions = {},
): FeatureCollection<MultiLineString | Polygon | MultiPolygon> {
  checkLonLat([at], { zh: '起点', en: 'Start point' });
  const speed = options.walkSpeedMPerMin ?? RULES.lifeCircle.walkSpeedMPerMin.value;
  const minutes = options.minutes ? [...options.minutes].sort((a, b) => a - b) : undefined;
  const bufferM = options.bufferM ?? RULES.lifeCircle.isochroneBufferM.value;
  if (
    !(speed > 0 && Number.isFinite(speed)) ||
    !(bufferM > 0 && bufferM <= 500) ||
    (minutes !== undefined && (minutes.length === 0 || minutes.some((m) => !(m > 0 && m <= 120))))
  ) {
    throw new InputError(
      'INVALID_OPTION',
      '步行时间应为 0–120 分钟的正数, 步行速度应为正数, 轮廓缓冲 0–500 m',
      'minutes must be positive numbers up to 120, walkSpeedMPerMin positive, bufferM 0–500 m',
    );
  }
  const { tiers } = RULES.lifeCircle;
  const bands: Band[] = minutes
    ? minutes.map((m) => ({ minutes: m, maxDistanceM: m * speed }))
    : (['min5', 'min10', 'min15'] as const).map((tier) => ({
        tier,
        minutes: tiers[tier].value.minutes,
        maxDistanceM: tiers[tier].value.maxDistanceM,
      }));
  const { seeds, snap } = facilitySeeds(network, { type: 'Point', coordinates: at });
  const maxM = Math.max(...bands.map((b) => b.maxDistanceM));
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
  bands.forEach((band, i) => {
    const m = band.minutes;
    const limitM = band.maxDistanceM;
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
        ...(band.tier ? { tier: band.tier } : {}),
        reachedLengthM: Math.round(reachedLengthM * 100) / 100,
        stroke: colour,
        'stroke-width': 3,
      },
      geometry: { type: 'MultiLineString', coordinates: parts },
    });
    if (parts.length > 0) {
      const buffered = turfBuffer(
        { type: 'MultiLineString', coordinates: chainSegments(parts) },
        bufferM,
        { units: 'meters', steps: 4 },
      );
      const g = buffered?.geometry;
      if (g && (g.type === 'Polygon' || g.type === 'MultiPolygon')) {
        const outline = withoutHoles(g);
        hulls.push({
          type: 'Feature',
          properties: {
            minutes: m,
            maxDistanceM: limitM,
            ...(band.tier ? { tier: band.tier } : {}),
            bufferM,
            areaSqM: Math.round(turfArea(outline)),
            fill: colour,
            'fill-opacity': 0.2,
            stroke: colour,
          },
          geometry: outline,
        });
      }
    }
  });
  return { type: 'FeatureCollection', features: [...hulls.reverse(), ...lines] };
}
