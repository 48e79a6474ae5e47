import type { Position } from 'geojson';
import { localProjection } from '../geo/local-projection';
import { ringSignedArea } from '../geo/ring-signed-area';
import { RULES } from '../standards/rules';
import { readTag } from './read-tag';
import type { LedgerFeature } from './types';

/** Area of a Polygon / MultiPolygon in m² (holes subtracted), on a local tangent plane. */
const areaSqM = (f: LedgerFeature): number => {
  const g = f.geometry;
  const polygons: Position[][][] =
    g.type === 'Polygon' ? [g.coordinates] : g.type === 'MultiPolygon' ? g.coordinates : [];
  const origin = polygons[0]?.[0]?.[0];
  if (!origin) return 0;
  const proj = localProjection([origin[0] as number, origin[1] as number]);
  let sum = 0;
  for (const rings of polygons) {
    rings.forEach((ring, i) => {
      const a = Math.abs(ringSignedArea(ring.map((p) => proj.toLocal(p))));
      sum += i === 0 ? a : -a;
    });
  }
  return Math.max(0, sum);
};

/**
 * Cars a surface lot (amenity=parking) holds today when OpenStreetMap gives neither stalls nor
 * `capacity`: floor(area / RULES.parkingExisting.areaPerSurfaceStallSqM) (GB/T 51149-2016, 25 m²
 * a stall with its aisle share). Underground, multi-storey and rooftop car parks are not
 * estimated from their outline (null). Pure.
 */
export function estimateAreaParking(
  area: LedgerFeature,
  perStallSqM: number = RULES.parkingExisting.areaPerSurfaceStallSqM.value,
): { stalls: number; areaSqM: number } | null {
  // The importer keeps `parking=*` both in props and as the lot's category.
  const parking = readTag(area, 'parking') ?? area.properties.category ?? '';
  if (!RULES.parkingExisting.areaEstimateParkingValues.value.includes(parking)) return null;
  const a = areaSqM(area);
  return { stalls: Math.floor(a / perStallSqM + 1e-9), areaSqM: a };
}
