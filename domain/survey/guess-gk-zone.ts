export interface ZoneGuess {
  /** "EPSG:4548"; "EPSG:4326" for coordinates that already look like longitude/latitude. */
  epsg: string;
  reason: { zh: string; en: string };
}

/** Central meridian of the 3° zone containing a longitude (zones centred on multiples of 3°). */
export const cm3 = (lon: number): number => Math.round(lon / 3) * 3;

/** EPSG code of CGCS2000 3° Gauss-Krüger without zone prefix for a central meridian (75–135°E). */
export const epsgOfCm3 = (cm: number): number => 4534 + (cm - 75) / 3;

/**
 * Guess the CRS of survey coordinates from their bounds [minX, minY, maxX, maxY] (x = easting).
 * - x ≥ 10⁷: the millions carry the zone number. 3° zones 25–45 → EPSG:4513–4533, 6° zones
 *   13–23 → EPSG:4491–4501 (the ranges do not overlap, so the prefix says which).
 * - x in 10⁵–9·10⁵ and y in 2·10⁵–6·10⁶: GK without prefix (false easting 500 km); the central
 *   meridian cannot be read from the numbers, so it comes from `nearLon` (the target
 *   community's longitude) → 3° EPSG:4534–4554.
 * - |x| ≤ 180, |y| ≤ 90: degrees (WGS84 or CGCS2000 geographic, indistinguishable here).
 * Otherwise null: a local grid or wrong units, which the planner must say.
 */
export function guessGkZone(
  bounds: readonly [number, number, number, number],
  nearLon?: number,
): ZoneGuess | null {
  const [minX, minY, maxX, maxY] = bounds;
  if (minX >= 1e7 && maxX < 1e8) {
    const zone = Math.floor(minX / 1e6);
    if (zone !== Math.floor(maxX / 1e6)) return null;
    if (zone >= 25 && zone <= 45) {
      const cm = zone * 3;
      return {
        epsg: `EPSG:${4513 + zone - 25}`,
        reason: {
          zh: `横坐标带号 ${zone}: 3° 带, 中央经线 ${cm}°E`,
          en: `easting carries zone ${zone}: 3° zone, central meridian ${cm}°E`,
        },
      };
    }
    if (zone >= 13 && zone <= 23) {
      const cm = zone * 6 - 3;
      return {
        epsg: `EPSG:${4491 + zone - 13}`,
        reason: {
          zh: `横坐标带号 ${zone}: 6° 带, 中央经线 ${cm}°E`,
          en: `easting carries zone ${zone}: 6° zone, central meridian ${cm}°E`,
        },
      };
    }
    return null;
  }
  if (minX >= 1e5 && maxX <= 9e5 && minY >= 2e5 && maxY <= 6e6) {
    if (nearLon === undefined || nearLon < 73.5 || nearLon > 136.5) return null;
    const cm = cm3(nearLon);
    return {
      epsg: `EPSG:${epsgOfCm3(cm)}`,
      reason: {
        zh: `坐标无带号 (横坐标约 ${Math.round((minX + maxX) / 2000)} km): 按目标小区经度 ${nearLon.toFixed(2)}°E 取 3° 带中央经线 ${cm}°E`,
        en: `no zone prefix (easting ≈ ${Math.round((minX + maxX) / 2000)} km): 3° zone from the target community's longitude ${nearLon.toFixed(2)}°E, central meridian ${cm}°E`,
      },
    };
  }
  if (minX >= -180 && maxX <= 180 && minY >= -90 && maxY <= 90) {
    return {
      epsg: 'EPSG:4326',
      reason: { zh: '坐标为经纬度 (度)', en: 'coordinates are longitude/latitude degrees' },
    };
  }
  return null;
}
