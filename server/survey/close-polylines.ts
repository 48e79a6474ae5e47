import type { Position } from 'geojson';

/** A polyline is a ring when it has 4+ vertices and its ends are within `tol` (file units). */
export function closedRing(coords: Position[], tol: number): boolean {
  if (coords.length < 4) return false;
  const a = coords[0]!;
  const b = coords[coords.length - 1]!;
  return Math.hypot(a[0]! - b[0]!, a[1]! - b[1]!) <= tol;
}

/** The ring with its last vertex set exactly to the first (GeoJSON needs them equal). */
export const closeRing = (coords: Position[]): Position[] =>
  closedRing(coords, 0) ? coords : [...coords.slice(0, -1), coords[0]!];
