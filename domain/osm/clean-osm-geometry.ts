import type { Geometry, LineString, MultiPolygon, Polygon, Position } from 'geojson';

export interface CleanedGeometry {
  /** Undefined when nothing usable is left. */
  readonly geometry: Geometry | undefined;
  /** Why the geometry was dropped or what was repaired, for the import warnings. */
  readonly notes: readonly string[];
}

const isFinitePosition = (p: Position): boolean =>
  p.length >= 2 && Number.isFinite(p[0]) && Number.isFinite(p[1]);

const samePosition = (a: Position, b: Position): boolean => a[0] === b[0] && a[1] === b[1];

/** Drops non-finite positions and consecutive repeats (a node listed twice in a row). */
const dedupe = (line: readonly Position[]): Position[] => {
  const out: Position[] = [];
  for (const p of line) {
    if (!isFinitePosition(p)) continue;
    const last = out[out.length - 1];
    if (last === undefined || !samePosition(last, p)) out.push([p[0] as number, p[1] as number]);
  }
  return out;
};

/** Twice the signed area in square degrees (shoelace); only compared against zero. */
const ringArea2 = (ring: readonly Position[]): number => {
  let sum = 0;
  for (let i = 0; i + 1 < ring.length; i++) {
    const a = ring[i] as Position;
    const b = ring[i + 1] as Position;
    sum += (a[0] as number) * (b[1] as number) - (b[0] as number) * (a[1] as number);
  }
  return sum;
};

/** About 1 cm² at Beijing's latitude, in square degrees: below it a ring has no area. */
const MIN_AREA2_SQ_DEG = 2e-18;

/** A closed ring with at least 3 distinct points and non-zero area, or undefined. */
const cleanRing = (ring: readonly Position[]): Position[] | undefined => {
  const out = dedupe(ring);
  const first = out[0];
  const last = out[out.length - 1];
  if (first === undefined || last === undefined) return undefined;
  if (!samePosition(first, last)) out.push([...first]);
  const distinct = new Set(out.map((p) => `${p[0]},${p[1]}`));
  if (distinct.size < 3 || out.length < 4) return undefined;
  return Math.abs(ringArea2(out)) > MIN_AREA2_SQ_DEG ? out : undefined;
};

const cleanPolygon = (
  rings: readonly (readonly Position[])[],
  notes: string[],
): Position[][] | undefined => {
  const [outer, ...inners] = rings;
  const cleanOuter = outer === undefined ? undefined : cleanRing(outer);
  if (cleanOuter === undefined) return undefined;
  const holes: Position[][] = [];
  for (const inner of inners) {
    const hole = cleanRing(inner);
    if (hole === undefined) notes.push('removed a degenerate inner ring');
    else holes.push(hole);
  }
  return [cleanOuter, ...holes];
};

const cleanLine = (line: readonly Position[]): Position[] | undefined => {
  const out = dedupe(line);
  return out.length >= 2 ? out : undefined;
};

/**
 * Makes an osmtogeojson geometry safe to store, or says why it cannot be: drops repeated
 * and non-finite positions, closes open rings, removes degenerate holes and parts, and drops
 * lines of zero length and polygons with fewer than 3 distinct points or no area. Never
 * mutates its input. Self-intersections are not repaired here (the database can).
 */
export const cleanOsmGeometry = (geometry: Geometry | null): CleanedGeometry => {
  const notes: string[] = [];
  if (geometry === null) return { geometry: undefined, notes: ['no geometry'] };
  switch (geometry.type) {
    case 'Point':
      return isFinitePosition(geometry.coordinates)
        ? { geometry: { type: 'Point', coordinates: [...geometry.coordinates] }, notes }
        : { geometry: undefined, notes: ['point without valid coordinates'] };
    case 'MultiPoint': {
      const coordinates = geometry.coordinates.filter(isFinitePosition).map((p) => [...p]);
      return coordinates.length > 0
        ? { geometry: { type: 'MultiPoint', coordinates }, notes }
        : { geometry: undefined, notes: ['multipoint without valid coordinates'] };
    }
    case 'LineString': {
      const coordinates = cleanLine(geometry.coordinates);
      return coordinates
        ? { geometry: { type: 'LineString', coordinates } satisfies LineString, notes }
        : { geometry: undefined, notes: ['zero-length line (fewer than 2 distinct points)'] };
    }
    case 'MultiLineString': {
      const lines = geometry.coordinates.map(cleanLine);
      const coordinates = lines.filter((l): l is Position[] => l !== undefined);
      if (coordinates.length < lines.length) notes.push('removed zero-length parts');
      return coordinates.length > 0
        ? { geometry: { type: 'MultiLineString', coordinates }, notes }
        : { geometry: undefined, notes: ['zero-length lines only'] };
    }
    case 'Polygon': {
      const coordinates = cleanPolygon(geometry.coordinates, notes);
      return coordinates
        ? { geometry: { type: 'Polygon', coordinates } satisfies Polygon, notes }
        : {
            geometry: undefined,
            notes: ['degenerate polygon (fewer than 3 distinct points or no area)'],
          };
    }
    case 'MultiPolygon': {
      const polygons = geometry.coordinates.map((p) => cleanPolygon(p, notes));
      const coordinates = polygons.filter((p): p is Position[][] => p !== undefined);
      if (coordinates.length < polygons.length) notes.push('removed degenerate polygon parts');
      if (coordinates.length === 0) {
        return { geometry: undefined, notes: ['degenerate multipolygon (no part with area)'] };
      }
      return { geometry: { type: 'MultiPolygon', coordinates } satisfies MultiPolygon, notes };
    }
    case 'GeometryCollection':
      return { geometry: undefined, notes: ['geometry collections are not imported'] };
  }
};
