import type { Feature, Geometry, Position } from 'geojson';

export interface ScreenPoint {
  x: number;
  y: number;
}

/** Lines (as vertex lists) of a geometry: rings of polygons, lines, and points as 1-vertex lines. */
function linesOf(g: Geometry, out: Position[][]): void {
  switch (g.type) {
    case 'Point':
      out.push([g.coordinates]);
      break;
    case 'MultiPoint':
      for (const p of g.coordinates) out.push([p]);
      break;
    case 'LineString':
      out.push(g.coordinates);
      break;
    case 'MultiLineString':
    case 'Polygon':
      out.push(...g.coordinates);
      break;
    case 'MultiPolygon':
      for (const p of g.coordinates) out.push(...p);
      break;
    case 'GeometryCollection':
      for (const c of g.geometries) linesOf(c, out);
  }
}

/**
 * The point to snap to near the pointer: the nearest vertex of the given features within
 * `tolerancePx` screen pixels, else the nearest point on one of their edges within it, else
 * undefined. Vertices win over edges so that corners are easy to hit. Works in screen pixels,
 * so the tolerance feels the same at every zoom.
 */
export function snapToFeatures(
  pointer: ScreenPoint,
  features: readonly Feature[],
  project: (lng: number, lat: number) => ScreenPoint,
  unproject: (x: number, y: number) => { lng: number; lat: number },
  tolerancePx = 10,
): Position | undefined {
  let bestVertex: Position | undefined;
  let bestVertexD = tolerancePx;
  let bestEdge: ScreenPoint | undefined;
  let bestEdgeD = tolerancePx;
  const lines: Position[][] = [];
  for (const f of features) if (f.geometry) linesOf(f.geometry, lines);
  for (const line of lines) {
    let prev: ScreenPoint | undefined;
    for (const pos of line) {
      const p = project(pos[0] as number, pos[1] as number);
      const d = Math.hypot(p.x - pointer.x, p.y - pointer.y);
      if (d < bestVertexD) {
        bestVertexD = d;
        bestVertex = [pos[0] as number, pos[1] as number];
      }
      if (prev) {
        const dx = p.x - prev.x;
        const dy = p.y - prev.y;
        const len2 = dx * dx + dy * dy;
        if (len2 > 0) {
          const t = Math.max(
            0,
            Math.min(1, ((pointer.x - prev.x) * dx + (pointer.y - prev.y) * dy) / len2),
          );
          const q = { x: prev.x + t * dx, y: prev.y + t * dy };
          const de = Math.hypot(q.x - pointer.x, q.y - pointer.y);
          if (de < bestEdgeD) {
            bestEdgeD = de;
            bestEdge = q;
          }
        }
      }
      prev = p;
    }
  }
  if (bestVertex) return bestVertex;
  if (bestEdge) {
    const ll = unproject(bestEdge.x, bestEdge.y);
    return [ll.lng, ll.lat];
  }
  return undefined;
}
