import { VectorTile } from '@mapbox/vector-tile';
import { PbfReader } from 'pbf';
import { describe, expect, it } from 'vitest';
import { encodeMvt, type TileFeature } from '../../../server/tiles/encode-mvt';

const decode = (bytes: Uint8Array) => new VectorTile(new PbfReader(bytes) as never);

describe('encodeMvt', () => {
  it('writes layers, ids, properties and geometry types that a reader decodes back', () => {
    // A 100 × 50 px building (clockwise in y-down tile space: positive area, an exterior ring),
    // a road polyline and a gate point.
    const building: TileFeature = {
      id: 7,
      geometry: {
        type: 'Polygon',
        coordinates: [
          [
            [100, 100],
            [200, 100],
            [200, 150],
            [100, 150],
            [100, 100],
          ],
        ],
      },
      properties: { kind: 'building', name: '1号楼', levels: 6, category: null },
    };
    const road: TileFeature = {
      id: 8,
      geometry: {
        type: 'LineString',
        coordinates: [
          [0, 0],
          [4096, 4096],
        ],
      },
      properties: { kind: 'road', width_m: 4.5 },
    };
    const gate: TileFeature = {
      id: 9,
      geometry: { type: 'Point', coordinates: [10, 20] },
      properties: { kind: 'gate' },
    };
    const tile = decode(
      encodeMvt(
        new Map([
          ['building', [building]],
          ['road', [road]],
          ['gate', [gate]],
        ]),
      ),
    );

    expect(Object.keys(tile.layers).sort()).toEqual(['building', 'gate', 'road']);
    const b = tile.layers.building!.feature(0);
    expect(b.id).toBe(7);
    expect(b.type).toBe(3);
    expect(b.properties).toEqual({ kind: 'building', name: '1号楼', levels: 6 }); // null omitted
    expect(b.loadGeometry()[0]!.map((p) => [p.x, p.y])).toEqual([
      [100, 100],
      [200, 100],
      [200, 150],
      [100, 150],
      [100, 100],
    ]);
    // z0 tile: the polygon decodes to a single-ring Polygon (its ring is read as exterior).
    expect(b.toGeoJSON(0, 0, 0).geometry.type).toBe('Polygon');
    expect(tile.layers.road!.feature(0).properties.width_m).toBe(4.5);
    expect(tile.layers.gate!.feature(0).loadGeometry()[0]![0]).toMatchObject({ x: 10, y: 20 });
  });

  it('drops degenerate geometry and returns an empty tile for no features', () => {
    const line: TileFeature = {
      id: 1,
      geometry: { type: 'LineString', coordinates: [[5, 5]] },
      properties: {},
    };
    expect(encodeMvt(new Map([['road', [line]]])).byteLength).toBe(0);
    expect(encodeMvt(new Map()).byteLength).toBe(0);
  });
});
