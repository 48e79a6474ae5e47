/** Intersection of two ascending lists of disjoint intervals [a0, b0, a1, b1, …]. */
export function intersectIntervals(p: readonly number[], q: readonly number[]): number[] {
  const out: number[] = [];
  let i = 0;
  let j = 0;
  while (i < p.length && j < q.length) {
    const a = Math.max(p[i]!, q[j]!);
    const b = Math.min(p[i + 1]!, q[j + 1]!);
    if (b > a) out.push(a, b);
    if (p[i + 1]! < q[j + 1]!) i += 2;
    else j += 2;
  }
  return out;
}
