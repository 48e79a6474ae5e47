import { VectorTile, type VectorTileFeature } from '@mapbox/vector-tile';
import { PbfReader } from 'pbf';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTileService } from '../../server/tiles/tile-service';
import { openTestDatabase, type TestDatabase } from '../helpers/test-db';

let t: TestDatabase;
beforeAll(async () => {
  t = await openTestDatabase();
});
afterAll(() => t?.close());

const decode = (b: Uint8Array) => new VectorTile(new PbfReader(b) as never);

/** Tiles covering the demo district (116.344–116.360 E, 39.998–40.009 N) at z14–z16. */
function districtTiles(): [number, number, number][] {
  const lon2x = (lon: number, z: number) => Math.floor(((lon + 180) / 360) * 2 ** z);
  const lat2y = (lat: number, z: number) => {
    const r = (lat * Math.PI) / 180;
    return Math.floor(((1 - Math.log(Math.tan(r) + 1 / Math.cos(r)) / Math.PI) / 2) * 2 ** z);
  };
  const out: [number, number, number][] = [];
  for (const z of [14, 15, 16]) {
    for (let x = lon2x(116.344, z); x <= lon2x(116.36, z); x++) {
      for (let y = lat2y(40.009, z); y <= lat2y(39.998, z); y++) out.push([z, x, y]);
    }
  }
  return out;
}

/**
 * Shoelace area ½·Σ(xᵢyᵢ₊₁ − xᵢ₊₁yᵢ) in tile coordinates (y down). The MVT 2 spec's exterior
 * rings are positive: clockwise as seen on screen.
 */
const ringArea = (ring: { x: number; y: number }[]): number => {
  let a = 0;
  for (let i = 0; i < ring.length; i++) {
    const p = ring[i]!;
    const q = ring[(i + 1) % ring.length]!;
    a += p.x * q.y - q.x * p.y;
  }
  return a / 2;
};

const polygonsOf = (tile: VectorTile): VectorTileFeature[] =>
  Object.values(tile.layers).flatMap((l) =>
    Array.from({ length: l.length }, (_, i) => l.feature(i)).filter((f) => f.type === 3),
  );

const paths = process.env.DATABASE_URL ? (['sql-clip', 'mvt'] as const) : (['sql-clip'] as const);

describe.each(paths)('tile path %s', (path) => {
  it('starts every polygon with an exterior ring of positive area, as MVT 2 requires', async () => {
    const tiles = makeTileService(t.db, { cacheEntries: 0, path });
    let polygons = 0;
    for (const [z, x, y] of districtTiles()) {
      for (const f of polygonsOf(decode((await tiles.getTile('baseline', z, x, y)).mvt))) {
        const first = f.loadGeometry()[0]!;
        expect(ringArea(first), `feature ${f.id} in ${z}/${x}/${y}`).toBeGreaterThan(0);
        polygons++;
      }
    }
    expect(polygons).toBeGreaterThan(500);
  });
});

describe.runIf(process.env.DATABASE_URL)('tile paths agree on server PostGIS', () => {
  it('holds the same features per layer as ST_AsMVT, with the same properties', async () => {
    const native = makeTileService(t.db, { cacheEntries: 0, path: 'mvt' });
    const fallback = makeTileService(t.db, { cacheEntries: 0, path: 'sql-clip' });
    let compared = 0;
    let mismatched = 0;
    for (const [z, x, y] of districtTiles()) {
      const a = decode((await native.getTile('baseline', z, x, y)).mvt);
      const b = decode((await fallback.getTile('baseline', z, x, y)).mvt);
      for (const name of new Set([...Object.keys(a.layers), ...Object.keys(b.layers)])) {
        const idsOf = (tile: VectorTile) => {
          const l = tile.layers[name];
          return new Map(
            l
              ? Array.from({ length: l.length }, (_, i) => [l.feature(i).id, l.feature(i)] as const)
              : [],
          );
        };
        const na = idsOf(a);
        const nb = idsOf(b);
        for (const [id, fa] of na) {
          compared++;
          const fb = nb.get(id);
          if (!fb) {
            mismatched++;
            continue;
          }
          expect(fb.properties).toEqual(fa.properties);
          expect(fb.type).toBe(fa.type);
          // Same place, to within a pixel or two of simplification and snapping (extent 4096).
          const box = (f: VectorTileFeature) => f.bbox?.() ?? [0, 0, 0, 0];
          box(fb).forEach((v, i) =>
            expect(Math.abs(v - box(fa)[i]!), `feature ${id} ${z}/${x}/${y}`).toBeLessThanOrEqual(
              16,
            ),
          );
        }
        for (const id of nb.keys()) if (!na.has(id)) mismatched++;
      }
    }
    expect(compared).toBeGreaterThan(1000);
    // Both clip to the same 64 px buffer; slivers that snap to nothing may differ at the edges.
    expect(mismatched / compared).toBeLessThan(0.01);
  });
});
