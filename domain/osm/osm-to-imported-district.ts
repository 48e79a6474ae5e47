import type { MultiPolygon, Polygon } from 'geojson';
import osmtogeojson from 'osmtogeojson';
import { compareOsmRefs } from './compare-osm-refs';
import { createOsmImportCollector, type OsmFeature } from './create-osm-import-collector';
import { describeMissingOsmParts } from './describe-missing-osm-parts';
import type { ImportedDistrict, ImportedFeature } from './imported-district';
import { indexOsmElements } from './index-osm-elements';
import { osmDataBbox } from './osm-data-bbox';
import type { OsmData, OsmTags } from './osm-elements';
import { wouldImportOsmElement } from './would-import-osm-element';

export interface OsmToImportedDistrictOptions {
  /** District (片区) name shown in the UI. */
  readonly name: string;
  /** Where the data came from, e.g. "beijing-haidian-cau.osm (© OpenStreetMap contributors)". */
  readonly source: string;
  /** Unnamed residential areas below this are not communities (m²; RULES.importCommunities). */
  readonly minAreaSqM?: number | undefined;
  /** Unnamed residential areas with fewer buildings are not communities. */
  readonly minBuildings?: number | undefined;
  /** Keep only features touching this area; the extent is cut to its bbox. */
  readonly clip?: Polygon | MultiPolygon | undefined;
}

const refOf = (f: OsmFeature): string =>
  typeof f.id === 'string' ? f.id : `${f.properties?.type ?? 'unknown'}/${f.properties?.id ?? ''}`;

const nameOf = (tags: OsmTags): string | undefined => tags.name ?? tags['name:zh'];

const compareText = (a = '', b = ''): number => (a < b ? -1 : a > b ? 1 : 0);

const compareFeatures = (a: ImportedFeature, b: ImportedFeature): number =>
  compareOsmRefs(a.osmRef, b.osmRef) ||
  compareText(a.kind, b.kind) ||
  compareText(a.category, b.category);

/**
 * Converts an OSM extract, held in memory, into the district the importer saves: residential
 * areas become communities (小区, named or given a provisional name: resolve-residential-areas.ts),
 * everything the mapping table (osm-tag-mapping.ts) knows becomes a
 * feature, and one OSM object may give several (a building that is also a kindergarten).
 *
 * Incomplete data does not throw: a multipolygon whose member ways run outside the extract
 * keeps the rings that are there, a way with missing nodes keeps the nodes that are there,
 * and geometry with nothing left (fewer than 3 distinct ring points, zero-length lines) is
 * dropped; each case adds a warning with its rule, as do residential areas that are not
 * communities, buildings drawn as points and self-intersecting polygons (kept: the database
 * decides). The streaming reader (server/import) shares the per-feature work
 * (create-osm-import-collector.ts); this one is for small files and tests.
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

  const index = indexOsmElements(data.elements);
  const collection = osmtogeojson({ elements: data.elements }, { flatProperties: false });
  const osmFeatures = [...(collection.features as OsmFeature[])].sort((a, b) =>
    compareOsmRefs(refOf(a), refOf(b)),
  );
  const collector = createOsmImportCollector({
    minAreaSqM: options.minAreaSqM,
    minBuildings: options.minBuildings,
    clip: options.clip,
    // <bounds>, else the node extent: what frames a district with no feature at all.
    fileBounds: osmDataBbox(data),
  });

  const features: ImportedFeature[] = [];
  const builtRefs = new Set<string>();
  for (const feature of osmFeatures) {
    const ref = refOf(feature);
    builtRefs.add(ref);
    const missing = feature.properties?.tainted ? describeMissingOsmParts(ref, index) : undefined;
    features.push(...collector.add(feature, missing));
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
    if (builtRefs.has(ref) || !wouldImportOsmElement(e)) continue;
    const why = describeMissingOsmParts(ref, index);
    collector.warn({
      rule: 'no-usable-geometry',
      action: 'skipped',
      osmRef: ref,
      name: nameOf(e.tags),
      detail: `skipped, no usable geometry in this extract (${why})`,
    });
  }

  const done = collector.finish();
  features.push(...done.features);
  features.sort(compareFeatures);
  return {
    name: options.name.trim(),
    bbox: done.bbox,
    source: options.source,
    communities: done.communities,
    features,
    warnings: done.warnings,
  };
};
