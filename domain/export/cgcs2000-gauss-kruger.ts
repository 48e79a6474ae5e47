/**
 * CGCS2000 Gauss-Krüger projected coordinate systems (国家2000坐标系 高斯-克吕格投影), the
 * coordinates of Chinese survey drawings (地形图/现状测绘). Four EPSG families:
 * - 3° zones without zone prefix, "CM" (central meridian) systems: EPSG:4534–4554, CM 75°E–135°E,
 *   false easting 500 000 m;
 * - 3° zones with the zone number as easting prefix: EPSG:4513–4533, zones 25–45 (CM = 3 × zone),
 *   false easting zone × 10⁶ + 500 000 m;
 * - 6° zones with prefix: EPSG:4491–4501, zones 13–23 (CM = 6 × zone − 3);
 * - 6° zones without prefix: EPSG:4502–4512, CM 75°E–135°E.
 * All on the CGCS2000 ellipsoid (GRS80 parameters to 0.1 mm), scale 1 on the central meridian.
 * Stored WGS84 positions are used as CGCS2000 ones: the two frames differ by a few centimetres,
 * which PROJ too treats as a null transformation.
 */
export interface GaussKrugerCrs {
  /** e.g. 4548 */
  readonly epsg: number;
  /** 3 or 6 (degrees of longitude per zone). */
  readonly zoneWidthDeg: 3 | 6;
  /** Zone number (3°: CM / 3; 6°: (CM + 3) / 6). */
  readonly zone: number;
  readonly centralMeridianDeg: number;
  /** True when the easting carries the zone number (false easting zone × 10⁶ + 500 000 m). */
  readonly zonePrefix: boolean;
  readonly falseEastingM: number;
  /** proj4 definition (proj4js and PROJ accept it). */
  readonly proj4: string;
  readonly label: { zh: string; en: string };
}

const gk = (epsg: number, zoneWidthDeg: 3 | 6, cm: number, zonePrefix: boolean): GaussKrugerCrs => {
  const zone = zoneWidthDeg === 3 ? cm / 3 : (cm + 3) / 6;
  const falseEastingM = zonePrefix ? zone * 1_000_000 + 500_000 : 500_000;
  const kind = `${zoneWidthDeg}°`;
  return {
    epsg,
    zoneWidthDeg,
    zone,
    centralMeridianDeg: cm,
    zonePrefix,
    falseEastingM,
    proj4: `+proj=tmerc +lat_0=0 +lon_0=${cm} +k=1 +x_0=${falseEastingM} +y_0=0 +ellps=GRS80 +units=m +no_defs`,
    label: zonePrefix
      ? {
          zh: `CGCS2000 ${kind} 高斯-克吕格 第${zone}带 (带号前缀, 中央经线 ${cm}°E)`,
          en: `CGCS2000 ${kind} Gauss-Krüger zone ${zone} (zone-prefixed easting, CM ${cm}°E)`,
        }
      : {
          zh: `CGCS2000 ${kind} 高斯-克吕格 中央经线 ${cm}°E`,
          en: `CGCS2000 ${kind} Gauss-Krüger CM ${cm}°E`,
        },
  };
};

/** The CGCS2000 Gauss-Krüger system of an EPSG code, or undefined for any other code. */
export function cgcs2000GaussKruger(epsg: number): GaussKrugerCrs | undefined {
  if (!Number.isInteger(epsg)) return undefined;
  if (epsg >= 4534 && epsg <= 4554) return gk(epsg, 3, 75 + 3 * (epsg - 4534), false);
  if (epsg >= 4513 && epsg <= 4533) return gk(epsg, 3, 75 + 3 * (epsg - 4513), true);
  if (epsg >= 4491 && epsg <= 4501) return gk(epsg, 6, 75 + 6 * (epsg - 4491), true);
  if (epsg >= 4502 && epsg <= 4512) return gk(epsg, 6, 75 + 6 * (epsg - 4502), false);
  return undefined;
}

/**
 * The 3° CM system (EPSG:4534–4554) whose zone holds `lonDeg`: the central meridian nearest to
 * it, clamped to China's 75°E–135°E. Haidian, Beijing (116.35°E) → CM 117°E → EPSG:4548.
 */
export function gaussKrugerZoneFor(lonDeg: number): GaussKrugerCrs {
  const cm = Math.min(135, Math.max(75, 3 * Math.round(lonDeg / 3)));
  return cgcs2000GaussKruger(4534 + (cm - 75) / 3)!;
}
