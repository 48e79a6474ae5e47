import { readFile } from 'node:fs/promises';
import type { MultiPolygon, Polygon } from 'geojson';

/**
 * The clip area of `--boundary area.geojson`: a Polygon or MultiPolygon geometry, Feature, or
 * the first feature of a FeatureCollection (what osmium extract --polygon reads too).
 * Throws a bilingual message when the file holds no polygon.
 */
export const readBoundaryFile = async (path: string): Promise<Polygon | MultiPolygon> => {
  let json: unknown;
  try {
    json = JSON.parse(await readFile(path, 'utf8'));
  } catch (e) {
    throw new Error(
      `边界文件无法读取 / cannot read boundary file ${path}: ${(e as Error).message}`,
      { cause: e },
    );
  }
  const o = json as { type?: string; geometry?: unknown; features?: { geometry?: unknown }[] };
  const g = (
    o.type === 'FeatureCollection'
      ? o.features?.[0]?.geometry
      : o.type === 'Feature'
        ? o.geometry
        : o
  ) as { type?: string } | undefined;
  if (g?.type !== 'Polygon' && g?.type !== 'MultiPolygon') {
    throw new Error(
      `边界文件须含面 (Polygon/MultiPolygon) / boundary file ${path} holds no Polygon or MultiPolygon`,
    );
  }
  return g as Polygon | MultiPolygon;
};
