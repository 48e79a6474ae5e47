import { spawn } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Feature } from 'geojson';
import { gdalLines, GDAL_TIMEOUT_MS } from './run-gdal';

/**
 * Reproject features with GDAL/PROJ (ogr2ogr -s_srs … -t_srs EPSG:4326), in input order.
 * Both ends use the traditional GIS axis order (easting, northing / lon, lat), which is what
 * ogr2ogr applies to -s_srs/-t_srs. 9 decimals of a degree ≈ 0.1 mm.
 */
export async function reprojectFeatures(
  features: Feature[],
  fromSrs: string,
  toSrs = 'EPSG:4326',
): Promise<Feature[]> {
  if (features.length === 0) return [];
  const dir = await mkdtemp(join(tmpdir(), 'rpm-survey-proj-'));
  try {
    const file = join(dir, 'in.geojsonl');
    await writeFile(file, features.map((f) => JSON.stringify(f)).join('\n') + '\n');
    const out: Feature[] = [];
    await gdalLines(
      'ogr2ogr',
      [
        '-f',
        'GeoJSONSeq',
        '/vsistdout/',
        file,
        '-s_srs',
        fromSrs,
        '-t_srs',
        toSrs,
        '-lco',
        'COORDINATE_PRECISION=9',
      ],
      {},
      (line) => {
        out.push(JSON.parse(line) as Feature);
      },
    );
    return out;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** Transform a few points (control points) with gdaltransform; [x, y] in, [x, y] out. */
export function transformPoints(
  points: readonly (readonly number[])[],
  fromSrs: string,
  toSrs: string,
): Promise<[number, number][]> {
  return new Promise((resolve, reject) => {
    const child = spawn('gdaltransform', ['-s_srs', fromSrs, '-t_srs', toSrs, '-output_xy'], {
      stdio: ['pipe', 'pipe', 'pipe'],
      timeout: GDAL_TIMEOUT_MS,
    });
    let out = '';
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (d: string) => (out += d));
    child.on('error', reject);
    child.on('close', (code) => {
      if (code !== 0) return reject(new Error(`gdaltransform exit ${code}`));
      resolve(
        out
          .trim()
          .split('\n')
          .map((l) => l.trim().split(/\s+/).map(Number) as [number, number]),
      );
    });
    child.stdin.end(points.map((p) => `${p[0]} ${p[1]}`).join('\n') + '\n');
  });
}
