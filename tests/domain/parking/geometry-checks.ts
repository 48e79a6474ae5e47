import type { Position } from 'geojson';
import { expect } from 'vitest';
import { nearestPointOnSegment } from '../../../domain/geo/nearest-point-on-segment';
import { checkStallReachability } from '../../../domain/parking/check-stall-reachability';
import type { ParkingLayoutResult } from '../../../domain/parking/types';
import { RULES } from '../../../domain/standards/rules';
import type { LocalProjection, XY } from '../../../domain/geo/local-projection';
import { ringSignedArea } from '../../../domain/geo/ring-signed-area';
import { segmentsIntersect } from '../../../domain/geo/segments-intersect';

/** Open ring in local metres from a closed lon/lat ring. */
export const toLocalRing = (ring: readonly Position[], p: LocalProjection): XY[] =>
  ring.slice(0, -1).map((q) => p.toLocal(q));

/** Area (m²) of the intersection of two convex rings (Sutherland–Hodgman). */
export function convexOverlapSqM(subject: readonly XY[], clip: readonly XY[]): number {
  const ccw = (r: readonly XY[]): readonly XY[] => (ringSignedArea(r) >= 0 ? r : [...r].reverse());
  let out: XY[] = [...ccw(subject)];
  const c = ccw(clip);
  for (let i = 0; i < c.length && out.length > 0; i++) {
    const a = c[i]!;
    const b = c[(i + 1) % c.length]!;
    const side = (p: XY): number => (b[0] - a[0]) * (p[1] - a[1]) - (b[1] - a[1]) * (p[0] - a[0]);
    const input = out;
    out = [];
    for (let j = 0; j < input.length; j++) {
      const p = input[j]!;
      const q = input[(j + 1) % input.length]!;
      const sp = side(p);
      const sq = side(q);
      if (sp >= 0) out.push(p);
      if (sp >= 0 !== sq >= 0) {
        const t = sp / (sp - sq);
        out.push([p[0] + t * (q[0] - p[0]), p[1] + t * (q[1] - p[1])]);
      }
    }
  }
  return out.length < 3 ? 0 : Math.abs(ringSignedArea(out));
}

/** The ring moved `byM` towards its vertex mean: strictly inside a convex ring. */
export const shrink = (ring: readonly XY[], byM = 1e-6): XY[] => {
  const cx = ring.reduce((s, p) => s + p[0], 0) / ring.length;
  const cy = ring.reduce((s, p) => s + p[1], 0) / ring.length;
  return ring.map(([x, y]) => {
    const d = Math.hypot(x - cx, y - cy);
    return [x + ((cx - x) / d) * byM, y + ((cy - y) / d) * byM];
  });
};

export const pointInRing = (p: XY, ring: readonly XY[]): boolean => {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const a = ring[i]!;
    const b = ring[j]!;
    if (
      a[1] > p[1] !== b[1] > p[1] &&
      p[0] < ((b[0] - a[0]) * (p[1] - a[1])) / (b[1] - a[1]) + a[0]
    )
      inside = !inside;
  }
  return inside;
};

const edgesCross = (p: readonly XY[], q: readonly XY[]): boolean => {
  for (let i = 0; i < p.length; i++)
    for (let j = 0; j < q.length; j++)
      if (segmentsIntersect(p[i]!, p[(i + 1) % p.length]!, q[j]!, q[(j + 1) % q.length]!))
        return true;
  return false;
};

/** Whether a convex stall lies within a polygon (outer ring and holes), edges may touch. */
export function stallInside(stall: readonly XY[], rings: readonly (readonly XY[])[]): boolean {
  const s = shrink(stall);
  const [outer, ...holes] = rings;
  if (!outer || !s.every((p) => pointInRing(p, outer))) return false;
  for (const r of rings) if (edgesCross(s, r)) return false;
  return holes.every((h) => !pointInRing(s[0]!, h) && !h.some((p) => pointInRing(p, s)));
}

/** Whether a convex stall and a ring (any shape) share interior points. */
export function stallHits(stall: readonly XY[], ring: readonly XY[]): boolean {
  const s = shrink(stall);
  return (
    edgesCross(s, ring) ||
    s.some((p) => pointInRing(p, ring)) ||
    ring.some((p) => pointInRing(p, s))
  );
}

const pointSegmentM = (p: XY, a: XY, b: XY): number => {
  const dx = b[0] - a[0];
  const dy = b[1] - a[1];
  const t = Math.max(
    0,
    Math.min(1, ((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / (dx * dx + dy * dy)),
  );
  return Math.hypot(p[0] - a[0] - t * dx, p[1] - a[1] - t * dy);
};

/** Least distance (m) between a convex ring and a polyline; 0 when they cross. */
export function ringToLineM(ring: readonly XY[], line: readonly XY[]): number {
  let best = Infinity;
  for (let i = 0; i + 1 < line.length; i++) {
    const a = line[i]!;
    const b = line[i + 1]!;
    for (let j = 0; j < ring.length; j++) {
      const p = ring[j]!;
      const q = ring[(j + 1) % ring.length]!;
      if (segmentsIntersect(a, b, p, q)) return 0;
      best = Math.min(best, pointSegmentM(p, a, b), pointSegmentM(a, p, q), pointSegmentM(b, p, q));
    }
  }
  if (line.some((p) => pointInRing(p, ring))) return 0;
  return best;
}

/** Pairs of stalls overlapping by more than `tolSqM` (bounding boxes first). */
export function overlappingPairs(
  stalls: readonly (readonly XY[])[],
  tolSqM = 1e-6,
): [number, number][] {
  const boxes = stalls.map((r) => [
    Math.min(...r.map((p) => p[0])),
    Math.min(...r.map((p) => p[1])),
    Math.max(...r.map((p) => p[0])),
    Math.max(...r.map((p) => p[1])),
  ]);
  const out: [number, number][] = [];
  for (let i = 0; i < stalls.length; i++)
    for (let j = i + 1; j < stalls.length; j++) {
      const a = boxes[i]!;
      const b = boxes[j]!;
      if (a[0]! >= b[2]! || b[0]! >= a[2]! || a[1]! >= b[3]! || b[1]! >= a[3]!) continue;
      if (convexOverlapSqM(stalls[i]!, stalls[j]!) >= tolSqM) out.push([i, j]);
    }
  return out;
}

/**
 * Asserts that a lot layout is one a car can use: its driving aisles form ONE network that
 * contains the entrance, every stall opens onto an aisle of it (checked from the geometry alone
 * by checkStallReachability), with the width JGJ 100 表4.3.4 gives its angle, and the entrance
 * lies on the lot's outer edge (when `outer` is given, local metres).
 */
export function expectReachable(
  r: ParkingLayoutResult,
  outer?: readonly XY[],
  p?: LocalProjection,
) {
  expect(r.entrance, 'a lot layout has an entrance').toBeDefined();
  const check = checkStallReachability({
    stalls: r.stalls,
    aisles: r.aisles,
    entrance: r.entrance!.geometry,
  });
  const unreachable = check.reachable.flatMap((ok, i) => (ok ? [] : [i]));
  expect(unreachable, 'stalls with no way in').toEqual([]);
  expect(check.reachableCount).toBe(r.count);
  if (r.count > 0) {
    expect(check.oneNetwork, 'every aisle in the entrance’s network').toBe(true);
    expect(check.components, 'one connected aisle network').toBe(1);
  }
  const widthFor = (deg: number): number => {
    const key = deg === 0 ? 'parallel' : (`deg${deg}` as const);
    return RULES.parking.byAngle[key as keyof typeof RULES.parking.byAngle].value.aisleWidthM;
  };
  r.stalls.features.forEach((f, i) => {
    const aisle = r.aisles.features[check.servedBy[i]!]!;
    expect(aisle.properties.widthM, `stall ${i}'s aisle width`).toBeGreaterThanOrEqual(
      Math.min(widthFor(f.properties.angleDeg), r.dimensions.aisleWidthM) - 1e-9,
    );
  });
  if (outer && p) {
    const e = p.toLocal(r.entrance!.geometry.coordinates);
    const d = outer.map((a, i) => {
      const q = nearestPointOnSegment(e, a, outer[(i + 1) % outer.length]!);
      return Math.hypot(q[0] - e[0], q[1] - e[1]);
    });
    expect(Math.min(...d), 'the entrance lies on the lot edge').toBeLessThan(1e-6);
  }
}
