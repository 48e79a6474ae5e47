import type { Position } from 'geojson';
import { checkLonLat } from '../geo/check-lon-lat';
import type { LocalProjection } from '../geo/local-projection';

/**
 * The mapped entrances of a building or facility, in local metres: its `entrances` property,
 * either an array of [lon, lat] or the importer's string "lon,lat;lon,lat" (OSM entrance=*
 * nodes on the footprint, create-osm-import-collector.ts). Empty when none are given. With
 * `key` 'gates': the gates of the building's compound in the same forms
 * (district-view-to-coverage-input.ts).
 */
export function entrancePoints(
  properties: Record<string, unknown> | null | undefined,
  projection: LocalProjection,
  key: 'entrances' | 'gates' = 'entrances',
): [number, number][] {
  const raw = properties?.[key] ?? (properties?.props as Record<string, unknown>)?.[key];
  let list: Position[] = [];
  if (Array.isArray(raw)) list = raw.filter((p): p is Position => Array.isArray(p));
  else if (typeof raw === 'string' && raw !== '') {
    list = raw.split(';').map((s) => s.split(',').map(Number));
  }
  list = list.filter((p) => p.length >= 2 && p.every((v) => Number.isFinite(v)));
  if (list.length === 0) return [];
  checkLonLat(
    list,
    key === 'gates' ? { zh: '小区门', en: 'Gate' } : { zh: '入口', en: 'Entrance' },
  );
  return list.map((p) => projection.toLocal(p));
}
