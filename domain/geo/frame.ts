import type { XY } from './local-projection';

/**
 * A rotated, shifted copy of the local metric plane: the frame's +x axis points along bearing
 * `angleRad` (counter-clockwise from east) and its origin sits at `origin`. Layouts are computed
 * in a frame where rows run along x.
 */
export interface Frame {
  readonly angleRad: number;
  readonly cos: number;
  readonly sin: number;
  readonly origin: XY;
  toFrame(p: XY): [number, number];
  toWorld(p: XY): [number, number];
}

export function frame(angleRad: number, origin: XY = [0, 0]): Frame {
  const cos = Math.cos(angleRad);
  const sin = Math.sin(angleRad);
  const [ox, oy] = origin;
  return {
    angleRad,
    cos,
    sin,
    origin,
    toFrame: ([x, y]) => {
      const dx = x - ox;
      const dy = y - oy;
      return [dx * cos + dy * sin, -dx * sin + dy * cos];
    },
    toWorld: ([u, v]) => [ox + u * cos - v * sin, oy + u * sin + v * cos],
  };
}
