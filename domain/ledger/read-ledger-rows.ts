import { cellText } from './cell-text';
import type { DetectedSheet } from './detect-ledger-sheet';
import { HEADERS_OF } from './ledger-headers';
import type { CellError, LedgerField, LedgerSheet, LedgerText } from './ledger-types';
import { readLedgerValue } from './read-ledger-value';

export interface LedgerRawRow {
  /** Spreadsheet row number (1-based). */
  readonly row: number;
  readonly values: ReadonlyMap<LedgerField, string | number>;
  /** The column address each value came from. */
  readonly cells: ReadonlyMap<LedgerField, string>;
  readonly errors: readonly CellError[];
}

export interface LedgerRows {
  readonly rows: readonly LedgerRawRow[];
  readonly totalsRows: readonly number[];
  readonly skippedRows: readonly number[];
}

const TOTALS = /^(合\s*计|总\s*计|小\s*计|累\s*计|total|sum|subtotal)/i;

/**
 * The data rows under a detected header: each mapped column's value read and checked
 * (readLedgerValue), empty rows dropped, totals rows (合计 / 小计 / Total in the first text cell)
 * and rows with neither a name nor a code listed apart. Pure.
 */
export function readLedgerRows(sheet: LedgerSheet, detected: DetectedSheet): LedgerRows {
  const labels = new Map<LedgerField, LedgerText>(
    HEADERS_OF[detected.kind].map((h) => [h.field, h.label]),
  );
  const rows: LedgerRawRow[] = [];
  const totalsRows: number[] = [];
  const skippedRows: number[] = [];
  for (let r = detected.headerIndex + 1; r < sheet.rows.length; r++) {
    const cells = sheet.rows[r] ?? [];
    const texts = cells.map(cellText);
    if (texts.every((t) => t === '') && !cells.some((c) => c?.error)) continue;
    const firstText = texts.find((t) => t !== '' && !/^\d+$/.test(t)) ?? '';
    if (TOTALS.test(firstText.normalize('NFKC'))) {
      totalsRows.push(r + 1);
      continue;
    }
    const values = new Map<LedgerField, string | number>();
    const at = new Map<LedgerField, string>();
    const errors: CellError[] = [];
    for (const col of detected.columns) {
      if (col.field === null) continue;
      const address = `${col.column}${r + 1}`;
      at.set(col.field, address);
      const read = readLedgerValue(
        cells[col.index],
        col.field,
        col.scale,
        address,
        labels.get(col.field) ?? { zh: col.header, en: col.header },
      );
      if ('value' in read) values.set(col.field, read.value);
      else if ('error' in read) errors.push(read.error);
    }
    if (!values.has('name') && !values.has('code')) {
      skippedRows.push(r + 1);
      continue;
    }
    rows.push({ row: r + 1, values, cells: at, errors });
  }
  return { rows, totalsRows, skippedRows };
}
