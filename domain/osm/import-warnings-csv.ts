import type { ImportWarning } from './import-warning';

const cell = (v: string): string => (/[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);

/**
 * The complete warning list as CSV (RFC 4180, CRLF, UTF-8 with BOM so Excel reads the Chinese
 * names): rule, action, osm_ref, name, detail; one row per warning in the order given.
 */
export const importWarningsCsv = (warnings: readonly ImportWarning[]): string => {
  const rows = [['rule', 'action', 'osm_ref', 'name', 'detail']];
  for (const w of warnings) rows.push([w.rule, w.action, w.osmRef, w.name ?? '', w.detail]);
  return `\uFEFF${rows.map((r) => r.map(cell).join(',')).join('\r\n')}\r\n`;
};
