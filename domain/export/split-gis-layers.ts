import type { Feature, FeatureCollection, Geometry } from 'geojson';
import { FEATURE_KINDS, isFeatureKind, type FeatureKind } from '../model/feature-kinds';

/**
 * Attribute fields of the Shapefile and GeoPackage exports: API property → field name. DBF field
 * names hold at most 10 characters (ASCII here, so bytes = characters); GeoPackage uses the same
 * names so both files read alike. `props` (free-form extra properties) is written as JSON text.
 */
export const GIS_FIELDS = [
  ['id', 'id'],
  ['kind', 'kind'],
  ['name', 'name'],
  ['category', 'category'],
  ['widthM', 'width_m'],
  ['levels', 'levels'],
  ['heightM', 'height_m'],
  ['capacity', 'capacity'],
  ['sourceId', 'source_id'],
  ['osmRef', 'osm_ref'],
  ['props', 'props'],
] as const satisfies readonly (readonly [string, string])[];

export type GisGeometryType = 'polygon' | 'line' | 'point';

export interface GisLayer {
  /** `<kind>_<geometry type>` (shapefile base name), e.g. `parking_stall_polygon`. */
  readonly name: string;
  readonly kind: FeatureKind;
  readonly geometryType: GisGeometryType;
  /** Features with GIS_FIELDS attributes, geometries as in the input. */
  readonly features: FeatureCollection;
}

const GEOMETRY_TYPE: Record<Geometry['type'], GisGeometryType | null> = {
  Polygon: 'polygon',
  MultiPolygon: 'polygon',
  LineString: 'line',
  MultiLineString: 'line',
  Point: 'point',
  MultiPoint: 'point',
  GeometryCollection: null,
};

const attributes = (p: Record<string, unknown>): Record<string, string | number | null> =>
  Object.fromEntries(
    GIS_FIELDS.map(([from, to]) => {
      const v = p[from];
      if (v === undefined || v === null) return [to, null];
      if (typeof v === 'number' || typeof v === 'string') return [to, v];
      const json = JSON.stringify(v);
      return [to, json === '{}' ? null : json];
    }),
  );

/**
 * A scenario's features split into one layer per kind and geometry type (a shapefile holds one
 * geometry type), in FEATURE_KINDS order then polygon, line, point; features keep input order.
 * Geometry collections and unknown kinds are left out. Pure; input not mutated.
 */
export function splitGisLayers(fc: FeatureCollection): GisLayer[] {
  const groups = new Map<string, { kind: FeatureKind; type: GisGeometryType; fs: Feature[] }>();
  for (const f of fc.features) {
    const kind = String(f.properties?.['kind'] ?? '');
    const type = f.geometry ? GEOMETRY_TYPE[f.geometry.type] : null;
    if (!type || !isFeatureKind(kind)) continue;
    const key = `${kind}_${type}`;
    const g = groups.get(key) ?? { kind, type, fs: [] };
    g.fs.push({
      type: 'Feature',
      properties: attributes(f.properties ?? {}),
      geometry: f.geometry,
    });
    groups.set(key, g);
  }
  const out: GisLayer[] = [];
  for (const kind of FEATURE_KINDS)
    for (const type of ['polygon', 'line', 'point'] as const) {
      const g = groups.get(`${kind}_${type}`);
      if (g)
        out.push({
          name: `${kind}_${type}`,
          kind,
          geometryType: type,
          features: { type: 'FeatureCollection', features: g.fs },
        });
    }
  return out;
}
