import { describe, expect, it } from 'vitest';
import { bendArc } from '../../../domain/fire-lanes/bend-arc';
import { envelopeRadiusM } from '../../../domain/fire-lanes/envelope-radius';
import { RULES } from '../../../domain/standards/rules';

const W = RULES.fireLane.minClearWidthM.value;

/**
 * The arc a violating bend allows, drawn on the map (issue 12 §1, swept path), worked by hand:
 * a right-angle corner at (0, 0) of a lane from (−20, 0) east to (0, 0), then north to (0, 20).
 */
describe('bendArc', () => {
  const R = envelopeRadiusM(W, Math.PI / 2); // 2 / (1 − cos 45°) = 6.83 m in a 4 m lane

  it('left turn: tangent points R back on each leg, centre (−R, R), 5° steps', () => {
    const arc = bendArc([-20, 0], [0, 0], [0, 20], R);
    // 90° in 5° steps: 19 points.
    expect(arc).toHaveLength(19);
    expect(arc[0]![0]).toBeCloseTo(-R, 9); // tangent point on the incoming leg: (−R, 0)
    expect(arc[0]![1]).toBeCloseTo(0, 9);
    expect(arc[18]![0]).toBeCloseTo(0, 9); // on the outgoing leg: (0, R)
    expect(arc[18]![1]).toBeCloseTo(R, 9);
    for (const [x, y] of arc) expect(Math.hypot(x + R, y - R)).toBeCloseTo(R, 9);
    // Its midpoint is R·(1 − cos 45°) = w/2 = 2 m from each leg: it just touches the corner of
    // the lane's inner edges, (−2, 2), √2 · 2 = 2.83 m from the bend.
    const mid = arc[9]!;
    expect(mid[0]).toBeCloseTo(-W / 2, 9);
    expect(mid[1]).toBeCloseTo(W / 2, 9);
    expect(Math.hypot(mid[0], mid[1])).toBeCloseTo((W / 2) * Math.SQRT2, 9);
  });

  it('right turn: the centre lies on the other side, (−R, −R)', () => {
    const arc = bendArc([-20, 0], [0, 0], [0, -20], R);
    expect(arc[18]![0]).toBeCloseTo(0, 9);
    expect(arc[18]![1]).toBeCloseTo(-R, 9);
    for (const [x, y] of arc) expect(Math.hypot(x + R, y + R)).toBeCloseTo(R, 9);
  });

  it('no bend, a U-turn or no radius: nothing to draw', () => {
    expect(bendArc([-20, 0], [0, 0], [20, 0], R)).toEqual([]);
    expect(bendArc([-20, 0], [0, 0], [-20, 0], R)).toEqual([]);
    expect(bendArc([-20, 0], [0, 0], [0, 20], 0)).toEqual([]);
  });
});
