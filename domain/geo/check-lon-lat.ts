import type { Position } from 'geojson';
import { InputError } from './input-error';

const isNum = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

/**
 * Checks that every position is a finite WGS84 [lon, lat]. Swapped order is the commonest
 * mistake with Chinese data, whose latitude (18–54) and longitude (73–135) ranges do not
 * overlap: input that fits China only when swapped gets its own message.
 */
export function checkLonLat(positions: readonly unknown[], what: { zh: string; en: string }): void {
  let allSwappedChina = positions.length > 0;
  for (const p of positions) {
    if (!Array.isArray(p) || p.length < 2 || !isNum(p[0]) || !isNum(p[1])) {
      throw new InputError(
        'INVALID_COORDINATES',
        `${what.zh}含无效坐标: 每个点应为 [经度, 纬度] 数字`,
        `${what.en} has an invalid position: each must be [lon, lat] numbers`,
      );
    }
    const [lon, lat] = p as Position as [number, number];
    if (Math.abs(lat) > 90 || Math.abs(lon) > 180) {
      const swapped = Math.abs(lon) <= 90 && Math.abs(lat) <= 180;
      throw new InputError(
        swapped ? 'LAT_LON_SWAPPED' : 'INVALID_COORDINATES',
        swapped
          ? `${what.zh}的纬度超出 ±90°: 坐标顺序应为 [经度, 纬度], 是否把经纬度写反了?`
          : `${what.zh}的坐标超出范围 (经度 ±180°, 纬度 ±90°)`,
        swapped
          ? `${what.en} has a latitude beyond ±90°: positions are [lon, lat] — lat/lon swapped?`
          : `${what.en} has a position out of range (lon ±180°, lat ±90°)`,
      );
    }
    if (!(lon >= 18 && lon <= 54 && lat >= 73 && lat <= 135)) allSwappedChina = false;
  }
  if (allSwappedChina) {
    throw new InputError(
      'LAT_LON_SWAPPED',
      `${what.zh}的坐标像是 [纬度, 经度]: 中国经度 73–135°, 纬度 18–54°, 顺序应为 [经度, 纬度]`,
      `${what.en} looks like [lat, lon]: China spans lon 73–135°, lat 18–54°; use [lon, lat]`,
    );
  }
}
