import type { Geometry, Position } from 'geojson';

/** Signed area (shoelace, degrees²) and centroid of one ring; fine at community scale. */
const ringCentroid = (ring: readonly Position[]): { area: number; x: number; y: number } => {
  let a = 0;
  let cx = 0;
  let cy = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [x0 = 0, y0 = 0] = ring[j] ?? [];
    const [x1 = 0, y1 = 0] = ring[i] ?? [];
    const f = x0 * y1 - x1 * y0;
    a += f;
    cx += (x0 + x1) * f;
    cy += (y0 + y1) * f;
  }
  if (a === 0) {
    const [x = 0, y = 0] = ring[0] ?? [];
    return { area: 0, x, y };
  }
  return { area: Math.abs(a / 2), x: cx / (3 * a), y: cy / (3 * a) };
};

/**
 * Where to put a feature's label: a point itself, the middle vertex of a line, or the centroid
 * of a polygon's largest outer ring (a MultiPolygon labels its biggest part). Undefined for
 * empty geometries.
 */
export function labelPoint(g: Geometry | null): [number, number] | undefined {
  if (!g) return undefined;
  switch (g.type) {
    case 'Point':
      return [g.coordinates[0] ?? 0, g.coordinates[1] ?? 0];
    case 'MultiPoint':
    case 'LineString': {
      const p = g.coordinates[Math.floor(g.coordinates.length / 2)];
      return p ? [p[0] ?? 0, p[1] ?? 0] : undefined;
    }
    case 'MultiLineString':
      return labelPoint({ type: 'LineString', coordinates: g.coordinates[0] ?? [] });
    case 'Polygon': {
      const outer = g.coordinates[0];
      if (!outer || outer.length === 0) return undefined;
      const c = ringCentroid(outer);
      return [c.x, c.y];
    }
    case 'MultiPolygon': {
      let best: { area: number; x: number; y: number } | undefined;
      for (const poly of g.coordinates) {
        const outer = poly[0];
        if (!outer || outer.length === 0) continue;
        const c = ringCentroid(outer);
        if (!best || c.area > best.area) best = c;
      }
      return best ? [best.x, best.y] : undefined;
    }
    case 'GeometryCollection':
      return labelPoint(g.geometries[0] ?? null);
  }
}
