import type { Geometry, Position } from 'geojson';
import { checkLonLat } from '../geo/check-lon-lat';
import { InputError } from '../geo/input-error';
import type { LocalProjection } from '../geo/local-projection';

/**
 * The points of a building or facility that may connect it to the walking network, in local
 * metres: a Point itself; for a (Multi)Polygon every vertex of its outer rings. The one
 * nearest to the network becomes the access point (it stands in for the door: the entrances of
 * old buildings are rarely mapped). Holes are ignored.
 */
export function accessCandidates(
  geometry: Geometry | null | undefined,
  projection: LocalProjection,
  what: { zh: string; en: string },
): [number, number][] {
  let rings: Position[][];
  if (geometry?.type === 'Point') rings = [[geometry.coordinates]];
  else if (geometry?.type === 'Polygon') rings = geometry.coordinates.slice(0, 1);
  else if (geometry?.type === 'MultiPolygon') rings = geometry.coordinates.map((p) => p[0] ?? []);
  else {
    throw new InputError(
      'NOT_POLYGON',
      `${what.zh}应为 Point、Polygon 或 MultiPolygon, 收到 ${String(geometry?.type)}`,
      `${what.en} must be a Point, Polygon or MultiPolygon, got ${String(geometry?.type)}`,
    );
  }
  const out: [number, number][] = [];
  for (const ring of rings) {
    checkLonLat(ring, what);
    for (const p of ring) out.push(projection.toLocal(p));
  }
  if (out.length === 0) {
    throw new InputError('TOO_FEW_POINTS', `${what.zh}没有坐标`, `${what.en} has no positions`);
  }
  return out;
}
