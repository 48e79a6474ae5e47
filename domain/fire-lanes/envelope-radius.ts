/**
 * Radius of the largest centreline arc that rounds a bend without leaving the lane's clear
 * width (issue 12 §1, swept path), in metres. The engine follows an arc of radius R tangent to
 * both legs of the centreline (the model of check-turning-radius); at its midpoint the arc runs
 * inside the corner, R·(1 − cos(θ/2)) from the nearest leg, and the lane reaches only half its
 * width, w/2, from the centreline there (its inner edges meet at a sharp corner). So the arc
 * stays in the lane when R·(1 − cos(θ/2)) ≤ w/2:
 *
 *   R_fit = (w / 2) / (1 − cos(θ/2))
 *
 * Hand cases: a 90° corner in a 4 m lane, 2 / (1 − cos 45°) = 6.83 m (< 9 m, though its legs
 * may be long); a polyline with its vertices on a 12 m circle every 10°, 2 / (1 − cos 5°) =
 * 525.6 m at each vertex (the legs, ≈ 2.09 m chords, bind instead: ≈ 12 m). Infinite on a
 * straight (θ = 0), 0 for a U-turn on the spot is left to achievableRadiusM.
 */
export function envelopeRadiusM(widthM: number, deflection: number): number {
  const sag = 1 - Math.cos(deflection / 2);
  return sag <= 0 ? Number.POSITIVE_INFINITY : widthM / 2 / sag;
}
