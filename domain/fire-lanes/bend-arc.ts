import type { XY } from '../geo/local-projection';

/** Angular step (rad) between the points of a drawn arc: 5°. */
const STEP_RAD = (5 * Math.PI) / 180;

/**
 * The centreline arc of radius `radiusM` that rounds the bend at `at` (travelling from `from`
 * through `at` to `to`) tangent to both legs, the model of check-turning-radius.rule.ts: its
 * tangent points lie R·tan(θ/2) back along each leg, its centre R inside the turn. Points every
 * 5° from the incoming tangent point to the outgoing one, local metres. Empty for a straight
 * (no bend), a U-turn (θ = π) or a radius that is not positive and finite.
 */
export function bendArc(from: XY, at: XY, to: XY, radiusM: number): XY[] {
  const ax = at[0] - from[0];
  const ay = at[1] - from[1];
  const bx = to[0] - at[0];
  const by = to[1] - at[1];
  const la = Math.hypot(ax, ay);
  const lb = Math.hypot(bx, by);
  if (!(la > 0 && lb > 0 && radiusM > 0 && Number.isFinite(radiusM))) return [];
  const [u1x, u1y] = [ax / la, ay / la];
  const [u2x, u2y] = [bx / lb, by / lb];
  const cross = u1x * u2y - u1y * u2x;
  const theta = Math.atan2(Math.abs(cross), u1x * u2x + u1y * u2y);
  if (theta < 1e-9 || Math.PI - theta < 1e-9) return [];
  const tangent = radiusM * Math.tan(theta / 2);
  const t1: XY = [at[0] - u1x * tangent, at[1] - u1y * tangent];
  // Left turn (cross > 0): the centre lies to the left of the incoming leg.
  const side = cross > 0 ? 1 : -1;
  const centre: XY = [t1[0] - side * u1y * radiusM, t1[1] + side * u1x * radiusM];
  const start = Math.atan2(t1[1] - centre[1], t1[0] - centre[0]);
  const n = Math.max(1, Math.ceil(theta / STEP_RAD));
  return Array.from({ length: n + 1 }, (_, k) => {
    const a = start + (side * theta * k) / n;
    return [centre[0] + radiusM * Math.cos(a), centre[1] + radiusM * Math.sin(a)] as XY;
  });
}
