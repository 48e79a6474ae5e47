import type { LedgerCell } from './ledger-types';

const pad = (n: number): string => String(n).padStart(2, '0');

const valid = (y: number, m: number, d: number): string | null => {
  const t = new Date(Date.UTC(y, m - 1, d));
  return t.getUTCFullYear() === y && t.getUTCMonth() === m - 1 && t.getUTCDate() === d
    ? `${y}-${pad(m)}-${pad(d)}`
    : null;
};

/**
 * A calendar date (YYYY-MM-DD) from a cell: a date cell, an Excel serial day number (days since
 * 1899-12-30, the 1900 date system), or text as 2024-05-01, 2024/5/1, 2024.5.1 or 2024年5月1日.
 * null when it is none of these or not a real day. Pure (no clock, no time zone: UTC days).
 */
export function parseLedgerDate(cell: LedgerCell): string | null {
  if (cell.error) return null;
  if (typeof cell.v === 'number') {
    if (!Number.isInteger(cell.v) || cell.v < 1 || cell.v > 2_958_465) return null;
    const t = new Date(Date.UTC(1899, 11, 30) + cell.v * 86_400_000);
    return valid(t.getUTCFullYear(), t.getUTCMonth() + 1, t.getUTCDate());
  }
  if (typeof cell.v !== 'string') return null;
  const s = cell.v.normalize('NFKC').trim();
  const m = /^(\d{4})\s*(?:[-/.]|年)\s*(\d{1,2})\s*(?:[-/.]|月)\s*(\d{1,2})\s*日?$/.exec(s);
  return m ? valid(Number(m[1]), Number(m[2]), Number(m[3])) : null;
}
