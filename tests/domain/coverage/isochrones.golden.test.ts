import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FeatureCollection, Polygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import { buildWalkingNetwork } from '../../../domain/coverage/build-walking-network';
import { walkingIsochrones } from '../../../domain/coverage/walking-isochrones';
import { RULES } from '../../../domain/standards/rules';
import { fc, line, P } from './build';

const OUT = join(import.meta.dirname, 'out');
const UPDATE = process.env.UPDATE_GOLDEN === '1';
const R = RULES.lifeCircle.isochroneBufferM.value;

const golden = (name: string, value: FeatureCollection): void => {
  const file = join(OUT, `${name}.geojson`);
  const text = `${JSON.stringify(value, null, 1)}\n`;
  if (UPDATE || !existsSync(file)) {
    if (!UPDATE) throw new Error(`${file} missing: run with UPDATE_GOLDEN=1`);
    writeFileSync(file, text);
  }
  expect(JSON.parse(text)).toEqual(JSON.parse(readFileSync(file, 'utf8')));
};

const outlines = (iso: FeatureCollection) =>
  iso.features.filter((f) => f.geometry.type !== 'MultiLineString');
const reached = (iso: FeatureCollection) =>
  iso.features.filter((f) => f.geometry.type === 'MultiLineString');

/**
 * Within 1 %: the outline is traced on a 5 m grid (caps cut into ~5 m chords, well under
 * 0.2 %, buffer-segments-on-grid.test.ts), simplified by 0.5 m, and measured on the sphere
 * (turf area vs the local WGS84 plane: about −0.2 % to −0.5 % here).
 */
const near = (actual: number, hand: number): void =>
  expect(Math.abs(actual - hand) / hand).toBeLessThan(0.01);

describe('walkingIsochrones: tier bands and buffered outlines, against hand areas', () => {
  it('bands are the GB 50180 tiers: 5/10/15 minutes = 300/500/1000 m', () => {
    expect(R).toBe(50);
    const net = buildWalkingNetwork({
      network: fc([
        line([
          [-500, 0],
          [500, 0],
        ]),
      ]),
    });
    const iso = walkingIsochrones(net, P.toLonLat([0, 0]));
    expect(reached(iso).map((f) => [f.properties!.minutes, f.properties!.maxDistanceM])).toEqual([
      [5, 300],
      [10, 500],
      [15, 1000],
    ]);
    expect(reached(iso).map((f) => f.properties!.tier)).toEqual(['min5', 'min10', 'min15']);
  });

  it('a straight 1 km street from its middle: 600 m × 2r stadium at 300 m', () => {
    // (-500,0) ─── (0,0)● ─── (500,0), a vertex every 100 m.
    // 300 m: reached 600 m; outline 600 · 2 · 50 + π · 50² = 60 000 + 7 854 = 67 854 m².
    // 500 m and 1000 m: the whole 1 000 m street; 100 000 + 7 854 = 107 854 m².
    const street = line(Array.from({ length: 11 }, (_, i) => [-500 + 100 * i, 0] as const));
    const net = buildWalkingNetwork({ network: fc([street]) });
    const iso = walkingIsochrones(net, P.toLonLat([0, 0]));
    const [l5, l10, l15] = reached(iso);
    expect(l5!.properties!.reachedLengthM).toBeCloseTo(600, 2);
    expect(l10!.properties!.reachedLengthM).toBeCloseTo(1000, 2);
    expect(l15!.properties!.reachedLengthM).toBeCloseTo(1000, 2);
    const [o15, o10, o5] = outlines(iso);
    near(o5!.properties!.areaSqM, 600 * 2 * R + Math.PI * R * R);
    near(o10!.properties!.areaSqM, 1000 * 2 * R + Math.PI * R * R);
    near(o15!.properties!.areaSqM, 1000 * 2 * R + Math.PI * R * R);
    golden('isochrone-stadium', iso);
  });

  it('a 200 m square block from a corner, 500 m: one filled outline, no hole', () => {
    // The loop's far corner is 400 m away both ways: the whole 800 m loop is reached.
    // Outline: the buffered ring's outer edge, a 300 m square with corners rounded by r:
    // 300² − (4 − π) · 50² = 90 000 − 2 146 = 87 854 m² (the 100 m inner hole is filled).
    const ring = line([
      [0, 0],
      [200, 0],
      [200, 200],
      [0, 200],
      [0, 0],
    ]);
    const net = buildWalkingNetwork({ network: fc([ring]) });
    const iso = walkingIsochrones(net, P.toLonLat([0, 0]), { minutes: [500 / 75] });
    expect(reached(iso)[0]!.properties!.reachedLengthM).toBeCloseTo(800, 2);
    const [o] = outlines(iso);
    expect(o!.geometry.type).toBe('Polygon');
    expect((o!.geometry as Polygon).coordinates).toHaveLength(1);
    near(o!.properties!.areaSqM, 300 * 300 - (4 - Math.PI) * R * R);
  });
});
