import { cellText } from './cell-text';
import type { CellError, LedgerCell, LedgerField, LedgerText } from './ledger-types';
import { parseLedgerCategory } from './parse-ledger-category';
import { parseLedgerDate } from './parse-ledger-date';
import { parseLedgerNumber } from './parse-ledger-number';
import { parseLedgerStage } from './parse-ledger-stage';
import { parseLedgerYear } from './parse-ledger-year';

export type ValueReading =
  { readonly value: string | number } | { readonly empty: true } | { readonly error: CellError };

interface NumberRule {
  readonly integer?: boolean;
  readonly min: number;
  readonly max: number;
  /** Decimals the database keeps (numeric(14, 2) → 2). */
  readonly decimals: number;
  readonly unitWords?: readonly string[];
  readonly percent?: boolean;
}

const NUMBERS: Partial<Record<LedgerField, NumberRule>> = {
  households: { integer: true, min: 0, max: 10_000_000, decimals: 0, unitWords: ['户'] },
  buildings: { integer: true, min: 0, max: 100_000, decimals: 0, unitWords: ['栋', '幢'] },
  floorAreaSqM: { min: 0, max: 1e9, decimals: 1, unitWords: ['m2', '平方米'] },
  budgetWan: { min: 0, max: 1e9, decimals: 2, unitWords: ['万元'] },
  quantity: { min: 0, max: 1e9, decimals: 2 },
  progressPct: { min: 0, max: 100, decimals: 1, percent: true },
};

const TEXT_MAX: Partial<Record<LedgerField, number>> = {
  code: 64,
  name: 200,
  itemName: 200,
  street: 100,
  fundingSource: 200,
  renewalContent: 4000,
  unit: 20,
};

const round = (x: number, decimals: number): number => {
  const f = 10 ** decimals;
  return Math.round(x * f) / f;
};

/**
 * The value of one ledger cell for `field`, scaled from the header's unit (`scale`) and rounded
 * to what the database keeps, or a cell error with a bilingual message naming the cell (户数
 * 不是数字 in B7), or empty. `label` is the field's name in both languages. Pure.
 */
export function readLedgerValue(
  cell: LedgerCell | undefined,
  field: LedgerField,
  scale: number,
  address: string,
  label: LedgerText,
): ValueReading {
  const text = cellText(cell);
  if (!cell || (text === '' && !cell.error)) return { empty: true };
  const fail = (code: CellError['code'], zh: string, en: string): ValueReading => ({
    error: {
      cell: address,
      field,
      code,
      message: { zh: `${address} ${label.zh}: ${zh}`, en: `${address} ${label.en}: ${en}` },
    },
  });
  if (cell.error)
    return fail('EXCEL_ERROR', `单元格为错误值 ${cell.error}`, `the cell holds ${cell.error}`);
  const rule = NUMBERS[field];
  if (rule) {
    const n = parseLedgerNumber(cell, rule);
    if (!n.ok) return fail('NOT_A_NUMBER', `「${text}」不是数字`, `"${text}" is not a number`);
    const value = round(n.value * scale, rule.decimals);
    if (rule.integer && !Number.isInteger(n.value * scale))
      return fail('NOT_AN_INTEGER', `「${text}」不是整数`, `"${text}" is not a whole number`);
    if (value < rule.min || value > rule.max)
      return fail(
        'OUT_OF_RANGE',
        `${value} 超出范围 ${rule.min}–${rule.max}`,
        `${value} is outside ${rule.min}–${rule.max}`,
      );
    return { value };
  }
  switch (field) {
    case 'builtYear': {
      const y = parseLedgerYear(cell);
      if (y === null)
        return fail(
          'NOT_A_YEAR',
          `「${text}」不是年份 (如 1985)`,
          `"${text}" is not a year (e.g. 1985)`,
        );
      if (y < 1800 || y > 2200)
        return fail('OUT_OF_RANGE', `${y} 超出范围 1800–2200`, `${y} is outside 1800–2200`);
      return { value: y };
    }
    case 'acceptedOn': {
      const d = parseLedgerDate(cell);
      if (d === null)
        return fail(
          'NOT_A_DATE',
          `「${text}」不是日期 (如 2024-05-01)`,
          `"${text}" is not a date (e.g. 2024-05-01)`,
        );
      return { value: d };
    }
    case 'stage':
    case 'phase': {
      // The export writes 未设定 / not set for a stage nobody set: no information, keep the stored one.
      if (
        /^(未设定|未设置|notset|unset)$/.test(
          text.normalize('NFKC').toLowerCase().replace(/\s+/g, ''),
        )
      )
        return { empty: true };
      const s = parseLedgerStage(text);
      if (s === null)
        return fail(
          'UNKNOWN_STAGE',
          `「${text}」不是改造阶段 (宣传发动 / 制订方案 / 施工 / 竣工验收)`,
          `"${text}" is not a stage (publicity / planning / construction / acceptance)`,
        );
      return { value: s };
    }
    case 'category': {
      const c = parseLedgerCategory(text);
      if (c === null)
        return fail(
          'UNKNOWN_CATEGORY',
          `「${text}」不是改造类别 (基础类 / 完善类 / 提升类)`,
          `"${text}" is not a category (basic / improvement / upgrade)`,
        );
      return { value: c };
    }
    default: {
      const max = TEXT_MAX[field] ?? 200;
      if (text.length > max)
        return fail('TOO_LONG', `超过 ${max} 个字符`, `longer than ${max} characters`);
      return { value: text };
    }
  }
}
