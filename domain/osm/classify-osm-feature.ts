import type { Feature, Geometry } from 'geojson';
import type { FeatureKind } from '../model/feature-kinds';
import { RULES } from '../standards/rules';
import type { OsmTags } from './osm-elements';
import { OSM_TAG_RULES, type OsmTagRule } from './osm-tag-mapping';
import { parseOsmCount } from './parse-osm-count';
import { parseOsmMetres } from './parse-osm-metres';

/** What one OSM object is for the planning map; geometry and id stay with the feature. */
export interface OsmClassification {
  readonly kind: FeatureKind;
  readonly category?: string | undefined;
  readonly name?: string | undefined;
  readonly widthM?: number | undefined;
  /** True when widthM is the class default of the rules table, not a `width` tag. */
  readonly widthEstimated?: boolean | undefined;
  readonly levels?: number | undefined;
  readonly heightM?: number | undefined;
  readonly capacity?: number | undefined;
}

/** Upper bounds of the database CHECK constraints (migrations/001_schema.sql). */
const MAX_WIDTH_M = 500;
const MAX_LEVELS = 299;
const MAX_HEIGHT_M = 1000;
const MAX_CAPACITY = 1_000_000;

const isArea = (g: Geometry | null): boolean =>
  g !== null && (g.type === 'Polygon' || g.type === 'MultiPolygon');

/** The first value of `tags[rule.key]` the rule accepts ("convenience;hairdresser" → "convenience"). */
const matchedValue = (rule: OsmTagRule, tags: OsmTags): string | undefined => {
  const raw = tags[rule.key];
  if (raw === undefined) return undefined;
  for (const part of raw.split(';')) {
    const value = part.trim();
    if (value === '' || value === 'no') continue;
    if (rule.values === '*' || rule.values.includes(value)) return value;
  }
  return undefined;
};

const categoryOf = (rule: OsmTagRule, value: string, tags: OsmTags): string | undefined =>
  rule.category === undefined
    ? value
    : typeof rule.category === 'string'
      ? rule.category
      : rule.category(value, tags);

const roadWidth = (
  highway: string,
  tags: OsmTags,
): Pick<OsmClassification, 'widthM' | 'widthEstimated'> => {
  const tagged = parseOsmMetres(tags.width ?? tags['est_width'], MAX_WIDTH_M);
  if (tagged !== undefined) return { widthM: tagged };
  const byClass = RULES.importEstimates.roadWidthByClassM.value;
  const widthM = byClass[highway.replace(/_link$/, '')] ?? byClass.road;
  return widthM === undefined ? {} : { widthM, widthEstimated: true };
};

const details = (kind: FeatureKind, value: string, tags: OsmTags): Partial<OsmClassification> => {
  switch (kind) {
    case 'building':
      return {
        levels: parseOsmCount(tags['building:levels'], 1, MAX_LEVELS),
        heightM: parseOsmMetres(tags.height, MAX_HEIGHT_M),
      };
    case 'road':
      return roadWidth(value, tags);
    case 'footway':
      return { widthM: parseOsmMetres(tags.width, MAX_WIDTH_M) };
    case 'parking_area':
    case 'parking_stall':
    case 'bike_shed':
    case 'ev_charger':
      return { capacity: parseOsmCount(tags.capacity, 0, MAX_CAPACITY) };
    default:
      return {};
  }
};

/** Drops undefined fields so results compare and serialise cleanly. */
const compact = (c: OsmClassification): OsmClassification =>
  Object.fromEntries(
    Object.entries(c).filter(([, v]) => v !== undefined),
  ) as unknown as OsmClassification;

/**
 * Classifies one GeoJSON feature from osmtogeojson (tags in `properties.tags`) with the
 * mapping table OSM_TAG_RULES. Returns every classification that applies, at most one per
 * kind (per category for facilities), in table order; an empty array when nothing applies.
 * An OSM object may be several things at once: a kindergarten drawn as a building is a
 * `building` and a `facility`.
 */
export const classifyOsmFeature = (
  feature: Feature<Geometry | null, { tags?: Record<string, string> } | null>,
): OsmClassification[] => {
  const tags: OsmTags = feature.properties?.tags ?? {};
  const name = tags.name ?? tags['name:zh'];
  const seen = new Set<string>();
  const result: OsmClassification[] = [];
  for (const rule of OSM_TAG_RULES) {
    const value = matchedValue(rule, tags);
    if (value === undefined) continue;
    if (rule.when && !rule.when(tags)) continue;
    if (rule.areaOnly && !isArea(feature.geometry)) continue;
    const category = categoryOf(rule, value, tags);
    const key = rule.kind === 'facility' ? `facility:${category ?? ''}` : rule.kind;
    if (seen.has(key)) continue;
    seen.add(key);
    result.push(compact({ kind: rule.kind, category, name, ...details(rule.kind, value, tags) }));
  }
  return result;
};
