import type { Feature, LineString, MultiLineString, MultiPolygon, Point, Polygon } from 'geojson';
import type { ImportedDistrict } from '../osm/imported-district';
import { facilityCategory } from '../standards/rules';
import type { CoverageInput } from './compute-coverage';

/**
 * OSM `building=*` values counted as homes. `yes` is included: most pre-2000 residential
 * blocks in Chinese OSM data carry no more specific value; a `yes` building that is also a
 * facility (a school, a clinic) or has a non-residential use is left out.
 */
const RESIDENTIAL = new Set([
  'yes',
  'residential',
  'apartments',
  'house',
  'dormitory',
  'detached',
  'semidetached_house',
  'terrace',
]);

/**
 * Splits an imported district into the coverage input: road and footway lines (with their
 * highway class and tags; walkability is decided later), residential buildings as origins,
 * facilities of a known category and parks (green / public_green) as facilities. Building
 * ids are their osmRef; households from `props.households` when tagged. Never mutates input.
 */
export function importedDistrictToCoverageInput(district: ImportedDistrict): CoverageInput {
  const facilityRefs = new Set(
    district.features.filter((f) => f.kind === 'facility').map((f) => f.osmRef),
  );
  const network: Feature<LineString | MultiLineString>[] = [];
  const origins: Feature<Polygon | MultiPolygon>[] = [];
  const facilities: Feature<Point | Polygon | MultiPolygon>[] = [];
  for (const f of district.features) {
    const g = f.geometry;
    if (
      (f.kind === 'road' || f.kind === 'footway') &&
      (g.type === 'LineString' || g.type === 'MultiLineString')
    ) {
      network.push({
        type: 'Feature',
        id: f.osmRef,
        properties: { kind: f.kind, category: f.category ?? null, props: f.props },
        geometry: g,
      });
    } else if (
      f.kind === 'building' &&
      (g.type === 'Polygon' || g.type === 'MultiPolygon') &&
      RESIDENTIAL.has(f.category ?? 'yes') &&
      !facilityRefs.has(f.osmRef) &&
      (f.category !== 'yes' ||
        (f.props.amenity === undefined &&
          f.props.shop === undefined &&
          f.props.leisure === undefined))
    ) {
      const h = Number(f.props.households ?? f.props['building:flats']);
      origins.push({
        type: 'Feature',
        id: f.osmRef,
        properties: {
          name: f.name ?? null,
          ...(h > 0 ? { households: h } : {}),
          ...(f.props.entrances ? { entrances: f.props.entrances } : {}),
        },
        geometry: g,
      });
    } else if (
      (f.kind === 'facility' && facilityCategory(f.category ?? '') !== undefined) ||
      (f.kind === 'green' && f.category === 'public_green')
    ) {
      if (g.type !== 'Point' && g.type !== 'Polygon' && g.type !== 'MultiPolygon') continue;
      facilities.push({
        type: 'Feature',
        id: `${f.osmRef}#${f.category}`,
        properties: { category: f.category, name: f.name ?? null },
        geometry: g,
      });
    }
  }
  return {
    network: { type: 'FeatureCollection', features: network },
    origins: { type: 'FeatureCollection', features: origins },
    facilities: { type: 'FeatureCollection', features: facilities },
    communities: {
      type: 'FeatureCollection',
      features: district.communities.map((c) => ({
        type: 'Feature',
        id: c.osmRef,
        properties: { communityId: c.osmRef, name: c.name },
        geometry: c.geometry,
      })),
    },
  };
}
