import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ApiError } from '../http/api-error';

export const SURVEY_FORMATS = ['dxf', 'shapefile', 'gpkg', 'kml', 'geojson', 'csv'] as const;
export type SurveyFormat = (typeof SURVEY_FORMATS)[number];

/** What GDAL opens: the path (/vsizip/ for a zipped shapefile), open options, config env. */
export interface SurveyDataset {
  format: SurveyFormat;
  path: string;
  openOptions: string[];
  env: Record<string, string>;
}

/** The format from the file name, or from the first bytes when the name says nothing. */
export function detectSurveyFormat(fileName: string, bytes: Buffer): SurveyFormat {
  const ext = fileName.toLowerCase().split('.').pop() ?? '';
  const byExt: Record<string, SurveyFormat> = {
    dxf: 'dxf',
    zip: 'shapefile',
    gpkg: 'gpkg',
    kml: 'kml',
    geojson: 'geojson',
    json: 'geojson',
    csv: 'csv',
  };
  if (byExt[ext]) return byExt[ext];
  const head = bytes.subarray(0, 64).toString('latin1');
  if (head.startsWith('PK')) return 'shapefile';
  if (head.startsWith('SQLite format 3')) return 'gpkg';
  if (/^\s*0\s*\r?\n\s*SECTION/.test(head)) return 'dxf';
  if (head.includes('<kml') || head.startsWith('<?xml')) return 'kml';
  if (head.trimStart().startsWith('{')) return 'geojson';
  throw new ApiError('UNREADABLE_FILE', {
    zh: '无法识别文件格式: 支持 DXF、Shapefile (.zip)、GeoPackage、KML、GeoJSON、CSV',
    en: 'Unknown file format: DXF, Shapefile (.zip), GeoPackage, KML, GeoJSON and CSV are read',
  });
}

/**
 * DXF: blocks are NOT inlined (DXF_INLINE_BLOCKS=FALSE): INSERTs come as points with
 * BlockName/BlockAngle/BlockScale and the block definitions as a `blocks` layer, so a tree
 * block gives its insertion point and a stall block is exploded here with its transform.
 * Arcs, circles and bulges are densified by GDAL every OGR_ARC_STEPSIZE degrees (4°, the
 * default, said explicitly: a 5 m arc then deviates < 3 mm from the true curve).
 * CSV: coordinates from x/y, lon/lat, 经度/纬度 columns or a WKT column.
 */
const DXF_ENV = { DXF_INLINE_BLOCKS: 'FALSE', OGR_ARC_STEPSIZE: '4' };
/**
 * AutoCAD 2007 and later (AC1021+) store text as UTF-8 whatever $DWGCODEPAGE says; GDAL 3.6
 * does not infer it and would decode our own exports (and real 2007+ drawings) as ANSI_1252.
 */
function dxfEnv(bytes: Buffer): Record<string, string> {
  const head = bytes.subarray(0, 4096).toString('latin1');
  const version = /\$ACADVER\s*\r?\n\s*1\s*\r?\n\s*AC(\d{4})/.exec(head)?.[1];
  return version && Number(version) >= 1021 ? { ...DXF_ENV, DXF_ENCODING: 'UTF-8' } : DXF_ENV;
}

const CSV_OPTIONS = [
  'X_POSSIBLE_NAMES=x,X,lon,lng,longitude,经度,东坐标,easting',
  'Y_POSSIBLE_NAMES=y,Y,lat,latitude,纬度,北坐标,northing',
  'GEOM_POSSIBLE_NAMES=WKT,wkt,geometry',
  'KEEP_GEOM_COLUMNS=NO',
  'AUTODETECT_TYPE=YES',
];

/** Write the upload to a private temp directory, run `fn` on it, always remove it. */
export async function withSurveyDataset<T>(
  bytes: Buffer,
  fileName: string,
  fn: (ds: SurveyDataset) => Promise<T>,
): Promise<T> {
  const format = detectSurveyFormat(fileName, bytes);
  const dir = await mkdtemp(join(tmpdir(), 'rpm-survey-'));
  const ext = {
    dxf: 'dxf',
    shapefile: 'zip',
    gpkg: 'gpkg',
    kml: 'kml',
    geojson: 'geojson',
    csv: 'csv',
  }[format];
  const file = join(dir, `upload.${ext}`);
  try {
    await writeFile(file, bytes);
    return await fn({
      format,
      path: format === 'shapefile' ? `/vsizip/${file}` : file,
      openOptions: format === 'csv' ? CSV_OPTIONS : [],
      env: format === 'dxf' ? dxfEnv(bytes) : {},
    });
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
