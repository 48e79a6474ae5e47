import vtpbf from 'vt-pbf';
import type { Geometry, Position } from 'geojson';

/** A feature already in tile coordinates (0..extent, y down, integers). */
export interface TileFeature {
  id: number;
  geometry: Geometry;
  properties: Record<string, string | number | boolean | null>;
}

type Ring = number[][];
interface VtFeature {
  id: number;
  type: 1 | 2 | 3;
  geometry: Ring[] | number[][];
  tags: Record<string, string | number | boolean>;
}

const pts = (coords: Position[]): number[][] => coords.map((c) => [c[0] ?? 0, c[1] ?? 0]);

/** GeoJSON geometry (tile coordinates) → geojson-vt's compact form that vt-pbf writes. */
function toVt(geometry: Geometry): Pick<VtFeature, 'type' | 'geometry'> | undefined {
  switch (geometry.type) {
    case 'Point':
      return { type: 1, geometry: [pts([geometry.coordinates])[0] ?? [0, 0]] };
    case 'MultiPoint':
      return { type: 1, geometry: pts(geometry.coordinates) };
    case 'LineString':
      return geometry.coordinates.length < 2
        ? undefined
        : { type: 2, geometry: [pts(geometry.coordinates)] };
    case 'MultiLineString': {
      const lines = geometry.coordinates.filter((l) => l.length >= 2).map(pts);
      return lines.length ? { type: 2, geometry: lines } : undefined;
    }
    case 'Polygon': {
      const rings = geometry.coordinates.filter((r) => r.length >= 4).map(pts);
      return rings.length ? { type: 3, geometry: rings } : undefined;
    }
    case 'MultiPolygon': {
      const rings = geometry.coordinates
        .flat()
        .filter((r) => r.length >= 4)
        .map(pts);
      return rings.length ? { type: 3, geometry: rings } : undefined;
    }
    case 'GeometryCollection':
      // Mixed collections come only from clipping artefacts; keep the highest dimension.
      return undefined;
  }
}

/**
 * Encode layers of tile-coordinate features as a Mapbox Vector Tile (spec v2). Null property
 * values are omitted, as ST_AsMVT does.
 */
export function encodeMvt(layers: Map<string, TileFeature[]>, extent = 4096): Uint8Array {
  const vtLayers: Record<string, { features: VtFeature[] }> = {};
  for (const [name, features] of layers) {
    const out: VtFeature[] = [];
    for (const f of features) {
      const vt = toVt(f.geometry);
      if (!vt) continue;
      const tags: VtFeature['tags'] = {};
      for (const [k, v] of Object.entries(f.properties)) if (v !== null) tags[k] = v;
      out.push({ id: f.id, ...vt, tags });
    }
    if (out.length) vtLayers[name] = { features: out };
  }
  if (Object.keys(vtLayers).length === 0) return new Uint8Array(0);
  return vtpbf.fromGeojsonVt(vtLayers as never, { version: 2, extent });
}
