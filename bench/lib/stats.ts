/** Percentile (nearest rank) of a list of numbers; p in [0, 100]. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank]!;
}

/** A small seeded PRNG (mulberry32) so every run draws the same tiles. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface Row {
  measure: string;
  value: string;
  baseline: string;
  ratio: number | undefined;
  target: string;
  met: boolean | undefined;
}

/** Print rows as an aligned table. */
export function printTable(title: string, rows: Row[]): void {
  const cells = rows.map((r) => [
    r.measure,
    r.value,
    r.baseline,
    r.ratio === undefined ? '' : r.ratio.toFixed(2),
    r.target,
    r.met === undefined ? '' : r.met ? 'met' : 'MISSED',
  ]);
  const head = ['measure', 'value', 'baseline', 'ratio', 'target', ''];
  const widths = head.map((h, i) => Math.max(h.length, ...cells.map((c) => [...c[i]!].length)));
  const line = (c: string[]) => c.map((v, i) => v.padEnd(widths[i]!)).join('  ');
  console.log(`\n${title}\n${line(head)}\n${widths.map((w) => '-'.repeat(w)).join('  ')}`);
  for (const c of cells) console.log(line(c));
}

export const median = (values: readonly number[]): number => percentile(values, 50);
