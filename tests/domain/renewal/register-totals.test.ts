import { describe, expect, it } from 'vitest';
import { districtRegisterTotals } from '../../../domain/renewal/district-register-totals';
import { summarizeRegister } from '../../../domain/renewal/summarize-register';

describe('summarizeRegister', () => {
  it('totals budget, category mix, released funds and weighted progress', () => {
    const s = summarizeRegister(
      [
        { category: 'basic', budgetWan: 120, progressPct: 80, acceptedOn: null },
        { category: 'improvement', budgetWan: 60, progressPct: 50, acceptedOn: null },
        { category: 'upgrade', budgetWan: 30, progressPct: 100, acceptedOn: '2026-03-01' },
        { category: 'basic', budgetWan: 0.5, progressPct: 0, acceptedOn: null },
      ],
      '2026-12-01',
    );
    expect(s.items).toBe(4);
    expect(s.budgetWan).toBe(210.5);
    expect(s.byCategoryWan).toEqual({ basic: 120.5, improvement: 60, upgrade: 30 });
    // 120 × 60 % + 60 × 30 % + 30 × 90 % = 72 + 18 + 27
    expect(s.releasedWan).toBe(117);
    expect(s.heldWan).toBe(3);
    // (120·80 + 60·50 + 30·100 + 0.5·0) / 210.5 = 15600 / 210.5
    expect(s.progressPct).toBe(74.1);
  });

  it('is zero for an empty register', () => {
    const s = summarizeRegister([], '2026-12-01');
    expect(s).toMatchObject({ items: 0, budgetWan: 0, releasedWan: 0, progressPct: 0 });
  });
});

describe('districtRegisterTotals', () => {
  it('adds up the seed plans’ district: 7 communities, 242 buildings, 98.6万 m², 1626.8万元', () => {
    const rows = [
      { buildingCount: 40, floorAreaSqM: 160_000, budgetWan: 210, households: 1800 },
      { buildingCount: 36, floorAreaSqM: 150_000, budgetWan: 212, households: 1700 },
      { buildingCount: 35, floorAreaSqM: 140_000, budgetWan: 221, households: 1600 },
      { buildingCount: 33, floorAreaSqM: 136_000, budgetWan: 245.8, households: null },
      { buildingCount: 32, floorAreaSqM: 130_000, budgetWan: 250, households: 1500 },
      { buildingCount: 34, floorAreaSqM: 140_000, budgetWan: 238, households: 1550 },
      { buildingCount: 32, floorAreaSqM: 130_000, budgetWan: 250, households: null },
    ];
    const t = districtRegisterTotals(rows);
    expect(t).toEqual({
      communities: 7,
      buildings: 242,
      households: 8150,
      floorAreaSqM: 986_000,
      floorAreaWanSqM: 98.6,
      budgetWan: 1626.8,
    });
  });
});
