import type { XY } from '../geo/local-projection';

/** Deflections below this (1°) are straight: a drawing wobble, not a bend. */
export const BEND_MIN_RAD = Math.PI / 180;

/** Deflection angle at `b` of the path a → b → c, radians in [0, π]. */
export const deflectionRad = (a: XY, b: XY, c: XY): number => {
  const ux = b[0] - a[0];
  const uy = b[1] - a[1];
  const vx = c[0] - b[0];
  const vy = c[1] - b[1];
  const n = Math.hypot(ux, uy) * Math.hypot(vx, vy);
  return n === 0 ? 0 : Math.acos(Math.max(-1, Math.min(1, (ux * vx + uy * vy) / n)));
};

/**
 * How much of a leg a bend's arc may use, in metres. `leg` starts at the bend and runs away
 * from it. The arc may take the whole of a segment that ends at a free lane end or continues
 * straight (< 1°), and half of a segment that ends at the next bend or at a junction node
 * (the other bend needs the other half).
 */
export function tangentRoomM(leg: readonly XY[], farEndFree: boolean): number {
  let room = 0;
  for (let k = 0; k + 1 < leg.length; k++) {
    const a = leg[k] as XY;
    const b = leg[k + 1] as XY;
    const len = Math.hypot(b[0] - a[0], b[1] - a[1]);
    if (k + 2 === leg.length) return room + (farEndFree ? len : len / 2);
    if (deflectionRad(a, b, leg[k + 2] as XY) >= BEND_MIN_RAD) return room + len / 2;
    room += len;
  }
  return room;
}

/**
 * Radius of the largest circular arc tangent to both legs of a bend whose tangent points lie
 * within the legs: tangent length T = R·tan(θ/2) ≤ room, so R = room / tan(θ/2).
 */
export const achievableRadiusM = (roomM: number, deflection: number): number =>
  deflection >= Math.PI - 1e-9 ? 0 : roomM / Math.tan(deflection / 2);
