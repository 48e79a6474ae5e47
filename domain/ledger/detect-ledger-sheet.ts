import { cellText } from './cell-text';
import { columnLetter } from './column-letter';
import type { LedgerColumn, LedgerSheet, LedgerSheetKind } from './ledger-types';
import { matchLedgerHeader } from './match-ledger-header';

/** Ledgers put a title, a date line or a unit note above the header: look this far down. */
const HEADER_SEARCH_ROWS = 30;

export interface DetectedSheet {
  readonly kind: LedgerSheetKind;
  /** 0-based index of the header row in sheet.rows. */
  readonly headerIndex: number;
  readonly columns: readonly (LedgerColumn & { readonly index: number; readonly scale: number })[];
}

const readRow = (cells: readonly { v: unknown }[], kind: LedgerSheetKind) =>
  cells.map((cell, index) => {
    const header = cellText(cell as never);
    const m = header ? matchLedgerHeader(header, kind) : null;
    return { index, header, m };
  });

/**
 * The header row and kind of a sheet: among its first rows (a merged title row above the header
 * is common) the one naming the most ledger fields that has a 小区名称 or 小区编码 column. A sheet
 * naming an intervention category, or quantity and unit, lists items (项目库); otherwise it lists
 * communities. A field named twice keeps its first column. undefined: no header found. Pure.
 */
export function detectLedgerSheet(sheet: LedgerSheet): DetectedSheet | undefined {
  let best: (DetectedSheet & { score: number }) | undefined;
  const limit = Math.min(sheet.rows.length, HEADER_SEARCH_ROWS);
  for (let r = 0; r < limit; r++) {
    const cells = sheet.rows[r] ?? [];
    const asItems = readRow(cells, 'items');
    const fields = new Set(asItems.map((c) => c.m?.field).filter(Boolean));
    if (!fields.has('name') && !fields.has('code')) continue;
    const kind: LedgerSheetKind =
      fields.has('category') || (fields.has('quantity') && fields.has('unit'))
        ? 'items'
        : 'communities';
    const read = kind === 'items' ? asItems : readRow(cells, 'communities');
    const seen = new Set<string>();
    const columns = read
      .filter((c) => c.header !== '')
      .map((c) => {
        const m = c.m!;
        const duplicate = m.field !== null && seen.has(m.field);
        if (m.field !== null) seen.add(m.field);
        const base = { index: c.index, column: columnLetter(c.index), header: c.header };
        if (m.field === null)
          return { ...base, field: null, unit: null, scale: 1, ignored: m.ignored };
        if (duplicate)
          return {
            ...base,
            field: null,
            unit: null,
            scale: 1,
            ignored: { zh: '重复的列, 已用前一列', en: 'repeated column; the first one is used' },
          };
        return { ...base, field: m.field, unit: m.unit || null, scale: m.scale };
      });
    const score = seen.size;
    if (score >= 2 && (!best || score > best.score))
      best = { kind, headerIndex: r, columns, score };
  }
  if (!best) return undefined;
  const { score: _score, ...detected } = best;
  return detected;
}
