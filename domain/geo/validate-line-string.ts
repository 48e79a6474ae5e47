import type { LineString, Position } from 'geojson';
import { checkLonLat } from './check-lon-lat';
import { InputError } from './input-error';
import { localProjection, type LocalProjection, type XY } from './local-projection';

/** A checked polyline in local metres, without repeated consecutive points. */
export interface LocalLine {
  readonly projection: LocalProjection;
  readonly points: readonly XY[];
  readonly lengthM: number;
}

export interface ValidateLineLimits {
  readonly maxLengthM: number;
  readonly maxVertices: number;
}

const WHAT = { zh: '路缘线', en: 'Kerb line' };

/**
 * Checks a GeoJSON LineString in WGS84 lon/lat and projects it to metres on the tangent plane
 * at the mean of its vertices. Throws an InputError (zh + en) for: not a LineString, invalid or
 * swapped coordinates, fewer than 2 distinct positions, a length beyond `maxLengthM`, or too
 * many positions. Does not modify its input.
 */
export function validateLineString(geometry: unknown, limits: ValidateLineLimits): LocalLine {
  const g = geometry as Partial<LineString> | null;
  if (!g || typeof g !== 'object' || g.type !== 'LineString' || !Array.isArray(g.coordinates)) {
    throw new InputError(
      'NOT_LINE',
      `路缘线应为 LineString, 收到 ${g && typeof g === 'object' ? String(g.type) : typeof g}`,
      `Kerb must be a LineString, got ${g && typeof g === 'object' ? String(g.type) : typeof g}`,
    );
  }
  const coords = g.coordinates as Position[];
  checkLonLat(coords, WHAT);
  if (coords.length > limits.maxVertices) {
    throw new InputError(
      'TOO_MANY_POINTS',
      `路缘线顶点过多 (${coords.length} > ${limits.maxVertices})`,
      `Kerb line has too many positions (${coords.length} > ${limits.maxVertices})`,
    );
  }
  let sx = 0;
  let sy = 0;
  for (const p of coords) {
    sx += p[0] as number;
    sy += p[1] as number;
  }
  const projection = localProjection([sx / coords.length, sy / coords.length]);
  const points: XY[] = [];
  for (const p of coords) {
    const q = projection.toLocal(p);
    const last = points[points.length - 1];
    if (!last || Math.hypot(q[0] - last[0], q[1] - last[1]) > 1e-6) points.push(q);
  }
  if (points.length < 2) {
    throw new InputError(
      'TOO_FEW_POINTS',
      '路缘线至少需要 2 个不同的点',
      'A kerb line needs at least 2 distinct positions',
    );
  }
  let lengthM = 0;
  for (let i = 1; i < points.length; i++) {
    const a = points[i - 1] as XY;
    const b = points[i] as XY;
    lengthM += Math.hypot(b[0] - a[0], b[1] - a[1]);
  }
  if (lengthM > limits.maxLengthM) {
    throw new InputError(
      'TOO_LARGE',
      `路缘线长 ${lengthM.toFixed(0)} m 超过上限 ${limits.maxLengthM} m, 请分段生成`,
      `Kerb line is ${lengthM.toFixed(0)} m long, beyond the ${limits.maxLengthM} m limit; split it`,
    );
  }
  return { projection, points, lengthM };
}
