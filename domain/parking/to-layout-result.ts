import type { Feature, LineString, Point, Polygon, Position } from 'geojson';
import type { LocalProjection, XY } from '../geo/local-projection';
import type { PlacedRows } from './place-stalls';
import type { PlannedAisle, PlannedRow } from './planned-row';
import type { StallShape } from './stall-shape';
import type {
  AisleCentrelineProperties,
  AisleProperties,
  EntranceProperties,
  ParkingLayoutResult,
  StallProperties,
  StallType,
} from './types';

export interface LayoutParts {
  readonly mode: 'lot' | 'kerb';
  readonly projection: LocalProjection;
  readonly shape: StallShape;
  readonly rows: readonly PlannedRow[];
  readonly aisles: readonly PlannedAisle[];
  readonly placed: PlacedRows;
  /** Aisle or kerb direction, radians counter-clockwise from east. */
  readonly angleRad: number;
  readonly accessibleRequired: number;
  readonly evShare: number;
  readonly areaSqM?: number;
  readonly lengthM?: number;
  /** Lots with an aisle network: the entrance, local metres. */
  readonly entrance?: { readonly pointLocal: XY; readonly properties: EntranceProperties };
}

const polygon = (ring: readonly XY[], projection: LocalProjection): Polygon => {
  const coords: Position[] = ring.map((p) => projection.toLonLat(p));
  coords.push([...(coords[0] as Position)]);
  return { type: 'Polygon', coordinates: [coords] };
};

/** Merges ascending-or-not x-ranges [a0, b0, …] into sorted disjoint ones. */
const mergeRuns = (runs: readonly number[]): number[] => {
  const pairs: [number, number][] = [];
  for (let i = 0; i < runs.length; i += 2) pairs.push([runs[i]!, runs[i + 1]!]);
  pairs.sort((p, q) => p[0] - q[0]);
  const out: number[] = [];
  for (const [a, b] of pairs) {
    const n = out.length;
    if (n > 0 && a <= out[n - 1]!) out[n - 1] = Math.max(out[n - 1]!, b);
    else out.push(a, b);
  }
  return out;
};

/**
 * Turns placed stalls into the GeoJSON result in WGS84: stall types (accessible as placed; EV
 * for ⌈evShare × count⌉ of the others, in stall order), ids equal to the output index, driving
 * aisles cut to the runs their rows use, and wheelchair aisles.
 */
export function toLayoutResult(parts: LayoutParts): ParkingLayoutResult {
  const { projection, shape, placed } = parts;
  const count = placed.stalls.length;
  const accessible = placed.stalls.filter((s) => s.accessible).length;
  const ev = Math.max(0, Math.min(Math.ceil(parts.evShare * count - 1e-9), count - accessible));
  let evLeft = ev;
  const stalls: Feature<Polygon, StallProperties>[] = placed.stalls.map((s, index) => {
    let stallType: StallType = 'standard';
    if (s.accessible) stallType = 'accessible';
    else if (evLeft > 0) {
      stallType = 'ev';
      evLeft--;
    }
    return {
      type: 'Feature',
      id: index,
      properties: { stallType, angleDeg: s.angleDeg, index, row: s.row },
      geometry: polygon(s.ring, projection),
    };
  });
  const aisles: Feature<Polygon, AisleProperties>[] = [];
  const centrelines: Feature<LineString, AisleCentrelineProperties>[] = [];
  parts.aisles.forEach((aisle, ai) => {
    if (aisle.x0 !== undefined && aisle.x1 !== undefined) {
      // A network aisle: drawn as planned, with its centreline (along x for a band the rows
      // open onto, along y for a connector; one-way ones point towards +x).
      const { x0, x1, y0, y1 } = aisle;
      const role = aisle.role ?? 'aisle';
      const widthM = aisle.widthM ?? shape.aisleWidthM;
      const oneWay = aisle.oneWay ?? false;
      const index = aisles.length;
      const ring = (
        [
          [x0, y0],
          [x1, y0],
          [x1, y1],
          [x0, y1],
        ] as XY[]
      ).map((p) => aisle.frame.toWorld(p));
      aisles.push({
        type: 'Feature',
        id: index,
        properties: { kind: 'drive', index, widthM, role, oneWay },
        geometry: polygon(ring, projection),
      });
      const [xa, xb] = aisle.direction === -1 ? [x1, x0] : [x0, x1];
      const mid = (
        role === 'aisle'
          ? [
              [xa, (y0 + y1) / 2],
              [xb, (y0 + y1) / 2],
            ]
          : [
              [(x0 + x1) / 2, y0],
              [(x0 + x1) / 2, y1],
            ]
      ) as XY[];
      centrelines.push({
        type: 'Feature',
        id: centrelines.length,
        properties: { aisle: index, role, oneWay, widthM },
        geometry: {
          type: 'LineString',
          coordinates: mid.map((p) => projection.toLonLat(aisle.frame.toWorld(p))),
        },
      });
      return;
    }
    const used: number[] = [];
    parts.rows.forEach((r, ri) => {
      if (r.aisle === ai) used.push(...placed.usedRuns[ri]!);
    });
    const merged = mergeRuns(used);
    for (let i = 0; i < merged.length; i += 2) {
      const [a, b] = [merged[i]!, merged[i + 1]!];
      const ring = (
        [
          [a, aisle.y0],
          [b, aisle.y0],
          [b, aisle.y1],
          [a, aisle.y1],
        ] as XY[]
      ).map((p) => aisle.frame.toWorld(p));
      aisles.push({
        type: 'Feature',
        id: aisles.length,
        properties: {
          kind: 'drive',
          index: aisles.length,
          widthM: aisle.widthM ?? shape.aisleWidthM,
        },
        geometry: polygon(ring, projection),
      });
    }
  });
  for (const a of placed.accessibleAisles) {
    aisles.push({
      type: 'Feature',
      id: aisles.length,
      properties: { kind: 'accessible', index: aisles.length, widthM: shape.accessibleAisleM },
      geometry: polygon(a.ring, projection),
    });
  }
  // Bearing: clockwise from north, folded into [0, 180).
  const bearing = (((90 - (parts.angleRad * 180) / Math.PI) % 180) + 180) % 180;
  return {
    mode: parts.mode,
    stalls: { type: 'FeatureCollection', features: stalls },
    count,
    countsByType: { standard: count - accessible - ev, accessible, ev },
    aisles: { type: 'FeatureCollection', features: aisles },
    angleDeg: (Math.round(bearing * 100) / 100) % 180,
    stallAngleDeg: shape.angleDeg,
    accessibleRequired: parts.accessibleRequired,
    dimensions: {
      depthM: shape.depthM,
      lengthAlongAisleM: shape.pitchM,
      aisleWidthM: shape.aisleWidthM,
      stallWidthM: Math.round(shape.widthM * 1e4) / 1e4,
      stallLengthM: Math.round(shape.lengthM * 1e4) / 1e4,
    },
    ...(parts.areaSqM === undefined ? {} : { areaSqM: Math.round(parts.areaSqM * 100) / 100 }),
    ...(parts.lengthM === undefined ? {} : { lengthM: Math.round(parts.lengthM * 100) / 100 }),
    ...(parts.entrance === undefined
      ? {}
      : {
          centrelines: { type: 'FeatureCollection' as const, features: centrelines },
          entrance: {
            type: 'Feature' as const,
            properties: parts.entrance.properties,
            geometry: {
              type: 'Point',
              coordinates: projection.toLonLat(parts.entrance.pointLocal),
            } satisfies Point,
          },
        }),
  };
}
