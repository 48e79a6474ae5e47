import type { Geometry } from 'geojson';
import { describe, expect, it } from 'vitest';
import { cleanOsmGeometry } from '../../../domain/osm/clean-osm-geometry';

describe('cleanOsmGeometry', () => {
  it('removes repeated nodes and closes an open ring', () => {
    //  (0,1) ┌───┐ (1,1)
    //        │   │
    //  (0,0) └───┘ (1,0)   drawn with (1,0) twice and the ring left open
    const input: Geometry = {
      type: 'Polygon',
      coordinates: [
        [
          [0, 0],
          [1, 0],
          [1, 0],
          [1, 1],
          [0, 1],
        ],
      ],
    };
    const copy = structuredClone(input);
    expect(cleanOsmGeometry(input)).toEqual({
      geometry: {
        type: 'Polygon',
        coordinates: [
          [
            [0, 0],
            [1, 0],
            [1, 1],
            [0, 1],
            [0, 0],
          ],
        ],
      },
      notes: [],
    });
    expect(input).toEqual(copy);
  });

  it.each<[string, Geometry]>([
    // A closed way A → B → A: two distinct points.
    [
      'two-point ring',
      {
        type: 'Polygon',
        coordinates: [
          [
            [0, 0],
            [1, 1],
            [0, 0],
          ],
        ],
      },
    ],
    // Three collinear points: no area.
    [
      'flat ring',
      {
        type: 'Polygon',
        coordinates: [
          [
            [0, 0],
            [1, 0],
            [2, 0],
            [0, 0],
          ],
        ],
      },
    ],
    [
      'zero-length line',
      {
        type: 'LineString',
        coordinates: [
          [1, 1],
          [1, 1],
        ],
      },
    ],
    ['point without coordinates', { type: 'Point', coordinates: [NaN, 1] }],
  ])('drops a %s with a note', (_name, input) => {
    const result = cleanOsmGeometry(input);
    expect(result.geometry).toBeUndefined();
    expect(result.notes).toHaveLength(1);
  });

  it('removes a degenerate hole and a degenerate multipolygon part, keeping the rest', () => {
    const square = [
      [0, 0],
      [4, 0],
      [4, 4],
      [0, 4],
      [0, 0],
    ];
    const sliver = [
      [1, 1],
      [2, 2],
      [1, 1],
    ];
    const result = cleanOsmGeometry({
      type: 'MultiPolygon',
      coordinates: [[square, sliver], [sliver]],
    });
    expect(result.geometry).toEqual({ type: 'MultiPolygon', coordinates: [[square]] });
    expect(result.notes).toEqual([
      'removed a degenerate inner ring',
      'removed degenerate polygon parts',
    ]);
  });
});
