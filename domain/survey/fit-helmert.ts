/** A 4-parameter (2-D similarity) transform: X = dx + s(cosθ·x − sinθ·y), Y = dy + s(sinθ·x + cosθ·y). */
export interface Helmert {
  dx: number;
  dy: number;
  scale: number;
  rotationDeg: number;
}

export interface HelmertFit extends Helmert {
  /** Root mean square of the point residuals, metres (target units). */
  rmsM: number;
  maxM: number;
  points: { index: number; residualM: number }[];
}

export const applyHelmert = (h: Helmert, [x, y]: readonly number[]): [number, number] => {
  const t = (h.rotationDeg * Math.PI) / 180;
  const a = h.scale * Math.cos(t);
  const b = h.scale * Math.sin(t);
  return [h.dx + a * x! - b * y!, h.dy + b * x! + a * y!];
};

/**
 * Least-squares 4-parameter fit from control points: source (local grid) → target (metres,
 * e.g. the GK zone). Linear in a = s·cosθ, b = s·sinθ, dx, dy; solved on centred coordinates,
 * which decouples the normal equations: a = Σ(x'X' + y'Y')/Σ(x'² + y'²),
 * b = Σ(x'Y' − y'X')/Σ(x'² + y'²). Two points fit exactly (residual 0); three or more give the
 * residuals the planner sees. Throws when fewer than 2 distinct points are given.
 */
export function fitHelmert(
  points: readonly { source: readonly number[]; target: readonly number[] }[],
): HelmertFit {
  const n = points.length;
  if (n < 2) throw new RangeError('a 4-parameter fit needs at least 2 control points');
  const mean = (f: (p: (typeof points)[number]) => number) =>
    points.reduce((s, p) => s + f(p), 0) / n;
  const sx = mean((p) => p.source[0]!);
  const sy = mean((p) => p.source[1]!);
  const tx = mean((p) => p.target[0]!);
  const ty = mean((p) => p.target[1]!);
  let num1 = 0;
  let num2 = 0;
  let den = 0;
  for (const p of points) {
    const x = p.source[0]! - sx;
    const y = p.source[1]! - sy;
    const X = p.target[0]! - tx;
    const Y = p.target[1]! - ty;
    num1 += x * X + y * Y;
    num2 += x * Y - y * X;
    den += x * x + y * y;
  }
  if (den === 0) throw new RangeError('control points must not all coincide');
  const a = num1 / den;
  const b = num2 / den;
  const h: Helmert = {
    dx: tx - (a * sx - b * sy),
    dy: ty - (b * sx + a * sy),
    scale: Math.hypot(a, b),
    rotationDeg: (Math.atan2(b, a) * 180) / Math.PI,
  };
  const res = points.map((p, index) => {
    const [X, Y] = applyHelmert(h, p.source);
    return { index, residualM: Math.hypot(X - p.target[0]!, Y - p.target[1]!) };
  });
  const rmsM = Math.sqrt(res.reduce((s, r) => s + r.residualM ** 2, 0) / n);
  return { ...h, rmsM, maxM: Math.max(...res.map((r) => r.residualM)), points: res };
}
