import type { FeatureKind } from '../model/feature-kinds';
import type { FacilityCategoryId } from '../standards/rules';
import type { OsmTags } from './osm-elements';

/**
 * One row of the OSM → feature mapping: a tag key and the values it matches. A feature may
 * match several rows (a school building is a `building` and a `primary_school` facility); it
 * gets one classification per kind, or per category for facilities, and the first row wins.
 */
export interface OsmTagRule {
  readonly key: string;
  /** Values that match; '*' matches any value except "no". Multi-values ("a;b") are split. */
  readonly values: readonly string[] | '*';
  readonly kind: FeatureKind;
  /**
   * The feature's category: a fixed string, a function of the matched value and all tags, or
   * (when absent) the matched value itself.
   */
  readonly category?: string | ((value: string, tags: OsmTags) => string | undefined);
  /** Extra condition on the other tags. */
  readonly when?: (tags: OsmTags) => boolean;
  /** True when only a Polygon / MultiPolygon makes sense (a building needs a footprint). */
  readonly areaOnly?: boolean;
}

const facility = (
  key: string,
  values: readonly string[],
  category: FacilityCategoryId | ((value: string, tags: OsmTags) => FacilityCategoryId),
  when?: (tags: OsmTags) => boolean,
): OsmTagRule =>
  when
    ? { key, values, kind: 'facility', category, when }
    : { key, values, kind: 'facility', category };

const nameOf = (tags: OsmTags): string => tags.name ?? tags['name:zh'] ?? '';

/**
 * amenity=school: 中学 / 初中 in the name (or ISCED level 2) → middle school; otherwise
 * primary school (小学, the common case, and the stricter 500 m radius of GB 50180 附录B).
 */
const schoolCategory = (_value: string, tags: OsmTags): FacilityCategoryId => {
  const name = nameOf(tags);
  if (/小学/.test(name)) return 'primary_school';
  if (/中学|初中/.test(name) || tags['isced:level'] === '2') return 'middle_school';
  return 'primary_school';
};

/** amenity=childcare named 幼儿园 is a kindergarten (北京邮电大学幼儿园); otherwise a 托儿所. */
const childcareCategory = (_value: string, tags: OsmTags): FacilityCategoryId =>
  /幼儿园/.test(nameOf(tags)) ? 'kindergarten' : 'nursery';

/** A clinic named 社区卫生服务中心 is the 15-minute-tier centre, not a 5-minute station. */
const clinicCategory = (_value: string, tags: OsmTags): FacilityCategoryId =>
  /卫生服务中心/.test(nameOf(tags)) ? 'health_centre' : 'health_station';

const HIGHWAY_ROADS = [
  'motorway',
  'trunk',
  'primary',
  'secondary',
  'tertiary',
  'unclassified',
  'residential',
  'living_street',
  'service',
  'road',
  'motorway_link',
  'trunk_link',
  'primary_link',
  'secondary_link',
  'tertiary_link',
  // A track carries farm and forestry vehicles: a road (a fire-lane candidate), not a footway.
  'track',
];

const HIGHWAY_FOOTWAYS = ['footway', 'path', 'pedestrian', 'steps', 'cycleway', 'bridleway'];

/**
 * The mapping table, in priority order. Decisions worth knowing:
 * - leisure=park is a `green` feature with category 'public_green' (公共绿地 of 完整居住社区),
 *   not a separate facility: count it from the green layer.
 * - entrance=* and barrier=gate / lift_gate all become `gate`; the category tells them apart
 *   (entrance=* also marks building doors).
 * - building=* on a point has no footprint and is skipped (areaOnly).
 */
export const OSM_TAG_RULES: readonly OsmTagRule[] = [
  { key: 'building', values: '*', kind: 'building', areaOnly: true },
  { key: 'highway', values: HIGHWAY_ROADS, kind: 'road' },
  { key: 'highway', values: HIGHWAY_FOOTWAYS, kind: 'footway' },
  { key: 'amenity', values: ['parking'], kind: 'parking_area', category: (_v, t) => t.parking },
  {
    key: 'amenity',
    values: ['parking_space'],
    kind: 'parking_stall',
    category: (_v, t) => t.parking_space ?? t.parking,
  },
  {
    key: 'amenity',
    values: ['bicycle_parking'],
    kind: 'bike_shed',
    category: (_v, t) => t.bicycle_parking,
  },
  { key: 'amenity', values: ['charging_station'], kind: 'ev_charger', category: () => undefined },
  { key: 'barrier', values: ['gate', 'lift_gate', 'swing_gate', 'sliding_gate'], kind: 'gate' },
  { key: 'entrance', values: '*', kind: 'gate', category: 'entrance' },
  { key: 'leisure', values: ['park'], kind: 'green', category: 'public_green' },
  { key: 'leisure', values: ['garden'], kind: 'green' },
  {
    key: 'landuse',
    values: ['grass', 'recreation_ground', 'village_green', 'forest'],
    kind: 'green',
  },
  { key: 'natural', values: ['wood', 'scrub'], kind: 'green' },
  { key: 'natural', values: ['tree', 'tree_row'], kind: 'tree' },
  facility('amenity', ['kindergarten'], 'kindergarten'),
  facility('amenity', ['childcare'], childcareCategory),
  facility('amenity', ['school'], schoolCategory),
  facility('healthcare', ['centre'], 'health_centre'),
  facility('amenity', ['hospital'], 'health_centre'),
  facility('healthcare', ['hospital'], 'health_centre'),
  facility('amenity', ['clinic', 'doctors'], clinicCategory),
  facility('healthcare', ['clinic', 'doctor'], clinicCategory),
  facility('amenity', ['pharmacy'], 'pharmacy'),
  facility('healthcare', ['pharmacy'], 'pharmacy'),
  facility('amenity', ['marketplace'], 'market'),
  facility('shop', ['supermarket'], 'supermarket'),
  facility('shop', ['convenience'], 'convenience'),
  facility('amenity', ['post_office', 'parcel_locker'], 'parcel'),
  facility('shop', ['courier'], 'parcel'),
  facility('amenity', ['nursing_home'], 'elderly_care'),
  facility(
    'amenity',
    ['social_facility'],
    'elderly_care',
    (t) => t['social_facility:for'] === 'senior',
  ),
  facility('amenity', ['community_centre'], 'service_station'),
  facility('amenity', ['library', 'arts_centre'], 'culture_station'),
  facility('leisure', ['pitch', 'sports_centre', 'track'], 'sports_field'),
  facility('leisure', ['fitness_station', 'fitness_centre'], 'fitness'),
  facility('amenity', ['police'], 'police'),
];
