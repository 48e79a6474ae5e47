import type { Feature, FeatureCollection, Geometry } from 'geojson';
import type { FacilityCategoryId } from '../standards/rules';
import type { CoverageResult, FacilityFeatures, OriginFeatures } from './types';

/** Distance bands (m) and their simplestyle colours: within radius … beyond 1 km, unreachable. */
const band = (distM: number, radiusM: number): { label: string; colour: string } =>
  distM <= radiusM
    ? { label: `≤ ${radiusM} m`, colour: '#1a9850' }
    : distM <= 500
      ? { label: '≤ 500 m', colour: '#fee08b' }
      : distM <= 1000
        ? { label: '≤ 1000 m', colour: '#fc8d59' }
        : distM < Infinity
          ? { label: '> 1000 m', colour: '#d73027' }
          : { label: 'unreachable', colour: '#999999' };

const round2 = (x: number): number | null => (x === Infinity ? null : Math.round(x * 100) / 100);

/**
 * A map-ready FeatureCollection for one category: every building (input geometry, input order)
 * filled by its walking distance to the nearest facility of `category` (simplestyle `fill`;
 * properties `distanceM` rounded to 1 cm, null when unreachable, and `band`), followed by that
 * category's facilities as markers. `result` must come from the same origins.
 */
export function coverageToFeatureCollection(
  origins: OriginFeatures,
  facilities: FacilityFeatures,
  result: CoverageResult,
  category: FacilityCategoryId,
): FeatureCollection {
  const radiusM = result.district.byCategory[category]?.radiusM ?? Infinity;
  const buildings: Feature<Geometry>[] = origins.features.map((f, i) => {
    const o = result.origins[i]!;
    const d = o.distancesM[category] ?? Infinity;
    const { label, colour } = band(d, radiusM);
    return {
      type: 'Feature',
      properties: {
        id: o.id,
        communityId: o.communityId,
        households: o.households,
        category,
        distanceM: round2(d),
        band: label,
        fill: colour,
        'fill-opacity': 0.8,
        stroke: '#333333',
        'stroke-width': 0.5,
      },
      geometry: f.geometry,
    };
  });
  const markers: Feature<Geometry>[] = facilities.features
    .filter((f) => f.properties?.category === category)
    .map((f) => ({
      type: 'Feature',
      properties: {
        category,
        name: (f.properties?.name as string | null | undefined) ?? null,
        'marker-color': '#2166ac',
        'marker-symbol': 'school',
        fill: '#2166ac',
        'fill-opacity': 0.5,
      },
      geometry: f.geometry,
    }));
  return { type: 'FeatureCollection', features: [...buildings, ...markers] };
}
