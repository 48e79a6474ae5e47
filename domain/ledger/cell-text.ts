import type { LedgerCell } from './ledger-types';

/** A cell as text, trimmed ('' for empty cells and booleans' false stays "false"). Pure. */
export function cellText(cell: LedgerCell | undefined): string {
  if (!cell || cell.v === null) return '';
  return String(cell.v).trim();
}
