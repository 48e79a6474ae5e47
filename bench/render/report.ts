export interface Figure {
  label: string;
  value: string;
}

/** A ratio's target: met when the ratio is at most `max`. */
export interface Target {
  max: number;
  text: string;
}

export interface Check {
  label: string;
  ratio: number;
  target: Target;
}

export const isMet = (c: Check): boolean => c.ratio <= c.target.max;

const width = (s: string): number => [...s].length;
const pad = (s: string, w: number): string => s + ' '.repeat(Math.max(0, w - width(s)));

function table(header: string[], rows: string[][]): string[] {
  const widths = header.map((h, i) => Math.max(width(h), ...rows.map((r) => width(r[i] ?? ''))));
  const line = (cells: string[]): string =>
    cells
      .map((c, i) => pad(c, widths[i] ?? 0))
      .join('  ')
      .trimEnd();
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)];
}

/** The measured figures, then each ratio with its target and whether it is met. */
export function formatReport(r: {
  title: string;
  figures: Figure[];
  checks: Check[];
  notes: string[];
}): string {
  return [
    r.title,
    '',
    ...table(
      ['Measured', 'Value'],
      r.figures.map((f) => [f.label, f.value]),
    ),
    '',
    ...table(
      ['Ratio', 'Value', 'Target', 'Met'],
      r.checks.map((c) => [
        c.label,
        `${c.ratio.toFixed(2)}×`,
        c.target.text,
        isMet(c) ? 'yes' : 'NO',
      ]),
    ),
  ].join('\n');
}
