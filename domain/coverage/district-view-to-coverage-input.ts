import { area as turfArea, pointToLineDistance } from '@turf/turf';
import type {
  Feature,
  Geometry,
  LineString,
  MultiLineString,
  MultiPolygon,
  Point,
  Polygon,
} from 'geojson';
import { facilityCategory, RULES } from '../standards/rules';
import { assignCommunities } from './assign-communities';
import type { CoverageInput } from './compute-coverage';

/** What the coverage input reads of a scenario feature (the API's feature properties). */
export interface ViewFeatureProperties {
  readonly id: number | string;
  readonly kind: string;
  readonly name?: string | null;
  readonly category?: string | null;
  readonly levels?: number | null;
  readonly sourceId?: number | string | null;
  readonly props?: Readonly<Record<string, unknown>> | null;
}
export type ViewFeature = Feature<Geometry | null, ViewFeatureProperties>;

/** The district as a planner sees it: features by layer, communities with households. */
export interface DistrictView {
  readonly communities: readonly Feature<
    Polygon | MultiPolygon,
    { readonly id: number | string; readonly households: number | null }
  >[];
  readonly buildings: readonly ViewFeature[];
  readonly roads: readonly ViewFeature[];
  readonly footways: readonly ViewFeature[];
  readonly facilities: readonly ViewFeature[];
  /** Gates (kind `gate`: OSM barrier=gate / lift_gate, entrance=*): compound exits. */
  readonly gates?: readonly ViewFeature[];
}

/** A gate residents may walk through: not an emergency exit, not closed or locked. */
const isWalkableGate = (f: ViewFeature): boolean => {
  const props = f.properties.props ?? {};
  return (
    f.properties.kind === 'gate' &&
    f.geometry?.type === 'Point' &&
    props['entrance'] !== 'emergency' &&
    props['access'] !== 'no' &&
    props['locked'] !== 'yes'
  );
};

/**
 * Each community's gates: the walkable gates within RULES.lifeCircle.gateOnBoundaryM of its
 * boundary (inside or out), as the "lon,lat;…" string the network builder reads.
 */
function compoundGates(data: DistrictView): Map<string, string> {
  const out = new Map<string, string>();
  const gates = (data.gates ?? []).filter(isWalkableGate);
  if (gates.length === 0) return out;
  const maxM = RULES.lifeCircle.gateOnBoundaryM.value;
  for (const c of data.communities) {
    const rings =
      c.geometry.type === 'Polygon' ? c.geometry.coordinates : c.geometry.coordinates.flat();
    const on = gates.filter((g) =>
      rings.some(
        (ring) =>
          ring.length >= 2 &&
          pointToLineDistance(
            g.geometry as Point,
            { type: 'LineString', coordinates: ring },
            { units: 'meters' },
          ) <= maxM,
      ),
    );
    if (on.length > 0) {
      out.set(
        String(c.properties.id),
        on.map((g) => (g.geometry as Point).coordinates.slice(0, 2).join(',')).join(';'),
      );
    }
  }
  return out;
}

/**
 * OSM `building=*` values counted as homes (as in domain importedDistrictToCoverageInput):
 * most pre-2000 residential blocks in Chinese OSM data carry only `yes`.
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
 * The key a facility keeps across the baseline and its proposal copies: a proposal copies the
 * baseline feature with a new id and `sourceId` pointing back, so the copy and the original are
 * the same facility (unchanged, or moved when its geometry differs).
 */
export const facilityKey = (f: ViewFeature): string =>
  String(f.properties.sourceId ?? f.properties.id);

/** Facilities of a GB 50180 category with a Point or areal geometry, as coverage input. */
export function coverageFacilities(
  facilities: readonly ViewFeature[],
): Feature<Point | Polygon | MultiPolygon>[] {
  const out: Feature<Point | Polygon | MultiPolygon>[] = [];
  for (const f of facilities) {
    const g = f.geometry;
    if (f.properties.kind !== 'facility' || !facilityCategory(f.properties.category ?? ''))
      continue;
    if (g?.type !== 'Point' && g?.type !== 'Polygon' && g?.type !== 'MultiPolygon') continue;
    out.push({
      type: 'Feature',
      id: facilityKey(f),
      properties: { category: f.properties.category, name: f.properties.name },
      geometry: g,
    });
  }
  return out;
}

const isResidential = (f: ViewFeature): boolean =>
  (f.geometry?.type === 'Polygon' || f.geometry?.type === 'MultiPolygon') &&
  RESIDENTIAL.has(f.properties.category ?? 'yes') &&
  !(f.properties.props?.['amenity'] || f.properties.props?.['shop']);

/**
 * The coverage input of the district as the planner sees it (the merged view): roads and
 * footways as the walking network, residential buildings as origins, facilities of a known
 * category. Pure; deterministic (input order).
 *
 * Households: buildings carry none, communities carry an (often estimated) count. Each
 * community's households are spread over its residential buildings in proportion to floor area
 * (footprint × levels, RULES.importEstimates.defaultLevels when untagged). A building outside
 * every community gets floor area / RULES.importEstimates.floorAreaPerHouseholdSqM households,
 * as does every building of a community without a count. Origin ids are the building ids.
 *
 * Walk starts: a building's mapped entrances (`props.entrances`); a building without one in a
 * community with gates (compoundGates) gets them as `gates`: it walks out through them
 * (build-walking-network.ts).
 */
export function districtToCoverageInput(data: DistrictView): CoverageInput {
  const network: Feature<LineString | MultiLineString>[] = [];
  for (const f of [...data.roads, ...data.footways]) {
    const g = f.geometry;
    if (g?.type !== 'LineString' && g?.type !== 'MultiLineString') continue;
    network.push({
      type: 'Feature',
      id: String(f.properties.id),
      properties: {
        kind: f.properties.kind,
        category: f.properties.category,
        props: f.properties.props ?? {},
      },
      geometry: g,
    });
  }
  const levels = RULES.importEstimates.defaultLevels.value;
  const perHouseholdSqM = RULES.importEstimates.floorAreaPerHouseholdSqM.value;
  const buildings = data.buildings.filter(isResidential);
  const assigned = assignCommunities(
    {
      type: 'FeatureCollection',
      features: buildings.map((b) => ({
        type: 'Feature',
        id: String(b.properties.id),
        properties: {
          floorAreaSqM: turfArea(b) * (b.properties.levels ?? levels),
          entrances: b.properties.props?.['entrances'] ?? null,
        },
        geometry: b.geometry as Polygon | MultiPolygon,
      })),
    },
    {
      type: 'FeatureCollection',
      features: data.communities.map((c) => ({
        type: 'Feature',
        id: String(c.properties.id),
        properties: { communityId: String(c.properties.id) },
        geometry: c.geometry,
      })),
    },
  );
  const areaOf = new Map<string, number>();
  for (const o of assigned.features) {
    const id = o.properties?.['communityId'];
    if (typeof id === 'string')
      areaOf.set(id, (areaOf.get(id) ?? 0) + Number(o.properties?.['floorAreaSqM']));
  }
  const gatesOf = compoundGates(data);
  const householdsOf = new Map(
    data.communities.map((c) => [String(c.properties.id), c.properties.households]),
  );
  const origins = assigned.features.map((o) => {
    const floorAreaSqM = Number(o.properties?.['floorAreaSqM']);
    const communityId = o.properties?.['communityId'];
    const total = typeof communityId === 'string' ? householdsOf.get(communityId) : null;
    const sum = typeof communityId === 'string' ? (areaOf.get(communityId) ?? 0) : 0;
    const households =
      total && sum > 0 ? (total * floorAreaSqM) / sum : floorAreaSqM / perHouseholdSqM;
    return {
      ...o,
      properties: {
        communityId: typeof communityId === 'string' ? communityId : null,
        households: Math.max(households, 1e-6),
        // Mapped doors (the importer's "lon,lat;…"), where walks start: entrance-points.ts.
        ...(typeof o.properties?.['entrances'] === 'string'
          ? { entrances: o.properties['entrances'] }
          : typeof communityId === 'string' && gatesOf.has(communityId)
            ? { gates: gatesOf.get(communityId) }
            : {}),
      },
    };
  });
  return {
    network: { type: 'FeatureCollection', features: network },
    origins: { type: 'FeatureCollection', features: origins },
    facilities: { type: 'FeatureCollection', features: coverageFacilities(data.facilities) },
  };
}
