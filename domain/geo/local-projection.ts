import type { Position } from 'geojson';

/** A point in a local metric frame: x east, y north, metres from the origin. */
export type XY = readonly [number, number];

/** WGS84 lon/lat ⇄ metres on the tangent plane at `origin`. */
export interface LocalProjection {
  readonly origin: readonly [number, number];
  toLocal(p: Position): [number, number];
  toLonLat(p: XY): [number, number];
}

// WGS84 ellipsoid (EPSG:4326 / EPSG:7030).
const A_M = 6378137;
const F = 1 / 298.257223563;
const E2 = F * (2 - F);
const B_M = A_M * (1 - F);
const DEG = Math.PI / 180;

/** Earth-centred, earth-fixed coordinates of a point on the ellipsoid surface (height 0). */
const ecef = (lonDeg: number, latDeg: number): [number, number, number] => {
  const lon = lonDeg * DEG;
  const lat = latDeg * DEG;
  const sinLat = Math.sin(lat);
  const n = A_M / Math.sqrt(1 - E2 * sinLat * sinLat);
  const cosLat = Math.cos(lat);
  return [n * cosLat * Math.cos(lon), n * cosLat * Math.sin(lon), n * (1 - E2) * sinLat];
};

/**
 * A local tangent-plane (east-north) projection around `origin` on the WGS84 ellipsoid.
 * Forward: geodetic → ECEF → east/north components relative to the origin (height dropped,
 * an orthographic projection onto the tangent plane). Inverse: the point of the tangent-plane
 * normal through (x, y) that lies on the ellipsoid. Distances within 1 km of the origin are off
 * by less than d³/(2R²) ≈ 0.01 mm, far below the 1 cm the parking layout needs; the round trip
 * is exact to floating point (~1e-9 m).
 */
export function localProjection(origin: readonly [number, number]): LocalProjection {
  const [lon0, lat0] = origin;
  const o = ecef(lon0, lat0);
  const sl = Math.sin(lon0 * DEG);
  const cl = Math.cos(lon0 * DEG);
  const sp = Math.sin(lat0 * DEG);
  const cp = Math.cos(lat0 * DEG);
  const east = [-sl, cl, 0] as const;
  const north = [-sp * cl, -sp * sl, cp] as const;
  const up = [cp * cl, cp * sl, sp] as const;
  const a2 = A_M * A_M;
  const b2 = B_M * B_M;
  // Quadratic coefficient of the ellipsoid equation along `up`; constant for this origin.
  const qa = (up[0] * up[0] + up[1] * up[1]) / a2 + (up[2] * up[2]) / b2;

  return {
    origin: [lon0, lat0],
    toLocal(p) {
      const q = ecef(p[0] as number, p[1] as number);
      const dx = q[0] - o[0];
      const dy = q[1] - o[1];
      const dz = q[2] - o[2];
      return [
        dx * east[0] + dy * east[1] + dz * east[2],
        dx * north[0] + dy * north[1] + dz * north[2],
      ];
    },
    toLonLat([x, y]) {
      const qx = o[0] + x * east[0] + y * north[0];
      const qy = o[1] + x * east[1] + y * north[1];
      const qz = o[2] + x * east[2] + y * north[2];
      // Solve |Q + u·up| on the ellipsoid for the root u near 0 (numerically stable form).
      const qb = 2 * ((qx * up[0] + qy * up[1]) / a2 + (qz * up[2]) / b2);
      const qc = (qx * qx + qy * qy) / a2 + (qz * qz) / b2 - 1;
      const u = (-2 * qc) / (qb + Math.sqrt(qb * qb - 4 * qa * qc));
      const px = qx + u * up[0];
      const py = qy + u * up[1];
      const pz = qz + u * up[2];
      // On the surface (height 0) the geodetic latitude is exactly atan(z / (p·(1 − e²))).
      const lat = Math.atan2(pz, Math.hypot(px, py) * (1 - E2));
      return [Math.atan2(py, px) / DEG, lat / DEG];
    },
  };
}
