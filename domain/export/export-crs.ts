import { CRS_IDS, type CrsId } from '../geo/convert-crs';
import { cgcs2000GaussKruger, type GaussKrugerCrs } from './cgcs2000-gauss-kruger';

/** An export's coordinate system: a web-map geographic one, or a CGCS2000 Gauss-Krüger one. */
export type ExportCrs = { type: 'geographic'; id: CrsId } | { type: 'gk'; crs: GaussKrugerCrs };

/**
 * `?crs=` of the CAD/GIS exports: wgs84 | gcj02 | bd09 | a CGCS2000 Gauss-Krüger EPSG code
 * ("EPSG:4548", "epsg:4548" or "4548"). Undefined for anything else (the route answers 400).
 */
export function parseExportCrs(s: string): ExportCrs | undefined {
  const t = s.trim().toLowerCase();
  if ((CRS_IDS as readonly string[]).includes(t)) return { type: 'geographic', id: t as CrsId };
  const m = /^(?:epsg:)?(\d{4})$/.exec(t);
  const crs = m ? cgcs2000GaussKruger(Number(m[1])) : undefined;
  return crs ? { type: 'gk', crs } : undefined;
}
