import type { Feature, FeatureCollection, LineString, Point, Polygon } from 'geojson';
import { localProjection } from '../../../domain/geo/local-projection';

/** Test networks are drawn in local metres around a point of the demo district. */
export const P = localProjection([116.35, 40.0]);

export type XYList = readonly (readonly [number, number])[];

export const line = (
  xy: XYList,
  properties: Record<string, unknown> = {},
): Feature<LineString> => ({
  type: 'Feature',
  properties: { kind: 'road', category: 'residential', ...properties },
  geometry: { type: 'LineString', coordinates: xy.map((p) => P.toLonLat(p)) },
});

export const point = (
  x: number,
  y: number,
  properties: Record<string, unknown> = {},
  id?: string,
): Feature<Point> => ({
  type: 'Feature',
  ...(id === undefined ? {} : { id }),
  properties,
  geometry: { type: 'Point', coordinates: P.toLonLat([x, y]) },
});

export const square = (
  x: number,
  y: number,
  sideM: number,
  properties: Record<string, unknown> = {},
  id?: string,
): Feature<Polygon> => ({
  type: 'Feature',
  ...(id === undefined ? {} : { id }),
  properties,
  geometry: {
    type: 'Polygon',
    coordinates: [
      (
        [
          [x, y],
          [x + sideM, y],
          [x + sideM, y + sideM],
          [x, y + sideM],
          [x, y],
        ] as const
      ).map((p) => P.toLonLat(p)),
    ],
  },
});

/** A polygon from its ring (closed here), in local metres. */
export const polygon = (
  ring: XYList,
  id?: string,
  properties: Record<string, unknown> = {},
): Feature<Polygon> => ({
  type: 'Feature',
  ...(id === undefined ? {} : { id }),
  properties,
  geometry: { type: 'Polygon', coordinates: [[...ring, ring[0]!].map((p) => P.toLonLat(p))] },
});

export const fc = <G extends Feature>(features: G[]): FeatureCollection<G['geometry']> => ({
  type: 'FeatureCollection',
  features,
});

/**
 * A street grid of nx × ny nodes, `spacingM` apart, from (0, 0): one line per row and per
 * column through every node, so crossings share vertices (as OSM junctions do).
 *
 *   (0,2s)──(s,2s)──(2s,2s)
 *     │       │       │
 *   (0,s)───(s,s)───(2s,s)
 *     │       │       │
 *   (0,0)───(s,0)───(2s,0)
 */
export const gridLines = (nx: number, ny: number, spacingM: number): Feature<LineString>[] => {
  const out: Feature<LineString>[] = [];
  for (let j = 0; j < ny; j++) {
    out.push(line(Array.from({ length: nx }, (_, i) => [i * spacingM, j * spacingM] as const)));
  }
  for (let i = 0; i < nx; i++) {
    out.push(line(Array.from({ length: ny }, (_, j) => [i * spacingM, j * spacingM] as const)));
  }
  return out;
};
