import type { LedgerCell } from './ledger-types';

/**
 * A build year from a cell: a number (1985), a date cell (its year), or text such as "1985",
 * "1985年", "1985年6月", "1985-06" (the year is kept). null otherwise ("上世纪80年代" is a
 * decade, not a year: the official writes the year). Range checks are the caller's. Pure.
 */
export function parseLedgerYear(cell: LedgerCell): number | null {
  if (cell.error) return null;
  if (typeof cell.v === 'number') return Number.isInteger(cell.v) ? cell.v : null;
  if (typeof cell.v !== 'string') return null;
  const s = cell.v.normalize('NFKC').replace(/\s+/g, '');
  if (cell.date) return Number(s.slice(0, 4));
  const m = /^(\d{4})(?:年(?:\d{1,2}月(?:\d{1,2}日)?)?|[-/.]\d{1,2}(?:[-/.]\d{1,2})?)?$/.exec(s);
  return m ? Number(m[1]) : null;
}
