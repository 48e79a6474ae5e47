import { describe, expect, it } from 'vitest';
import { detectLedgerSheet } from '../../../domain/ledger/detect-ledger-sheet';
import type { LedgerSheet } from '../../../domain/ledger/ledger-types';
import { matchLedgerHeader } from '../../../domain/ledger/match-ledger-header';

const field = (text: string, kind: 'communities' | 'items' = 'communities') => {
  const m = matchLedgerHeader(text, kind);
  return m.field === null ? null : [m.field, m.scale];
};

describe('the ledger header synonyms (domain/ledger/ledger-headers.ts)', () => {
  it.each([
    ['小区名称', ['name', 1]],
    ['小区', ['name', 1]],
    ['小区编码', ['code', 1]],
    ['户数', ['households', 1]],
    ['总户数（户）', ['households', 1]],
    ['楼栋数', ['buildings', 1]],
    ['建筑面积(㎡)', ['floorAreaSqM', 1]],
    ['建筑面积（平方米）', ['floorAreaSqM', 1]],
    ['建筑面积\n(m²)', ['floorAreaSqM', 1]],
    ['建筑面积（万㎡）', ['floorAreaSqM', 10_000]],
    ['建成年份', ['builtYear', 1]],
    ['建成年代', ['builtYear', 1]],
    ['改造阶段', ['stage', 1]],
    ['投资(万元)', ['budgetWan', 1]],
    ['投资估算（万元）', ['budgetWan', 1]],
    ['总投资（元）', ['budgetWan', 0.0001]],
    ['概算投资/亿元', ['budgetWan', 10_000]],
    ['*资金来源', ['fundingSource', 1]],
    ['改造内容', ['renewalContent', 1]],
    ['Community', ['name', 1]],
    ['Code', ['code', 1]],
    ['Households', ['households', 1]],
    ['Floor area (m²)', ['floorAreaSqM', 1]],
    ['Budget (10k CNY)', ['budgetWan', 1]],
    ['Ｈｏｕｓｅｈｏｌｄｓ', ['households', 1]],
  ])('%s on a community sheet → %j', (text, want) => {
    expect(field(text)).toEqual(want);
  });

  it.each([
    ['改造类别', ['category', 1]],
    ['改造内容', ['itemName', 1]],
    ['数量', ['quantity', 1]],
    ['单位', ['unit', 1]],
    ['进度(%)', ['progressPct', 1]],
    ['阶段', ['phase', 1]],
    ['竣工验收日期', ['acceptedOn', 1]],
    ['Progress', ['progressPct', 1]],
  ])('%s on an items sheet → %j', (text, want) => {
    expect(field(text, 'items')).toEqual(want);
  });

  it('never guesses: an unknown unit, a computed column and a foreign header are ignored with a reason', () => {
    const acres = matchLedgerHeader('建筑面积(亩)', 'communities');
    expect(acres.field).toBeNull();
    expect(acres.field === null && acres.ignored.en).toMatch(/unit "亩" not understood/);
    const mix = matchLedgerHeader('基础类(万元)', 'communities');
    expect(mix.field === null && mix.ignored.en).toBe('computed column, not imported');
    const other = matchLedgerHeader('联系人电话', 'communities');
    expect(other.field === null && other.ignored.en).toBe('not a ledger column, not imported');
  });
});

const sheet = (rows: (string | number | null)[][]): LedgerSheet => ({
  name: 's',
  rows: rows.map((r) => r.map((v) => ({ v }))),
});

describe('detectLedgerSheet', () => {
  it('finds the header under a merged title row and tells communities from items', () => {
    const communities = detectLedgerSheet(
      sheet([
        ['XX区老旧小区改造台账', 'XX区老旧小区改造台账', 'XX区老旧小区改造台账'],
        ['填报单位: 住建委', null, null],
        ['序号', '小区名称', '户数', '建成年份'],
        [1, '静淑苑', 912, 1992],
      ]),
    );
    expect(communities).toMatchObject({ kind: 'communities', headerIndex: 2 });
    expect(communities?.columns.map((c) => c.field)).toEqual([
      null,
      'name',
      'households',
      'builtYear',
    ]);
    const items = detectLedgerSheet(
      sheet([['小区名称', '改造内容', '数量', '单位', '投资(万元)']]),
    );
    expect(items?.kind).toBe('items');
    expect(items?.columns.map((c) => c.field)).toEqual([
      'name',
      'itemName',
      'quantity',
      'unit',
      'budgetWan',
    ]);
  });

  it('needs a name or code column and one more field', () => {
    expect(
      detectLedgerSheet(
        sheet([
          ['户数', '楼栋数'],
          [1, 2],
        ]),
      ),
    ).toBeUndefined();
    expect(detectLedgerSheet(sheet([['小区名称'], ['静淑苑']]))).toBeUndefined();
  });
});
