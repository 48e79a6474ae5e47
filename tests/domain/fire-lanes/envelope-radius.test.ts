import { describe, expect, it } from 'vitest';
import { envelopeRadiusM } from '../../../domain/fire-lanes/envelope-radius';
import { RULES } from '../../../domain/standards/rules';

const deg = (d: number) => (d * Math.PI) / 180;
const W = RULES.fireLane.minClearWidthM.value;

/**
 * Swept path at a bend (issue 12 §1): the largest centreline arc inside the lane's clear width,
 * R = (w/2) / (1 − cos(θ/2)), worked by hand.
 */
describe('envelopeRadiusM', () => {
  it.each([
    ['90° corner, 4 m lane', W, 90, 2 / (1 - Math.SQRT1_2), 6.828],
    ['90° corner, 5.3 m lane', 5.3, 90, 2.65 / (1 - Math.SQRT1_2), 9.048],
    ['10° vertex of a polyline arc, 4 m lane', W, 10, 2 / (1 - Math.cos(deg(5))), 525.6],
    ['45° bend, 4 m lane', W, 45, 2 / (1 - Math.cos(deg(22.5))), 26.27],
  ])('%s', (_what, widthM, d, exact, byHand) => {
    const r = envelopeRadiusM(widthM, deg(d));
    expect(r).toBeCloseTo(exact, 9);
    expect(r).toBeCloseTo(byHand, 0);
  });

  it('a 4 m lane rounds a right angle at 9 m only if 2·9·(1 − cos 45°) = 5.27 m wide', () => {
    expect(envelopeRadiusM(W, deg(90))).toBeLessThan(RULES.fireLane.minTurningRadiusM.value);
    expect(envelopeRadiusM(5.28, deg(90))).toBeGreaterThan(RULES.fireLane.minTurningRadiusM.value);
  });

  it('a straight has no bound', () => {
    expect(envelopeRadiusM(W, 0)).toBe(Number.POSITIVE_INFINITY);
  });
});
