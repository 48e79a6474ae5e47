import { describe, expect, it } from 'vitest';
import { localProjection } from '../../../domain/geo/local-projection';

/** Vincenty's inverse formula on WGS84: geodesic distance in metres (reference, ~0.1 mm). */
const vincentyM = ([lon1, lat1]: number[], [lon2, lat2]: number[]): number => {
  const a = 6378137;
  const f = 1 / 298.257223563;
  const b = a * (1 - f);
  const rad = Math.PI / 180;
  const L = (lon2! - lon1!) * rad;
  const U1 = Math.atan((1 - f) * Math.tan(lat1! * rad));
  const U2 = Math.atan((1 - f) * Math.tan(lat2! * rad));
  const [sU1, cU1, sU2, cU2] = [Math.sin(U1), Math.cos(U1), Math.sin(U2), Math.cos(U2)];
  let lambda = L;
  let sinS = 0;
  let cosS = 0;
  let sigma = 0;
  let cos2A = 0;
  let cos2Sm = 0;
  for (let i = 0; i < 200; i++) {
    const sL = Math.sin(lambda);
    const cL = Math.cos(lambda);
    sinS = Math.hypot(cU2 * sL, cU1 * sU2 - sU1 * cU2 * cL);
    cosS = sU1 * sU2 + cU1 * cU2 * cL;
    sigma = Math.atan2(sinS, cosS);
    const sinA = (cU1 * cU2 * sL) / sinS;
    cos2A = 1 - sinA * sinA;
    cos2Sm = cosS - (2 * sU1 * sU2) / cos2A;
    const C = (f / 16) * cos2A * (4 + f * (4 - 3 * cos2A));
    const prev = lambda;
    lambda =
      L +
      (1 - C) * f * sinA * (sigma + C * sinS * (cos2Sm + C * cosS * (-1 + 2 * cos2Sm * cos2Sm)));
    if (Math.abs(lambda - prev) < 1e-13) break;
  }
  const u2 = (cos2A * (a * a - b * b)) / (b * b);
  const A = 1 + (u2 / 16384) * (4096 + u2 * (-768 + u2 * (320 - 175 * u2)));
  const B = (u2 / 1024) * (256 + u2 * (-128 + u2 * (74 - 47 * u2)));
  const dS =
    B *
    sinS *
    (cos2Sm +
      (B / 4) *
        (cosS * (-1 + 2 * cos2Sm * cos2Sm) -
          (B / 6) * cos2Sm * (-3 + 4 * sinS * sinS) * (-3 + 4 * cos2Sm * cos2Sm)));
  return b * A * (sigma - dS);
};

describe('localProjection (WGS84 tangent plane)', () => {
  it.each([
    ['Beijing', [116.35, 40.0]],
    ['Harbin', [126.6, 45.75]],
    ['Sanya', [109.5, 18.25]],
  ])('measures within 1 cm of the geodesic over 1 km around %s', (_, origin) => {
    const p = localProjection(origin as [number, number]);
    for (const [x1, y1, x2, y2] of [
      [-500, 0, 500, 0],
      [0, -500, 0, 500],
      [-350, -350, 350, 350],
      [0, 0, 1000, 0],
      [400, 300, -400, -300],
    ]) {
      const a = p.toLonLat([x1!, y1!]);
      const b = p.toLonLat([x2!, y2!]);
      const plane = Math.hypot(x2! - x1!, y2! - y1!);
      expect(Math.abs(vincentyM(a, b) - plane)).toBeLessThan(0.01);
    }
  });

  it('round-trips to a nanometre', () => {
    const p = localProjection([116.35, 40.0]);
    for (const q of [
      [116.351, 40.002],
      [116.34, 39.995],
      [116.35, 40.0],
    ]) {
      const back = p.toLonLat(p.toLocal(q));
      expect(Math.abs(back[0] - q[0]!)).toBeLessThan(1e-11);
      expect(Math.abs(back[1] - q[1]!)).toBeLessThan(1e-11);
    }
    const [x, y] = p.toLocal(p.toLonLat([123.456, -789.012]));
    expect(Math.abs(x - 123.456)).toBeLessThan(1e-8);
    expect(Math.abs(y + 789.012)).toBeLessThan(1e-8);
  });

  it('points x east and y north', () => {
    const p = localProjection([116.35, 40.0]);
    const [x, y] = p.toLocal([116.351, 40.0]);
    expect(x).toBeGreaterThan(85);
    expect(Math.abs(y)).toBeLessThan(0.01);
    expect(p.toLocal([116.35, 40.001])[1]).toBeGreaterThan(110);
  });
});
