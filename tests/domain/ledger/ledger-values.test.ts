import { describe, expect, it } from 'vitest';
import { normalizeCommunityName } from '../../../domain/ledger/normalize-community-name';
import { makeCommunityIndex } from '../../../domain/ledger/match-ledger-community';
import { parseLedgerDate } from '../../../domain/ledger/parse-ledger-date';
import { parseLedgerNumber } from '../../../domain/ledger/parse-ledger-number';
import { parseLedgerStage } from '../../../domain/ledger/parse-ledger-stage';
import { parseLedgerYear } from '../../../domain/ledger/parse-ledger-year';
import { readLedgerValue } from '../../../domain/ledger/read-ledger-value';
import type { LedgerCommunity } from '../../../domain/ledger/ledger-types';

describe('normalizeCommunityName', () => {
  it.each([
    ['静淑苑小区', '静淑苑'],
    [' 静 淑 苑 ', '静淑苑'],
    ['清华东路27号院', '清华东路27号'],
    ['清华东路２７号院小区', '清华东路27号'],
    ['中建壹品·学府公馆', '中建壹品学府公馆'],
    ['学士居社区', '学士居'],
    ['小区', '小区'],
  ])('%s → %s', (name, key) => expect(normalizeCommunityName(name)).toBe(key));
});

const community = (id: number, name: string, code: string | null = null): LedgerCommunity => ({
  id,
  name,
  code,
  street: null,
  builtYear: null,
  households: null,
  householdsEstimated: false,
  buildings: 0,
  floorAreaSqM: null,
  floorAreaEstimated: false,
  stage: 'publicity',
  budgetWan: null,
  fundingSource: null,
  renewalContent: null,
});

describe('makeCommunityIndex: code, then exact name, then normalised name, never fuzzy', () => {
  const index = makeCommunityIndex([
    community(1, '静淑苑', 'HD-1'),
    community(2, '农大小区-北区'),
    community(3, '东院'),
    community(4, '东院小区'),
  ]);
  it('matches by code first, keeping the stored name', () => {
    const m = index.match('静淑苑(旧名)', 'HD-1');
    expect(m.community?.id).toBe(1);
    expect(m.community && m.by).toBe('code');
  });
  it('refuses a code and a name that point at two communities', () => {
    const m = index.match('农大小区-北区', 'HD-1');
    expect(m.community).toBeNull();
  });
  it('matches the exact name, then the normalised one', () => {
    expect(index.match('农大小区-北区', '').community?.id).toBe(2);
    const m = index.match('静淑苑小区', '');
    expect(m.community?.id).toBe(1);
    expect(m.community && m.by).toBe('normalized');
  });
  it('leaves a normalised key shared by two communities unmatched, and near misses too', () => {
    expect(index.match('东院社区', '').community).toBeNull();
    expect(index.match('东院', '').community?.id).toBe(3);
    expect(index.match('静淑园', '').community).toBeNull();
    expect(index.match('农大小区北区', '').community).toBeNull();
  });
});

describe('ledger cell values', () => {
  it('reads numbers from numeric cells and tidy text only', () => {
    expect(parseLedgerNumber({ v: 120 })).toEqual({ ok: true, value: 120 });
    expect(parseLedgerNumber({ v: '1,264' })).toEqual({ ok: true, value: 1264 });
    expect(parseLedgerNumber({ v: '１２０户' }, { unitWords: ['户'] })).toEqual({
      ok: true,
      value: 120,
    });
    expect(parseLedgerNumber({ v: 0.8, percent: true }, { percent: true })).toEqual({
      ok: true,
      value: 80,
    });
    expect(parseLedgerNumber({ v: '80%' }, { percent: true })).toEqual({ ok: true, value: 80 });
    expect(parseLedgerNumber({ v: '约120' }).ok).toBe(false);
    expect(parseLedgerNumber({ v: '120-130' }).ok).toBe(false);
    expect(parseLedgerNumber({ v: null, error: '#N/A' })).toEqual({
      ok: false,
      code: 'EXCEL_ERROR',
    });
  });

  it('reads years, dates and stages as ledgers write them', () => {
    expect(parseLedgerYear({ v: '1985年' })).toBe(1985);
    expect(parseLedgerYear({ v: '1985年6月' })).toBe(1985);
    expect(parseLedgerYear({ v: '1985-06-01', date: true })).toBe(1985);
    expect(parseLedgerYear({ v: '上世纪80年代' })).toBeNull();
    expect(parseLedgerDate({ v: '2024年5月1日' })).toBe('2024-05-01');
    expect(parseLedgerDate({ v: '2024/5/1' })).toBe('2024-05-01');
    expect(parseLedgerDate({ v: 45413 })).toBe('2024-05-01');
    expect(parseLedgerDate({ v: '2024-02-30' })).toBeNull();
    expect(parseLedgerStage('在建')).toBe('construction');
    expect(parseLedgerStage('制订方案/公示')).toBe('planning');
    expect(parseLedgerStage('Acceptance')).toBe('acceptance');
    expect(parseLedgerStage('暂缓')).toBeNull();
  });

  it('names the cell and the field in both languages, scales by the header unit and rounds to storage', () => {
    const label = { zh: '户数', en: 'households' };
    expect(readLedgerValue({ v: 'abc' }, 'households', 1, 'B7', label)).toEqual({
      error: {
        cell: 'B7',
        field: 'households',
        code: 'NOT_A_NUMBER',
        message: { zh: 'B7 户数: 「abc」不是数字', en: 'B7 households: "abc" is not a number' },
      },
    });
    expect(readLedgerValue({ v: 12.5 }, 'households', 1, 'B7', label)).toMatchObject({
      error: { code: 'NOT_AN_INTEGER' },
    });
    expect(readLedgerValue({ v: -3 }, 'households', 1, 'B7', label)).toMatchObject({
      error: { code: 'OUT_OF_RANGE' },
    });
    const budget = { zh: '投资', en: 'budget' };
    expect(readLedgerValue({ v: 1_234_567 }, 'budgetWan', 1e-4, 'C2', budget)).toEqual({
      value: 123.46,
    });
    expect(readLedgerValue({ v: 9.86 }, 'floorAreaSqM', 1e4, 'D2', budget)).toEqual({
      value: 98_600,
    });
    expect(readLedgerValue({ v: '  ' }, 'households', 1, 'B7', label)).toEqual({ empty: true });
  });
});
