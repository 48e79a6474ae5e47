import type { Geometry, Position } from 'geojson';
import type { Bbox } from '../api/types';

const visit = (g: Geometry, each: (p: Position) => void): void => {
  switch (g.type) {
    case 'Point':
      each(g.coordinates);
      break;
    case 'MultiPoint':
    case 'LineString':
      g.coordinates.forEach(each);
      break;
    case 'MultiLineString':
    case 'Polygon':
      g.coordinates.forEach((line) => line.forEach(each));
      break;
    case 'MultiPolygon':
      g.coordinates.forEach((poly) => poly.forEach((ring) => ring.forEach(each)));
      break;
    case 'GeometryCollection':
      g.geometries.forEach((child) => visit(child, each));
      break;
  }
};

/** [w, s, e, n] of some geometries, or undefined when they hold no coordinates. */
export function bboxOf(geometries: readonly (Geometry | null)[]): Bbox | undefined {
  let w = Infinity;
  let s = Infinity;
  let e = -Infinity;
  let n = -Infinity;
  for (const g of geometries) {
    if (!g) continue;
    visit(g, ([x = NaN, y = NaN]) => {
      if (!Number.isFinite(x) || !Number.isFinite(y)) return;
      w = Math.min(w, x);
      s = Math.min(s, y);
      e = Math.max(e, x);
      n = Math.max(n, y);
    });
  }
  return Number.isFinite(w) ? [w, s, e, n] : undefined;
}
