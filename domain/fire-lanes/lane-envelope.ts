import type { MultiPolygon, Polygon, Position } from 'geojson';
import { featureCollection, polygon, union } from '@turf/turf';
import { bufferPolyline } from '../geo/buffer-polyline';
import type { XY } from '../geo/local-projection';
import { ringSignedArea } from '../geo/ring-signed-area';
import { bboxesNear, bboxOfPoints } from './bbox-m';
import type { ShapeM } from './types';

const closed = (r: readonly XY[]): Position[] => [...r, r[0] as XY].map((p) => [p[0], p[1]]);

/** Sutherland–Hodgman: the part of `subject` inside the convex counter-clockwise ring `clip`. */
const clipConvex = (subject: readonly XY[], clip: readonly XY[]): XY[] => {
  let out: XY[] = [...subject];
  for (let i = 0; i < clip.length && out.length > 0; i++) {
    const a = clip[i] as XY;
    const b = clip[(i + 1) % clip.length] as XY;
    const side = (p: XY) => (b[0] - a[0]) * (p[1] - a[1]) - (b[1] - a[1]) * (p[0] - a[0]);
    const input = out;
    out = [];
    for (let k = 0; k < input.length; k++) {
      const p = input[k] as XY;
      const q = input[(k + 1) % input.length] as XY;
      const sp = side(p);
      const sq = side(q);
      if (sp >= 0) out.push(p);
      if (sp >= 0 !== sq >= 0) {
        const t = sp / (sp - sq);
        out.push([p[0] + t * (q[0] - p[0]), p[1] + t * (q[1] - p[1])]);
      }
    }
  }
  return out;
};

/**
 * The part of a shape's polygons inside a centreline's clear-width envelope (local metres), or
 * null. The envelope is `bufferPolyline`'s pieces (a rectangle per segment, a 16-gon per vertex
 * that contains the round join: slightly conservative at vertices); each outer ring is clipped
 * against each convex piece near it (holes ignored: the result is where to look, not an area
 * to bill), and several pieces are merged with Turf's planar union. Only features already
 * known to intrude are clipped, so this runs a handful of times per lane.
 */
export function clipToEnvelope(
  points: readonly XY[],
  halfM: number,
  shape: ShapeM,
): Polygon | MultiPolygon | null {
  const parts: XY[][] = [];
  for (const piece of bufferPolyline(points, halfM)) {
    if (!bboxesNear(bboxOfPoints(piece), shape.bbox, 0)) continue;
    for (const poly of shape.polygons) {
      const outer = poly[0] ?? [];
      const ccw = ringSignedArea(outer) >= 0 ? outer : [...outer].reverse();
      const part = clipConvex(ccw, piece);
      if (part.length >= 3 && Math.abs(ringSignedArea(part)) > 1e-6) parts.push(part);
    }
  }
  if (parts.length === 0) return null;
  if (parts.length === 1) return { type: 'Polygon', coordinates: [closed(parts[0] as XY[])] };
  const merged = union(featureCollection(parts.map((p) => polygon([closed(p)]))));
  return merged?.geometry ?? { type: 'MultiPolygon', coordinates: parts.map((p) => [closed(p)]) };
}
