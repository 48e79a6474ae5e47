import type { LedgerCell } from './ledger-types';

export type NumberReading =
  | { readonly ok: true; readonly value: number }
  | { readonly ok: false; readonly code: 'NOT_A_NUMBER' | 'EXCEL_ERROR' };

/**
 * A number from a cell: numeric cells as they are (a percentage-formatted cell is its fraction
 * × 100 when `percent` is asked for), text after NFKC (full-width digits), without thousands
 * separators, spaces, a trailing % or the column's own unit word (120户, 12栋). Anything else
 * is not a number: no guessing from "约120" or "120-130". Pure.
 */
export function parseLedgerNumber(
  cell: LedgerCell,
  options: { percent?: boolean; unitWords?: readonly string[] } = {},
): NumberReading {
  if (cell.error) return { ok: false, code: 'EXCEL_ERROR' };
  if (typeof cell.v === 'number') {
    if (!Number.isFinite(cell.v)) return { ok: false, code: 'NOT_A_NUMBER' };
    return { ok: true, value: options.percent && cell.percent ? cell.v * 100 : cell.v };
  }
  if (typeof cell.v !== 'string') return { ok: false, code: 'NOT_A_NUMBER' };
  let s = cell.v
    .normalize('NFKC')
    .replace(/\s+/g, '')
    .replace(/,(?=\d{3}(\D|$))/g, '');
  for (const w of [...(options.unitWords ?? []), ...(options.percent ? ['%'] : [])])
    if (w && s.endsWith(w)) s = s.slice(0, -w.length);
  if (!/^[-+]?(\d+(\.\d*)?|\.\d+)$/.test(s)) return { ok: false, code: 'NOT_A_NUMBER' };
  return { ok: true, value: Number(s) };
}
