import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import JSZip from 'jszip';
import type { FeatureCollection } from 'geojson';
import { GIS_FIELDS, splitGisLayers } from '../../domain/export/split-gis-layers';
import { runOgr2ogr } from './run-ogr2ogr';

export interface GisExportCrs {
  /** What ogr2ogr labels the files with, e.g. EPSG:4548 or EPSG:4326. */
  readonly srs: string;
  /** A line for the README: the coordinate system in words (and the GCJ-02/BD-09 caveat). */
  readonly note: string;
}

const NGA_GEOMETRY = { polygon: 'MULTIPOLYGON', line: 'MULTILINESTRING', point: 'POINT' } as const;

/** Run `fn` in a fresh temporary directory that is removed afterwards, whatever happens. */
async function inTempDir<T>(fn: (dir: string) => Promise<T>): Promise<T> {
  const dir = await mkdtemp(join(tmpdir(), 'rpm-export-'));
  try {
    return await fn(dir);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

const readme = (title: string, crs: GisExportCrs, format: string) =>
  [
    title,
    '',
    `Format: ${format}`,
    `Coordinate system / 坐标系: ${crs.srs} — ${crs.note}`,
    'Encoding / 编码: UTF-8 (.cpg)',
    '',
    'Fields / 字段 (API property → field, ≤ 10 characters):',
    ...GIS_FIELDS.map(([from, to]) => `  ${from} → ${to}`),
    '',
  ].join('\r\n');

/**
 * A scenario as a zip of ESRI Shapefiles: one .shp/.shx/.dbf/.prj/.cpg set per kind and geometry
 * type (splitGisLayers), attributes UTF-8 (.cpg "UTF-8"), plus README.txt. `fc` is already in the
 * target coordinates; `crs.srs` only labels them (.prj). ogr2ogr writes each set from GeoJSON.
 */
export async function writeShapefileZip(
  fc: FeatureCollection,
  crs: GisExportCrs,
  title: string,
): Promise<Buffer> {
  return inTempDir(async (dir) => {
    const out = join(dir, 'out');
    const zip = new JSZip();
    for (const layer of splitGisLayers(fc)) {
      const src = join(dir, `${layer.name}.geojson`);
      await writeFile(src, JSON.stringify(layer.features));
      await runOgr2ogr([
        '-f',
        'ESRI Shapefile',
        '-a_srs',
        crs.srs,
        '-nln',
        layer.name,
        '-nlt',
        NGA_GEOMETRY[layer.geometryType],
        '-lco',
        'ENCODING=UTF-8',
        out,
        src,
      ]);
    }
    for (const name of (await readdir(out).catch(() => [] as string[])).sort())
      zip.file(name, await readFile(join(out, name)));
    zip.file('README.txt', readme(title, crs, 'ESRI Shapefile'));
    return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
  });
}

/**
 * A scenario as a GeoPackage: one table per kind (its geometry type when the kind has one, else
 * generic GEOMETRY), labelled with `crs.srs`, attributes as GIS_FIELDS.
 */
export async function writeGeoPackage(fc: FeatureCollection, crs: GisExportCrs): Promise<Buffer> {
  return inTempDir(async (dir) => {
    const out = join(dir, 'scenario.gpkg');
    const layers = splitGisLayers(fc);
    const kinds = [...new Set(layers.map((l) => l.kind))];
    for (const kind of kinds) {
      const parts = layers.filter((l) => l.kind === kind);
      const src = join(dir, `${kind}.geojson`);
      await writeFile(
        src,
        JSON.stringify({
          type: 'FeatureCollection',
          features: parts.flatMap((l) => l.features.features),
        }),
      );
      await runOgr2ogr([
        '-f',
        'GPKG',
        ...(kinds[0] === kind ? [] : ['-update']),
        '-a_srs',
        crs.srs,
        '-nln',
        kind,
        // Keep `id` an attribute (GDAL would make it the FID column); fid is GDAL's own.
        '-lco',
        'FID=fid',
        '-nlt',
        parts.length === 1 ? NGA_GEOMETRY[parts[0]!.geometryType] : 'GEOMETRY',
        out,
        src,
      ]);
    }
    if (kinds.length === 0) {
      // An empty scenario still gives a valid GeoPackage (one empty table).
      const src = join(dir, 'features.geojson');
      await writeFile(src, '{"type":"FeatureCollection","features":[]}');
      await runOgr2ogr(['-f', 'GPKG', '-a_srs', crs.srs, '-nln', 'features', out, src]);
    }
    return readFile(out);
  });
}
