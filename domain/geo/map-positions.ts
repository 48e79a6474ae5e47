import type { Feature, FeatureCollection, Geometry, Position } from 'geojson';

/**
 * A copy of `fc` with every position replaced by `fn(position)`: points, lines, rings and
 * geometry collections alike; features without a geometry pass through. Never mutates input.
 * The one coordinate walk that the CRS conversions (convert-crs, project-to-gauss-kruger) share.
 */
export function mapPositions<F extends FeatureCollection>(fc: F, fn: (p: Position) => Position): F {
  const walk = (c: unknown): unknown =>
    Array.isArray(c) && typeof c[0] !== 'object' ? fn(c as Position) : (c as unknown[]).map(walk);
  const geometry = (g: Geometry): Geometry =>
    g.type === 'GeometryCollection'
      ? { ...g, geometries: g.geometries.map(geometry) }
      : ({ ...g, coordinates: walk(g.coordinates) } as Geometry);
  return {
    ...fc,
    features: fc.features.map((f): Feature =>
      f.geometry ? { ...f, geometry: geometry(f.geometry) } : f,
    ),
  };
}
