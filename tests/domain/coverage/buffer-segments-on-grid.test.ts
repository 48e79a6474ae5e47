import { describe, expect, it } from 'vitest';
import {
  bufferSegmentsOnGrid,
  type XYSegment,
} from '../../../domain/coverage/buffer-segments-on-grid';

/** Shoelace area of a ring in local metres (positive: counter-clockwise). */
const ringArea = (ring: readonly (readonly [number, number])[]): number => {
  let a = 0;
  for (let k = 0, n = ring.length, m = n - 1; k < n; m = k++) {
    a += ring[m]![0] * ring[k]![1] - ring[k]![0] * ring[m]![1];
  }
  return a / 2;
};

const R = 50;
const pi = Math.PI;

describe('bufferSegmentsOnGrid: union of round-capped buffers, traced on a grid', () => {
  it('a 600 m street cut into 6 segments: one stadium, 600 · 2r + πr² = 67 854 m²', () => {
    const segs: XYSegment[] = Array.from({ length: 6 }, (_, i) => [
      [-300 + 100 * i, 0],
      [-200 + 100 * i, 0],
    ]);
    const { rings, cellM } = bufferSegmentsOnGrid(segs, { radiusM: R });
    expect(cellM).toBe(5);
    expect(rings).toHaveLength(1);
    const area = ringArea(rings[0]!);
    expect(area).toBeGreaterThan(0);
    // Straight sides are exact; the two caps are chords ~5 m long (the 16-gon of JSTS lost
    // 2.5 % of πr²): within 0.2 % of the hand area.
    expect(Math.abs(area - (600 * 2 * R + pi * R * R)) / 67_854).toBeLessThan(0.002);
    const xs = rings[0]!.map((p) => p[0]);
    const ys = rings[0]!.map((p) => p[1]);
    expect(Math.min(...xs)).toBeCloseTo(-350, 0);
    expect(Math.max(...xs)).toBeCloseTo(350, 0);
    expect(Math.max(...ys)).toBeCloseTo(50, 1);
    expect(Math.min(...ys)).toBeCloseTo(-50, 1);
  });

  it('two 600 m streets crossing at their middles: 2 · 67 854 − 100² = 125 708 m²', () => {
    const segs: XYSegment[] = [
      [
        [-300, 0],
        [300, 0],
      ],
      [
        [0, -300],
        [0, 300],
      ],
    ];
    const { rings } = bufferSegmentsOnGrid(segs, { radiusM: R });
    expect(rings).toHaveLength(1);
    const hand = 2 * (600 * 2 * R + pi * R * R) - (2 * R) ** 2;
    expect(Math.abs(ringArea(rings[0]!) - hand) / hand).toBeLessThan(0.002);
  });

  it('streets 200 m apart give two outlines; a ring of streets gives its outer edge only', () => {
    const apart = bufferSegmentsOnGrid(
      [
        [
          [0, 0],
          [100, 0],
        ],
        [
          [0, 200],
          [100, 200],
        ],
      ],
      { radiusM: R },
    );
    expect(apart.rings).toHaveLength(2);
    // A 200 m square loop: outer edge 300 m square with corners rounded by r, hole dropped:
    // 300² − (4 − π) r² = 87 854 m².
    const loop: XYSegment[] = [
      [
        [0, 0],
        [200, 0],
      ],
      [
        [200, 0],
        [200, 200],
      ],
      [
        [200, 200],
        [0, 200],
      ],
      [
        [0, 200],
        [0, 0],
      ],
    ];
    const { rings } = bufferSegmentsOnGrid(loop, { radiusM: R });
    expect(rings).toHaveLength(1);
    const hand = 300 * 300 - (4 - pi) * R * R;
    expect(Math.abs(ringArea(rings[0]!) - hand) / hand).toBeLessThan(0.002);
  });

  it('a wide extent coarsens the grid to the sample cap; nothing in, nothing out', () => {
    const { cellM, rings } = bufferSegmentsOnGrid(
      [
        [
          [0, 0],
          [20_000, 20_000],
        ],
      ],
      { radiusM: R, maxSamples: 1_000_000 },
    );
    expect(cellM).toBeGreaterThan(20);
    expect(rings).toHaveLength(1);
    expect(bufferSegmentsOnGrid([], { radiusM: R }).rings).toEqual([]);
  });
});
