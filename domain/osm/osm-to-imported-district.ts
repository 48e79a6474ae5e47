import { kinks } from '@turf/turf';
import type { Feature, Geometry, MultiPolygon, Polygon } from 'geojson';
import osmtogeojson, { type OsmToGeoJsonProperties } from 'osmtogeojson';
import { classifyOsmFeature, type OsmClassification } from './classify-osm-feature';
import { cleanOsmGeometry } from './clean-osm-geometry';
import { compareOsmRefs } from './compare-osm-refs';
import { describeMissingOsmParts } from './describe-missing-osm-parts';
import type { ImportedCommunity, ImportedDistrict, ImportedFeature } from './imported-district';
import { indexOsmElements, type OsmElementIndex } from './index-osm-elements';
import { isCommunityArea } from './is-community-area';
import { osmDataBbox } from './osm-data-bbox';
import type { OsmData, OsmRelation, OsmTags, OsmWay } from './osm-elements';
import { osmFeatureProps } from './osm-feature-props';
import { parseOsmYear } from './parse-osm-year';

export interface OsmToImportedDistrictOptions {
  /** District (片区) name shown in the UI. */
  readonly name: string;
  /** Where the data came from, e.g. "beijing-haidian-cau.osm (© OpenStreetMap contributors)". */
  readonly source: string;
}

type OsmFeature = Feature<Geometry | null, OsmToGeoJsonProperties | null>;

const refOf = (f: OsmFeature): string =>
  typeof f.id === 'string' ? f.id : `${f.properties?.type ?? 'unknown'}/${f.properties?.id ?? ''}`;

const nameOf = (tags: OsmTags): string | undefined => tags.name ?? tags['name:zh'];

const label = (ref: string, tags: OsmTags): string => {
  const name = nameOf(tags);
  return name ? `${ref} ${name}` : ref;
};

const isArea = (g: Geometry | null | undefined): g is Polygon | MultiPolygon =>
  g?.type === 'Polygon' || g?.type === 'MultiPolygon';

/** An entrance=* node on a building outline is a door, not a 小区 gate. */
const isBuildingDoor = (ref: string, c: OsmClassification, index: OsmElementIndex): boolean =>
  c.kind === 'gate' &&
  c.category === 'entrance' &&
  ref.startsWith('node/') &&
  index.buildingNodeIds.has(Number(ref.slice('node/'.length)));

/** Would this way or multipolygon have been imported, had osmtogeojson built its geometry? */
const wouldImport = (e: OsmWay | OsmRelation): boolean => {
  if (e.type === 'relation' && e.tags.type !== 'multipolygon' && e.tags.type !== 'boundary') {
    return false;
  }
  // Try both shapes: a way of 0–3 nodes may have been meant as either.
  const shapes: Geometry[] = [{ type: 'Polygon', coordinates: [] }];
  if (e.type === 'way') shapes.push({ type: 'LineString', coordinates: [] });
  return shapes.some((geometry) => {
    const tags = { ...e.tags };
    const probe: OsmFeature = {
      type: 'Feature',
      geometry,
      properties: { type: e.type, id: e.id, tags },
    };
    return classifyOsmFeature(probe).length > 0 || isCommunityArea(probe);
  });
};

const selfIntersects = (g: Polygon | MultiPolygon): boolean =>
  kinks({ type: 'Feature', properties: {}, geometry: g }).features.length > 0;

const compareText = (a = '', b = ''): number => (a < b ? -1 : a > b ? 1 : 0);

const compareFeatures = (a: ImportedFeature, b: ImportedFeature): number =>
  compareOsmRefs(a.osmRef, b.osmRef) ||
  compareText(a.kind, b.kind) ||
  compareText(a.category, b.category);

/**
 * Converts an OSM extract into the district the importer saves: named residential areas
 * become communities (小区), everything the mapping table (osm-tag-mapping.ts) knows becomes a
 * feature, and one OSM object may give several (a building that is also a kindergarten).
 *
 * Incomplete data does not throw: a multipolygon whose member ways run outside the extract
 * keeps the rings that are there, a way with missing nodes keeps the nodes that are there,
 * and geometry with nothing left (fewer than 3 distinct ring points, zero-length lines) is
 * dropped; each case adds a line to `warnings`, as do unnamed residential areas, buildings
 * drawn as points and self-intersecting polygons (kept: the database decides).
 *
 * Output is deterministic, sorted by osmRef (nodes, ways, relations; then numeric id).
 * Never mutates `data`.
 */
export const osmToImportedDistrict = (
  data: OsmData,
  options: OsmToImportedDistrictOptions,
): ImportedDistrict => {
  if (typeof options.name !== 'string' || options.name.trim() === '') {
    throw new Error('osmToImportedDistrict: options.name must be a non-empty string');
  }
  if (!Array.isArray(data.elements)) {
    throw new Error('osmToImportedDistrict: data.elements must be an array');
  }

  const bbox = osmDataBbox(data);
  const index = indexOsmElements(data.elements);
  const collection = osmtogeojson({ elements: data.elements }, { flatProperties: false });
  const osmFeatures = [...(collection.features as OsmFeature[])].sort((a, b) =>
    compareOsmRefs(refOf(a), refOf(b)),
  );

  const warnings: string[] = [];
  const communities: ImportedCommunity[] = [];
  const features: ImportedFeature[] = [];
  const builtRefs = new Set<string>();

  for (const feature of osmFeatures) {
    const ref = refOf(feature);
    builtRefs.add(ref);
    const tags: OsmTags = feature.properties?.tags ?? {};
    const classes = classifyOsmFeature(feature).filter((c) => !isBuildingDoor(ref, c, index));
    const community = isCommunityArea(feature);
    if (classes.length === 0 && !community) {
      if (tags.building !== undefined && feature.geometry?.type === 'Point') {
        warnings.push(`${label(ref, tags)}: building tagged on a point (no footprint), skipped`);
      }
      if (tags.landuse === 'residential' && isArea(feature.geometry) && !nameOf(tags)) {
        warnings.push(`${ref}: landuse=residential without a name, not imported as a 小区`);
      }
      continue;
    }

    const cleaned = cleanOsmGeometry(feature.geometry);
    const geometry = cleaned.geometry;
    if (geometry === undefined) {
      warnings.push(`${label(ref, tags)}: dropped, ${cleaned.notes.join('; ')}`);
      continue;
    }
    if (cleaned.notes.length > 0) {
      warnings.push(`${label(ref, tags)}: repaired, ${cleaned.notes.join('; ')}`);
    }
    if (feature.properties?.tainted) {
      const missing = describeMissingOsmParts(ref, index);
      warnings.push(
        `${label(ref, tags)}: incomplete in this extract (${missing}), kept the part inside`,
      );
    }
    if (isArea(geometry) && selfIntersects(geometry)) {
      warnings.push(
        `${label(ref, tags)}: self-intersecting polygon, kept (the database may repair or drop it)`,
      );
    }

    if (community && isArea(geometry)) {
      communities.push({
        name: (nameOf(tags) ?? '').trim(),
        nameEn: tags['name:en'],
        osmRef: ref,
        geometry,
        builtYear: parseOsmYear(tags.start_date) ?? parseOsmYear(tags['building:year']),
      });
    }
    const props = osmFeatureProps(tags);
    for (const c of classes) features.push({ ...c, geometry, osmRef: ref, props: { ...props } });
  }

  // Tagged objects osmtogeojson could not build at all (every member way outside the extract).
  // Ways inside a multipolygon are that relation's business: it is built or warned about.
  const areaMemberWays = new Set<number>();
  for (const r of index.relations.values()) {
    if (r.tags.type !== 'multipolygon' && r.tags.type !== 'boundary') continue;
    for (const m of r.members) if (m.type === 'way') areaMemberWays.add(m.ref);
  }
  for (const e of data.elements) {
    if (e.type === 'node' || (e.type === 'way' && areaMemberWays.has(e.id))) continue;
    const ref = `${e.type}/${e.id}`;
    if (builtRefs.has(ref) || !wouldImport(e)) continue;
    const why = describeMissingOsmParts(ref, index);
    warnings.push(`${label(ref, e.tags)}: skipped, no usable geometry in this extract (${why})`);
  }

  communities.sort((a, b) => compareOsmRefs(a.osmRef, b.osmRef));
  features.sort(compareFeatures);
  return {
    name: options.name.trim(),
    bbox,
    source: options.source,
    communities,
    features,
    warnings,
  };
};
