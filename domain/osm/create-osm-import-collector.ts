import { bbox as bboxOf, booleanIntersects, feature as toFeature, kinks } from '@turf/turf';
import Flatbush from 'flatbush';
import type { Feature, Geometry, MultiPolygon, Polygon, Position } from 'geojson';
import type { OsmToGeoJsonProperties } from 'osmtogeojson';
import { RULES } from '../standards/rules';
import { classifyOsmFeature } from './classify-osm-feature';
import { cleanOsmGeometry } from './clean-osm-geometry';
import { compareOsmRefs } from './compare-osm-refs';
import type { ImportedCommunity, ImportedFeature } from './imported-district';
import type { ImportWarning } from './import-warning';
import { isCommunityArea } from './is-community-area';
import type { OsmTags } from './osm-elements';
import { osmFeatureProps } from './osm-feature-props';
import type {
  BuildingPoint,
  NamedRoadLine,
  ResidentialAreaCandidate,
} from './residential-area-inputs';
import { resolveResidentialAreas } from './resolve-residential-areas';

export type Bbox = [number, number, number, number];

/** One GeoJSON feature in the osmtogeojson shape (id "way/1", tags in properties.tags). */
export type OsmFeature = Feature<Geometry | null, OsmToGeoJsonProperties | null>;

export interface OsmImportCollectorOptions {
  /** Unnamed residential areas below this are skipped (m²); default RULES.importCommunities. */
  readonly minAreaSqM?: number | undefined;
  /** Unnamed residential areas with fewer buildings are skipped; default RULES.importCommunities. */
  readonly minBuildings?: number | undefined;
  /** Explicit clip: features wholly outside it are dropped and the extent is cut to its bbox. */
  readonly clip?: Polygon | MultiPolygon | undefined;
  /** The file's <bounds> / header bbox: cuts the extent only (no feature is dropped). */
  readonly fileBounds?: Bbox | undefined;
  /**
   * The clip grown by the context buffer (RULES.importContext): a feature outside `clip` but
   * touching this keeps only its walking-network and facility parts (CONTEXT_KINDS), marked
   * props.context = "buffer"; it adds no community, building count or extent.
   */
  readonly contextClip?: Polygon | MultiPolygon | undefined;
}

/** What a feature in the context buffer keeps: the walking network and the facilities. */
const CONTEXT_KINDS: ReadonlySet<string> = new Set(['road', 'footway', 'facility']);

export interface OsmImportCollector {
  /**
   * Classifies one feature and returns what to write now (none, one, or several: a building
   * that is also a kindergarten). `missingParts`, for a feature osmtogeojson marked tainted,
   * says what the extract lacks ("1 of 2 member ways missing").
   */
  add(feature: OsmFeature, missingParts?: string): ImportedFeature[];
  /** Records a warning found outside add (an object with no geometry at all). */
  warn(warning: ImportWarning): void;
  /** Settles the communities; returns them, the features held back, every warning and the extent. */
  finish(): {
    communities: ImportedCommunity[];
    features: ImportedFeature[];
    warnings: ImportWarning[];
    bbox: Bbox;
  };
}

const nameOf = (tags: OsmTags): string | undefined => tags.name ?? tags['name:zh'];

const isArea = (g: Geometry | null | undefined): g is Polygon | MultiPolygon =>
  g?.type === 'Polygon' || g?.type === 'MultiPolygon';

const key = (p: Position): string => `${p[0]},${p[1]}`;

const outerRings = (g: Polygon | MultiPolygon): Position[][] =>
  g.type === 'Polygon' ? g.coordinates.slice(0, 1) : g.coordinates.map((p) => p[0] ?? []);

const extend = (box: Bbox, b: readonly number[]): void => {
  box[0] = Math.min(box[0], b[0] as number);
  box[1] = Math.min(box[1], b[1] as number);
  box[2] = Math.max(box[2], b[2] as number);
  box[3] = Math.max(box[3], b[3] as number);
};

const cut = (a: Bbox, b: Bbox | undefined): Bbox =>
  b === undefined
    ? a
    : [Math.max(a[0], b[0]), Math.max(a[1], b[1]), Math.min(a[2], b[2]), Math.min(a[3], b[3])];

const boxesOverlap = (a: readonly number[], b: readonly number[]): boolean =>
  (a[0] as number) <= (b[2] as number) &&
  (b[0] as number) <= (a[2] as number) &&
  (a[1] as number) <= (b[3] as number) &&
  (b[1] as number) <= (a[3] as number);

const boxWithin = (a: readonly number[], b: readonly number[]): boolean =>
  (a[0] as number) >= (b[0] as number) &&
  (a[1] as number) >= (b[1] as number) &&
  (a[2] as number) <= (b[2] as number) &&
  (a[3] as number) <= (b[3] as number);

/** An axis-aligned rectangle (a --bbox clip): a box inside it is inside. */
const isRectangle = (g: Polygon | MultiPolygon): boolean => {
  if (g.type !== 'Polygon' || g.coordinates.length !== 1) return false;
  const ring = g.coordinates[0] ?? [];
  if (ring.length !== 5) return false;
  const xs = new Set(ring.map((p) => p[0]));
  const ys = new Set(ring.map((p) => p[1]));
  return xs.size === 2 && ys.size === 2;
};

interface PackedRoadLine {
  readonly name: string;
  readonly nameEn?: string | undefined;
  /** lon, lat, lon, lat, … (degrees). */
  readonly xy: Float64Array;
}

/** Metres per degree of longitude at the equator (a degree of latitude is shorter). */
const M_PER_DEG = 111_320;

/**
 * The buildings inside a residential area's bounding box and the named roads within
 * `roadMaxM` of one, unpacked for resolveResidentialAreas: it counts buildings inside areas
 * and names an area after the nearest road within that distance, so the others cannot matter.
 */
const nearCandidates = (
  candidates: readonly ResidentialAreaCandidate[],
  buildingXY: readonly number[],
  addresses: ReadonlyMap<number, { street?: string | undefined; housenumber?: string }>,
  roads: readonly PackedRoadLine[],
  roadMaxM: number,
): { buildings: BuildingPoint[]; roads: NamedRoadLine[] } => {
  if (candidates.length === 0) return { buildings: [], roads: [] };
  const areas = new Flatbush(candidates.length);
  const near = new Flatbush(candidates.length);
  for (const c of candidates) {
    const [w, s, e, n] = bboxOf(c.geometry) as Bbox;
    areas.add(w, s, e, n);
    // Generous: degrees of longitude at the box's far latitude (the shortest there).
    const d =
      roadMaxM /
      (M_PER_DEG * Math.cos((Math.min(89, Math.max(Math.abs(s), Math.abs(n))) * Math.PI) / 180));
    near.add(w - d, s - d, e + d, n + d);
  }
  areas.finish();
  near.finish();
  const buildings: BuildingPoint[] = [];
  for (let i = 0; i < buildingXY.length; i += 2) {
    const lon = buildingXY[i] as number;
    const lat = buildingXY[i + 1] as number;
    if (areas.search(lon, lat, lon, lat).length === 0) continue;
    buildings.push({ lon, lat, ...addresses.get(i / 2) });
  }
  const out: NamedRoadLine[] = [];
  for (const r of roads) {
    let [w, s, e, n] = [Infinity, Infinity, -Infinity, -Infinity];
    for (let i = 0; i < r.xy.length; i += 2) {
      w = Math.min(w, r.xy[i] as number);
      e = Math.max(e, r.xy[i] as number);
      s = Math.min(s, r.xy[i + 1] as number);
      n = Math.max(n, r.xy[i + 1] as number);
    }
    if (near.search(w, s, e, n).length === 0) continue;
    const coordinates: Position[] = [];
    for (let i = 0; i < r.xy.length; i += 2)
      coordinates.push([r.xy[i] as number, r.xy[i + 1] as number]);
    out.push({ name: r.name, nameEn: r.nameEn, coordinates });
  }
  return { buildings, roads: out };
};

/**
 * The per-feature half of the OSM importer, shared by the in-memory converter
 * (osm-to-imported-district.ts, osmtogeojson) and the streaming reader (osmium export): it
 * sees one feature at a time and keeps only what the end needs — residential areas, one point
 * per building (16 bytes, plus its address if tagged), named road lines (packed), entrance
 * nodes not yet known to be doors — so memory grows slowly with the number of buildings, not
 * with the file.
 *
 * Features must arrive nodes first (both readers do): an entrance=* node that turns out to
 * be a vertex of a building outline is a door, not a 小区 gate, so entrances are held back
 * and returned by finish().
 */
export const createOsmImportCollector = (
  options: OsmImportCollectorOptions = {},
): OsmImportCollector => {
  const warnings: ImportWarning[] = [];
  const candidates: ResidentialAreaCandidate[] = [];
  // Flat memory: a building is two doubles (lon, lat in a packed double array, 16 bytes) plus,
  // only when tagged, its address; a named road line is its name and a Float64Array. finish()
  // unpacks only those near a residential area, the only ones resolveResidentialAreas reads.
  const buildingXY: number[] = [];
  const addresses = new Map<number, { street?: string | undefined; housenumber?: string }>();
  const roads: PackedRoadLine[] = [];
  const entrances = new Map<string, ImportedFeature[]>();
  const extent: Bbox = [Infinity, Infinity, -Infinity, -Infinity];
  const clipBox: Bbox | undefined = options.clip ? (bboxOf(options.clip) as Bbox) : undefined;
  const clipFeature = options.clip ? toFeature(options.clip) : undefined;
  const clipIsBox = options.clip !== undefined && isRectangle(options.clip);

  // A feature whose box lies inside a rectangle clip is inside; one whose box only overlaps
  // it may still miss it (a diagonal line past a corner): that needs the exact test.
  const insideClip = (g: Geometry, box: readonly number[]): boolean =>
    clipBox === undefined ||
    (boxesOverlap(box, clipBox) &&
      ((clipIsBox && boxWithin(box, clipBox)) ||
        booleanIntersects(toFeature(g), clipFeature as Feature)));
  const contextBox: Bbox | undefined = options.contextClip
    ? (bboxOf(options.contextClip) as Bbox)
    : undefined;
  const contextFeature = options.contextClip ? toFeature(options.contextClip) : undefined;
  const contextIsBox = options.contextClip !== undefined && isRectangle(options.contextClip);
  const insideContext = (g: Geometry, box: readonly number[]): boolean =>
    contextBox !== undefined &&
    boxesOverlap(box, contextBox) &&
    ((contextIsBox && boxWithin(box, contextBox)) ||
      booleanIntersects(toFeature(g), contextFeature as Feature));

  const warn = (w: ImportWarning): void => {
    warnings.push(w);
  };

  const add = (feature: OsmFeature, missingParts?: string): ImportedFeature[] => {
    const ref =
      typeof feature.id === 'string'
        ? feature.id
        : `${feature.properties?.type ?? 'unknown'}/${feature.properties?.id ?? ''}`;
    const tags: OsmTags = feature.properties?.tags ?? {};
    const name = nameOf(tags);
    const classes = classifyOsmFeature(feature);
    const community = isCommunityArea(feature);
    if (classes.length === 0 && !community) {
      if (tags.building !== undefined && feature.geometry?.type === 'Point') {
        warn({
          rule: 'building-on-point',
          action: 'skipped',
          osmRef: ref,
          name,
          detail: 'building tagged on a point (no footprint), skipped',
        });
      }
      return [];
    }
    const cleaned = cleanOsmGeometry(feature.geometry);
    const geometry = cleaned.geometry;
    if (geometry === undefined) {
      warn({
        rule: 'degenerate-geometry',
        action: 'skipped',
        osmRef: ref,
        name,
        detail: `dropped, ${cleaned.notes.join('; ')}`,
      });
      return [];
    }
    const box = bboxOf(geometry);
    if (!insideClip(geometry, box)) {
      if (!insideContext(geometry, box)) return [];
      const props = { ...osmFeatureProps(tags), context: 'buffer' };
      return classes
        .filter((c) => CONTEXT_KINDS.has(c.kind))
        .map((c) => ({ ...c, geometry, osmRef: ref, props: { ...props } }));
    }
    if (cleaned.notes.length > 0) {
      warn({
        rule: 'geometry-repaired',
        action: 'repaired',
        osmRef: ref,
        name,
        detail: `repaired, ${cleaned.notes.join('; ')}`,
      });
    }
    if (missingParts !== undefined) {
      warn({
        rule: 'incomplete-in-extract',
        action: 'kept',
        osmRef: ref,
        name,
        detail: `incomplete in this extract (${missingParts}), kept the part inside`,
      });
    }
    if (isArea(geometry) && kinks(toFeature(geometry)).features.length > 0) {
      warn({
        rule: 'self-intersecting',
        action: 'kept',
        osmRef: ref,
        name,
        detail: 'self-intersecting polygon, kept (the database may repair or drop it)',
      });
    }
    if (community && isArea(geometry)) candidates.push({ osmRef: ref, tags, geometry });

    const props = osmFeatureProps(tags);
    const out: ImportedFeature[] = [];
    for (const c of classes) {
      const f: ImportedFeature = { ...c, geometry, osmRef: ref, props: { ...props } };
      if (c.kind === 'gate' && c.category === 'entrance' && geometry.type === 'Point') {
        const k = key(geometry.coordinates);
        entrances.set(k, [...(entrances.get(k) ?? []), f]);
        continue;
      }
      out.push(f);
      if (c.kind === 'building' && isArea(geometry)) {
        const [ring] = outerRings(geometry);
        // coverage-fidelity: a building's doors (entrance=* on its outline) are where its walks
        // start (domain/coverage/entrance-points.ts), kept as "lon,lat;lon,lat".
        const doors: string[] = [];
        for (const p of outerRings(geometry).flat()) {
          const k = key(p);
          if (entrances.has(k) && !doors.includes(`${p[0]},${p[1]}`)) doors.push(`${p[0]},${p[1]}`);
          entrances.delete(k);
        }
        if (doors.length > 0) f.props.entrances = doors.join(';');
        let [x, y, n] = [0, 0, 0];
        for (const p of (ring ?? []).slice(1)) {
          x += p[0] as number;
          y += p[1] as number;
          n++;
        }
        if (n > 0) {
          const street = tags['addr:street'];
          const housenumber = tags['addr:housenumber'];
          if (street !== undefined || housenumber !== undefined) {
            addresses.set(buildingXY.length / 2, { street, housenumber });
          }
          buildingXY.push(x / n, y / n);
        }
      }
      if (c.kind === 'road' && name) {
        const lines =
          geometry.type === 'LineString'
            ? [geometry.coordinates]
            : geometry.type === 'MultiLineString'
              ? geometry.coordinates
              : [];
        for (const line of lines) {
          const xy = new Float64Array(line.length * 2);
          line.forEach((p, i) => {
            xy[2 * i] = p[0] as number;
            xy[2 * i + 1] = p[1] as number;
          });
          roads.push({ name, nameEn: tags['name:en'], xy });
        }
      }
    }
    if (out.length > 0) extend(extent, box);
    return out;
  };

  const finish = (): ReturnType<OsmImportCollector['finish']> => {
    const defaults = RULES.importCommunities;
    const nearestRoadMaxM = defaults.nearestRoadMaxM.value;
    const { buildings, roads: nearRoads } = nearCandidates(
      candidates,
      buildingXY,
      addresses,
      roads,
      nearestRoadMaxM,
    );
    const resolved = resolveResidentialAreas(candidates, buildings, nearRoads, {
      minAreaSqM: options.minAreaSqM ?? defaults.minAreaSqM.value,
      minBuildings: options.minBuildings ?? defaults.minBuildings.value,
      insideNamedShare: defaults.insideNamedShare.value,
      nearestRoadMaxM,
    });
    const held = [...entrances.values()].flat();
    for (const f of held) extend(extent, bboxOf(f.geometry));
    for (const c of resolved.communities) extend(extent, bboxOf(c.geometry));
    const limit = clipBox ?? options.fileBounds;
    let bbox: Bbox;
    if (Number.isFinite(extent[0])) bbox = cut(extent, limit);
    else if (limit) bbox = [...limit];
    else throw new Error('OSM data has neither <bounds> nor any feature to take an extent from');
    warnings.push(...resolved.warnings);
    warnings.sort((a, b) => compareOsmRefs(a.osmRef, b.osmRef));
    return {
      communities: resolved.communities,
      features: held.sort((a, b) => compareOsmRefs(a.osmRef, b.osmRef)),
      warnings,
      bbox,
    };
  };

  return { add, warn, finish };
};
