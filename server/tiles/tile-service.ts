import { gzip } from 'node:zlib';
import { LRUCache } from 'lru-cache';
import type { Geometry } from 'geojson';
import type { Database } from '../db/database';
import { sql } from '../db/load-sql';
import { encodeMvt, type TileFeature } from './encode-mvt';

/** Tile layers served at /api/tiles/{layer}/{z}/{x}/{y}.mvt: an allow-list of feature kinds. */
export const TILE_LAYERS = {
  baseline: {
    kinds: ['green', 'road', 'footway', 'parking_area', 'building', 'facility', 'gate'],
    minzoom: 12,
    maxzoom: 16,
  },
} as const;

export type TileLayerName = keyof typeof TILE_LAYERS;
export const isTileLayer = (s: string): s is TileLayerName => Object.hasOwn(TILE_LAYERS, s);

/** 'mvt': PostGIS ST_AsMVT; 'sql-clip': PostGIS clips, the server encodes (works on PGlite). */
export type TilePath = 'mvt' | 'sql-clip';

export interface Tile {
  /** Uncompressed MVT bytes (may be empty: no features). */
  readonly mvt: Buffer;
  /** The same bytes gzipped, once compression (off the request path) has finished. */
  gzip?: Buffer;
  readonly path: TilePath;
  /** Time the database and encoder took to build it, ms (Server-Timing). */
  readonly buildMs: number;
}

interface FeatureRow {
  kind: string;
  id: number;
  name: string | null;
  category: string | null;
  levels: number | null;
  width_m: number | null;
  geom: string;
}

export interface TileService {
  /**
   * One tile, cached. `signal`: this caller's client went away. A build shared by several
   * callers is abandoned (its statement skipped or cancelled) only once every caller has left.
   */
  getTile(
    layer: TileLayerName,
    z: number,
    x: number,
    y: number,
    signal?: AbortSignal,
  ): Promise<Tile>;
  /** Forget cached tiles after baseline features change. */
  invalidate(): void;
  readonly path: TilePath;
}

/**
 * Vector tiles on both engines. Server PostGIS builds them with ST_AsMVT; PGlite's PostGIS has
 * no protobuf (ST_AsMVT and ST_AsMVTGeom both fail), so there PostGIS clips and quantises and
 * we encode. Tiles are cached (LRU) until `invalidate`. A freshly built tile is served as is
 * and gzipped in the background for every later request: compression never delays a miss.
 * Concurrent requests for a tile being built share the one build.
 */
export function makeTileService(
  db: Database,
  options: { cacheEntries: number; path?: TilePath },
): TileService {
  const path: TilePath = options.path ?? (db.engine === 'postgres' ? 'mvt' : 'sql-clip');
  // cacheEntries 0 turns the cache off (benchmarks of the uncached path).
  const cache =
    options.cacheEntries > 0
      ? new LRUCache<string, Tile>({ max: options.cacheEntries })
      : undefined;
  let generation = 0;
  /** Builds in flight: callers still waiting (Infinity once one came without a signal). */
  const building = new Map<
    string,
    { tile: Promise<Tile>; waiting: number; stop: AbortController }
  >();

  async function build(
    layer: TileLayerName,
    z: number,
    x: number,
    y: number,
    signal: AbortSignal,
  ): Promise<Buffer> {
    const kinds = [...TILE_LAYERS[layer].kinds];
    if (path === 'mvt') {
      // Named: prepared once per connection, so each tile skips parsing and planning.
      const [row] = await db.query<{ mvt: Uint8Array }>(sql('tile-mvt'), [z, x, y, kinds], {
        name: 'tile-mvt',
        signal,
      });
      const bytes = row?.mvt ?? new Uint8Array(0);
      return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    }
    const rows = await db.query<FeatureRow>(sql('tile-features'), [z, x, y, kinds], { signal });
    const layers = new Map<string, TileFeature[]>();
    for (const r of rows) {
      let list = layers.get(r.kind);
      if (!list) layers.set(r.kind, (list = []));
      list.push({
        id: Number(r.id),
        geometry: JSON.parse(r.geom) as Geometry,
        properties: {
          kind: r.kind,
          name: r.name,
          category: r.category,
          levels: r.levels,
          width_m: r.width_m,
        },
      });
    }
    return Buffer.from(encodeMvt(layers));
  }

  return {
    path,
    invalidate() {
      generation += 1;
      cache?.clear();
    },
    getTile(layer, z, x, y, signal) {
      const key = `${generation}/${layer}/${z}/${x}/${y}`;
      const hit = cache?.get(key);
      if (hit) return Promise.resolve(hit);
      let b = building.get(key);
      // A build every caller left is not joined: its statement may already be skipped.
      if (!b || b.stop.signal.aborted) {
        const started = performance.now();
        const stop = new AbortController();
        const tile = build(layer, z, x, y, stop.signal)
          .then((mvt): Tile => {
            const t: Tile = { mvt, path, buildMs: performance.now() - started };
            if (cache) {
              cache.set(key, t);
              gzip(mvt, (err, zipped) => {
                if (!err) t.gzip = zipped;
              });
            }
            return t;
          })
          .finally(() => {
            if (building.get(key) === fresh) building.delete(key);
          });
        const fresh = { tile, waiting: 0, stop };
        building.set(key, (b = fresh));
      }
      const entry = b;
      if (!signal) entry.waiting = Number.POSITIVE_INFINITY;
      else {
        entry.waiting++;
        const leave = () => {
          if (--entry.waiting === 0) entry.stop.abort(signal.reason);
        };
        signal.addEventListener('abort', leave, { once: true });
        void entry.tile.finally(() => signal.removeEventListener('abort', leave)).catch(() => {});
      }
      return entry.tile;
    },
  };
}
