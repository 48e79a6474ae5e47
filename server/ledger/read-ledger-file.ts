import { parse as parseCsv } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import type { LedgerCell, LedgerSheet } from '../../domain/ledger/ledger-types';
import { ApiError } from '../http/api-error';

/** Bounds of what one ledger import reads: a district's ledger is far smaller. */
const MAX_ROWS = 20_000;
const MAX_COLUMNS = 200;

export type LedgerFormat = 'xlsx' | 'csv';

const unreadable = (zh: string, en: string): ApiError =>
  new ApiError('UNREADABLE_FILE', { zh, en });

const isoDay = (d: Date): string => d.toISOString().slice(0, 10);

/** One exceljs cell value as the domain's LedgerCell (formulas: their cached result). */
function toCell(value: ExcelJS.CellValue, numFmt: string | undefined): LedgerCell {
  if (value === null || value === undefined) return { v: null };
  if (typeof value === 'number')
    return numFmt && numFmt.includes('%') ? { v: value, percent: true } : { v: value };
  if (typeof value === 'string' || typeof value === 'boolean') return { v: value };
  if (value instanceof Date) return { v: isoDay(value), date: true };
  if ('error' in value) return { v: null, error: String(value.error) };
  if ('richText' in value) return { v: value.richText.map((r) => r.text).join('') };
  if ('formula' in value || 'sharedFormula' in value) {
    const result = (value as { result?: unknown }).result;
    if (result === undefined) return { v: null };
    return toCell(result as ExcelJS.CellValue, numFmt);
  }
  if ('hyperlink' in value) return { v: String((value as { text?: unknown }).text ?? '') };
  return { v: null };
}

async function readXlsx(bytes: Buffer): Promise<LedgerSheet[]> {
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch (err) {
    throw unreadable(
      `无法读取 Excel 文件: ${(err as Error).message}`,
      `cannot read the Excel file: ${(err as Error).message}`,
    );
  }
  return wb.worksheets.map((ws) => {
    const rowCount = Math.min(ws.rowCount, MAX_ROWS);
    const columnCount = Math.min(ws.columnCount, MAX_COLUMNS);
    const rows: LedgerCell[][] = [];
    for (let r = 1; r <= rowCount; r++) {
      const row = ws.getRow(r);
      const cells: LedgerCell[] = [];
      for (let c = 1; c <= columnCount; c++) {
        const cell = row.getCell(c);
        // Merged cells read as their master's value (a 小区名称 merged over its items' rows).
        cells.push(toCell(cell.value, cell.numFmt));
      }
      rows.push(cells);
    }
    return { name: ws.name, rows };
  });
}

/** UTF-8 (with or without BOM) or, failing that, GB18030: what Excel saves as "CSV" in China. */
function decodeText(bytes: Buffer): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\uFEFF/, '');
  } catch {
    return new TextDecoder('gb18030').decode(bytes);
  }
}

function readCsv(bytes: Buffer, name: string): LedgerSheet[] {
  const text = decodeText(bytes);
  const firstLine = text.split(/\r?\n/, 1)[0] ?? '';
  const delimiter =
    (firstLine.match(/\t/g)?.length ?? 0) > (firstLine.match(/,/g)?.length ?? 0) ? '\t' : ',';
  let records: string[][];
  try {
    records = parseCsv(text, {
      delimiter,
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: false,
      to_line: MAX_ROWS,
    }) as string[][];
  } catch (err) {
    throw unreadable(
      `无法读取 CSV 文件: ${(err as Error).message}`,
      `cannot read the CSV file: ${(err as Error).message}`,
    );
  }
  return [
    {
      name,
      rows: records.map((r) => r.slice(0, MAX_COLUMNS).map((v) => ({ v: v === '' ? null : v }))),
    },
  ];
}

/**
 * Read an uploaded ledger: .xlsx (a ZIP: exceljs, every worksheet, formulas as their cached
 * results, dates as days, percentage formats flagged) or CSV (csv-parse; UTF-8 or GB18030,
 * comma or tab). The old binary .xls and anything else are refused with UNREADABLE_FILE.
 */
export async function readLedgerFile(
  bytes: Buffer,
  fileName: string | null,
): Promise<{ format: LedgerFormat; sheets: LedgerSheet[] }> {
  if (bytes.length === 0) throw unreadable('文件为空', 'the file is empty');
  if (bytes[0] === 0x50 && bytes[1] === 0x4b)
    return { format: 'xlsx', sheets: await readXlsx(bytes) };
  if (bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0)
    throw unreadable(
      '不支持旧版 .xls 文件: 请在 Excel 中另存为 .xlsx 后导入',
      'old .xls files are not supported: save the workbook as .xlsx in Excel and import that',
    );
  if (bytes.subarray(0, 1024).includes(0))
    throw unreadable(
      '文件不是 Excel (.xlsx) 或 CSV',
      'the file is neither an Excel workbook (.xlsx) nor CSV',
    );
  return { format: 'csv', sheets: readCsv(bytes, (fileName ?? 'CSV').replace(/\.[^.]+$/, '')) };
}
