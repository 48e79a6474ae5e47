import type { Bbox } from '../../domain/osm/create-osm-import-collector';

/** `--bbox minLon,minLat,maxLon,maxLat` in degrees; throws a bilingual message when malformed. */
export const parseBboxArg = (text: string): Bbox => {
  const parts = text.split(',').map((p) => Number(p.trim()));
  const [w, s, e, n] = parts as [number, number, number, number];
  const ok =
    parts.length === 4 &&
    parts.every(Number.isFinite) &&
    w >= -180 &&
    e <= 180 &&
    s >= -90 &&
    n <= 90 &&
    w < e &&
    s < n;
  if (!ok) {
    throw new Error(
      `--bbox 须为 最小经度,最小纬度,最大经度,最大纬度 / --bbox must be minLon,minLat,maxLon,maxLat (got "${text}")`,
    );
  }
  return [w, s, e, n];
};
