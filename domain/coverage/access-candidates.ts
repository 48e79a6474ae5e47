import type { Geometry, Position } from 'geojson';
import { checkLonLat } from '../geo/check-lon-lat';
import { InputError } from '../geo/input-error';
import type { LocalProjection } from '../geo/local-projection';

/** Spacing (m) of the points sampled along a footprint's outline; at most MAX_SAMPLES each. */
const STEP_M = 1;
const MAX_SAMPLES = 2000;

/**
 * The points of a building or facility that may connect it to the walking network, in local
 * metres: a Point itself; for a (Multi)Polygon every vertex of its outer rings and points every
 * STEP_M metres along their edges (more sparsely past MAX_SAMPLES points), so the one nearest to
 * the network is the footprint's nearest point to it within STEP_M / 2, not only its nearest
 * corner. It stands in for the door when no entrance is mapped (entrance-points.ts); the
 * caller flags it as an estimate. Holes are ignored.
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
  const local = rings.map((ring) => {
    checkLonLat(ring, what);
    return ring.map((p) => projection.toLocal(p));
  });
  let perimeterM = 0;
  for (const r of local) {
    for (let i = 1; i < r.length; i++) {
      perimeterM += Math.hypot(r[i]![0] - r[i - 1]![0], r[i]![1] - r[i - 1]![1]);
    }
  }
  const stepM = Math.max(STEP_M, perimeterM / MAX_SAMPLES);
  for (const r of local) {
    r.forEach((p, i) => {
      out.push(p);
      const q = r[i + 1];
      if (!q) return;
      const n = Math.floor(Math.hypot(q[0] - p[0], q[1] - p[1]) / stepM);
      for (let k = 1; k < n; k++) {
        out.push([p[0] + ((q[0] - p[0]) * k) / n, p[1] + ((q[1] - p[1]) * k) / n]);
      }
    });
  }
  if (out.length === 0) {
    throw new InputError('TOO_FEW_POINTS', `${what.zh}没有坐标`, `${what.en} has no positions`);
  }
  return out;
}
