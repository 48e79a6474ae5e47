export type XY = readonly [number, number];

/**
 * The polyline `points` shifted sideways by `offsetM` (positive: to the left of the direction of
 * travel), with mitred joins; the mitre is capped at 4 × |offset| so a hairpin does not shoot
 * away. Zero-length segments are skipped. Planar metres in and out (a fire lane's edge line).
 */
export function offsetPolyline(points: readonly XY[], offsetM: number): XY[] {
  const pts = points.filter(
    (p, i) => i === 0 || p[0] !== points[i - 1]![0] || p[1] !== points[i - 1]![1],
  );
  if (pts.length < 2) return [];
  const normals: XY[] = [];
  for (let i = 0; i + 1 < pts.length; i++) {
    const [ax, ay] = pts[i]!;
    const [bx, by] = pts[i + 1]!;
    const len = Math.hypot(bx - ax, by - ay);
    normals.push([-(by - ay) / len, (bx - ax) / len]);
  }
  return pts.map(([x, y], i): XY => {
    const n0 = normals[Math.max(0, i - 1)]!;
    const n1 = normals[Math.min(normals.length - 1, i)]!;
    let mx = n0[0] + n1[0];
    let my = n0[1] + n1[1];
    const mlen = Math.hypot(mx, my);
    if (mlen < 1e-9) return [x + n1[0] * offsetM, y + n1[1] * offsetM];
    mx /= mlen;
    my /= mlen;
    const cos = mx * n1[0] + my * n1[1];
    const scale = Math.min(4, 1 / Math.max(cos, 1e-9));
    return [x + mx * offsetM * scale, y + my * offsetM * scale];
  });
}
