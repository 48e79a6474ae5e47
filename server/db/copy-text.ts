const ESCAPES: Record<string, string> = { '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' };

/**
 * One column value in PostgreSQL's COPY text format: `\N` for a missing value, and the four
 * characters COPY treats specially (backslash, tab, newline, carriage return) escaped.
 * Rows are the fields joined by tabs and ended by a newline (Executor.copyFrom).
 */
export const copyTextField = (v: string | number | boolean | null | undefined): string => {
  if (v === null || v === undefined) return '\\N';
  if (typeof v !== 'string') return String(v);
  return /[\\\t\n\r]/.test(v) ? v.replace(/[\\\t\n\r]/g, (c) => ESCAPES[c] ?? c) : v;
};
