import type { Position } from 'geojson';

const keyOf = (p: Position): string => `${p[0]},${p[1]}`;

/**
 * Joins two-point segments into polylines: identical segments (either direction, e.g. the two
 * sidewalks of a main road) are kept once, and segments meeting end to end at a point where
 * only the two of them meet are chained. Buffering a few long lines is far faster than
 * buffering thousands of short ones (walking-isochrones.ts). Deterministic: input order.
 */
export function chainSegments(segments: readonly Position[][]): Position[][] {
  const seen = new Set<string>();
  const parts: [Position, Position][] = [];
  for (const s of segments) {
    const a = s[0]!;
    const b = s[s.length - 1]!;
    const k1 = `${keyOf(a)};${keyOf(b)}`;
    const k2 = `${keyOf(b)};${keyOf(a)}`;
    if (seen.has(k1) || seen.has(k2) || keyOf(a) === keyOf(b)) continue;
    seen.add(k1);
    parts.push([a, b]);
  }
  const at = new Map<string, number[]>();
  parts.forEach(([a, b], i) => {
    for (const p of [a, b]) {
      const k = keyOf(p);
      const list = at.get(k);
      if (list) list.push(i);
      else at.set(k, [i]);
    }
  });
  const used = new Uint8Array(parts.length);
  const out: Position[][] = [];
  const extend = (line: Position[]): void => {
    for (;;) {
      const end = line[line.length - 1]!;
      const list = at.get(keyOf(end))!;
      if (list.length !== 2) return;
      const next = list.find((j) => used[j] === 0);
      if (next === undefined) return;
      used[next] = 1;
      const [a, b] = parts[next]!;
      line.push(keyOf(a) === keyOf(end) ? b : a);
    }
  };
  parts.forEach(([a, b], i) => {
    if (used[i]) return;
    used[i] = 1;
    const line: Position[] = [a, b];
    extend(line);
    line.reverse();
    extend(line);
    out.push(line);
  });
  return out;
}
