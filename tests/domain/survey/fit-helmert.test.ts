import { describe, expect, it } from 'vitest';
import { applyHelmert, fitHelmert } from '../../../domain/survey/fit-helmert';

describe('fitHelmert', () => {
  it('recovers an exact transform from 2 points with zero residual', () => {
    // local grid rotated 90° and shifted by (1000, 2000): (100, 0) → (1000, 2100)
    const fit = fitHelmert([
      { source: [0, 0], target: [1000, 2000] },
      { source: [100, 0], target: [1000, 2100] },
    ]);
    expect(fit.dx).toBeCloseTo(1000, 9);
    expect(fit.dy).toBeCloseTo(2000, 9);
    expect(fit.scale).toBeCloseTo(1, 12);
    expect(fit.rotationDeg).toBeCloseTo(90, 9);
    expect(fit.rmsM).toBeLessThan(1e-9);
    expect(applyHelmert(fit, [0, 100])).toEqual([expect.closeTo(900, 9), expect.closeTo(2000, 9)]);
  });

  it('gives the hand-worked residuals of 3 points with one 0.3 m off', () => {
    //   source (0,0) (100,0) (0,100); target (1000,2000) (1000,2100) (900.3,2000)
    // centred (means: source (33.33, 33.33), target (966.767, 2033.33)):
    //   Σ(x'²+y'²) = 13333.33, Σ(x'X'+y'Y') = 3323.33 − 3333.33 = −10,
    //   Σ(x'Y'−y'X') = 6666.67 + 6646.67 = 13313.33
    //   → a = −0.00075, b = 0.9985, dx = 966.767 + 0.025 + 33.283 = 1000.075, dy = 2000.075
    // predicted (1000.075, 2000.075) (1000.000, 2099.925) (900.225, 2000.000)
    // residuals √(0.075²+0.075²) = 0.10607, 0.075, 0.075 (they sum to the zero vector)
    // rms = √((0.01125 + 0.005625 + 0.005625)/3) = √0.0075 = 0.08660
    const fit = fitHelmert([
      { source: [0, 0], target: [1000, 2000] },
      { source: [100, 0], target: [1000, 2100] },
      { source: [0, 100], target: [900.3, 2000] },
    ]);
    expect(fit.dx).toBeCloseTo(1000.075, 9);
    expect(fit.dy).toBeCloseTo(2000.075, 9);
    expect(fit.scale).toBeCloseTo(Math.hypot(0.00075, 0.9985), 12);
    expect(fit.points.map((p) => p.residualM)).toEqual([
      expect.closeTo(0.10607, 5),
      expect.closeTo(0.075, 5),
      expect.closeTo(0.075, 5),
    ]);
    expect(fit.rmsM).toBeCloseTo(0.0866, 5);
    expect(fit.maxM).toBeCloseTo(0.10607, 5);
  });

  it('refuses fewer than 2 points or coincident ones', () => {
    expect(() => fitHelmert([{ source: [0, 0], target: [1, 1] }])).toThrow(RangeError);
    expect(() =>
      fitHelmert([
        { source: [5, 5], target: [1, 1] },
        { source: [5, 5], target: [2, 2] },
      ]),
    ).toThrow(RangeError);
  });
});
