import type { Feature, FeatureCollection, LineString, Polygon, Position } from 'geojson';
import { localProjection, type XY } from '../../domain/geo/local-projection';
import type { AisleCentrelineProperties } from '../../domain/parking/types';

/** Dashes of a two-way centreline and spacing of one-way arrows, metres. */
const DASH_M = 2;
const GAP_M = 2;
const ARROW_EVERY_M = 9;
const ARROW_LENGTH_M = 2.4;
const ARROW_HALF_WIDTH_M = 1.1;

export interface AisleMarkProperties {
  readonly mark: 'dash' | 'arrow';
}

/**
 * Road marks for a lot's aisle centrelines, in lon/lat: a dashed line along a two-way aisle and
 * arrowheads every 9 m in the driving direction along a one-way one (the centreline runs that
 * way), so the planner sees how cars move through the lot. Pure; drawn by parking-network-layers.
 */
export function aisleMarks(
  centrelines: FeatureCollection<LineString, AisleCentrelineProperties>,
): FeatureCollection<LineString | Polygon, AisleMarkProperties> {
  const features: Feature<LineString | Polygon, AisleMarkProperties>[] = [];
  for (const c of centrelines.features) {
    const coords = c.geometry.coordinates;
    if (coords.length < 2) continue;
    const p = localProjection(coords[0] as [number, number]);
    const a = p.toLocal(coords[0]!);
    const b = p.toLocal(coords[coords.length - 1]!);
    const len = Math.hypot(b[0] - a[0], b[1] - a[1]);
    if (len === 0) continue;
    const ux = (b[0] - a[0]) / len;
    const uy = (b[1] - a[1]) / len;
    const at = (t: number, side = 0): Position =>
      p.toLonLat([a[0] + ux * t - uy * side, a[1] + uy * t + ux * side] as XY);
    if (c.properties.oneWay) {
      for (let t = ARROW_EVERY_M / 2; t + ARROW_LENGTH_M <= len; t += ARROW_EVERY_M) {
        const tip = at(t + ARROW_LENGTH_M);
        features.push({
          type: 'Feature',
          properties: { mark: 'arrow' },
          geometry: {
            type: 'Polygon',
            coordinates: [
              [
                at(t, ARROW_HALF_WIDTH_M),
                tip,
                at(t, -ARROW_HALF_WIDTH_M),
                at(t, ARROW_HALF_WIDTH_M),
              ],
            ],
          },
        });
      }
    } else {
      // (A dash shorter than 0.1 m at the end is rounding, not a mark.)
      for (let t = 0; t < len - 0.1; t += DASH_M + GAP_M)
        features.push({
          type: 'Feature',
          properties: { mark: 'dash' },
          geometry: { type: 'LineString', coordinates: [at(t), at(Math.min(t + DASH_M, len))] },
        });
    }
  }
  return { type: 'FeatureCollection', features };
}
