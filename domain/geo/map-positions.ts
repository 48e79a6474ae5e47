import type { Feature, FeatureCollection, Geometry, Position } from 'geojson';

/** A copy of `g` with every position replaced by `fn(position)`; never mutates input. */
export function mapGeometry(g: Geometry, fn: (p: Position) => Position): Geometry {
  const walk = (c: unknown): unknown =>
    Array.isArray(c) && typeof c[0] !== 'object' ? fn(c as Position) : (c as unknown[]).map(walk);
  return g.type === 'GeometryCollection'
    ? { ...g, geometries: g.geometries.map((x) => mapGeometry(x, fn)) }
    : ({ ...g, coordinates: walk(g.coordinates) } as Geometry);
}

/**
 * A copy of `fc` with every position replaced by `fn(position)`: points, lines, rings and
 * geometry collections alike; features without a geometry pass through. Never mutates input.
 * The one coordinate walk of the CRS conversions (convert-crs, project-to-gauss-kruger) and the
 * survey reader (block transforms, dropping Z).
 */
export function mapPositions<F extends FeatureCollection>(fc: F, fn: (p: Position) => Position): F {
  return {
    ...fc,
    features: fc.features.map((f): Feature =>
      f.geometry ? { ...f, geometry: mapGeometry(f.geometry, fn) } : f,
    ),
  };
}
