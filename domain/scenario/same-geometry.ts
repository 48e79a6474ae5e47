import type { Geometry } from 'geojson';

/**
 * Whether two geometries are the same shape to within `toleranceDeg` per coordinate (default
 * 1e-7°, about 1 cm: the API writes 7 decimals, so a copy read back is equal). Same type, same
 * nesting, same vertex order: a redrawn ring that starts elsewhere counts as changed, which is
 * what a planner means by "moved or reshaped".
 */
export function sameGeometry(a: Geometry, b: Geometry, toleranceDeg = 1e-7): boolean {
  if (a.type !== b.type) return false;
  if (a.type === 'GeometryCollection' || b.type === 'GeometryCollection') {
    const ga = (a as { geometries: Geometry[] }).geometries;
    const gb = (b as { geometries: Geometry[] }).geometries;
    return ga.length === gb.length && ga.every((g, i) => sameGeometry(g, gb[i]!, toleranceDeg));
  }
  const same = (x: unknown, y: unknown): boolean => {
    if (typeof x === 'number' || typeof y === 'number')
      return typeof x === 'number' && typeof y === 'number' && Math.abs(x - y) <= toleranceDeg;
    const xs = x as unknown[];
    const ys = y as unknown[];
    return xs.length === ys.length && xs.every((v, i) => same(v, ys[i]));
  };
  return same(a.coordinates, b.coordinates);
}
