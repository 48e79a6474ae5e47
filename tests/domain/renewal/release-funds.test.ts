import { describe, expect, it } from 'vitest';
import { releaseFunds } from '../../../domain/renewal/release-funds';
import { RULES } from '../../../domain/standards/rules';

const at = (progressPct: number, acceptedOn: string | null = null, asOf = '2026-12-01') =>
  releaseFunds({ budgetWan: 210, progressPct, acceptedOn, asOf });

describe('releaseFunds (国办发〔2020〕23号: 30 % at 50 %, 30 % at 80 %, 30 % on acceptance, 10 % warranty)', () => {
  it('takes its tranches from the rules table, with their source', () => {
    expect(RULES.renewal.fundRelease.value.map((t) => t.share)).toEqual([0.3, 0.3, 0.3, 0.1]);
    expect(RULES.renewal.fundRelease.source).toMatch(/国办发〔2020〕23号/);
  });

  it.each([
    // progress %, released 万元 of a 210万元 budget
    [0, 0],
    [49.9, 0],
    [50, 63],
    [79.9, 63],
    [80, 126],
    [100, 126],
  ])('at %s %% progress releases %s万元 of 210万元', (progress, released) => {
    const r = at(progress);
    expect(r.releasedWan).toBe(released);
    expect(r.pendingWan).toBe(210 - released);
    expect(r.heldWan).toBe(0);
  });

  it('releases 90 % on acceptance and holds the 10 % warranty for one year', () => {
    const accepted = at(100, '2026-06-30', '2026-12-01');
    expect(accepted.releasedWan).toBe(189);
    expect(accepted.heldWan).toBe(21);
    expect(accepted.pendingWan).toBe(21);
    expect(at(100, '2026-06-30', '2027-06-29').releasedWan).toBe(189);
    const after = at(100, '2026-06-30', '2027-06-30');
    expect(after.releasedWan).toBe(210);
    expect(after.heldWan).toBe(0);
    expect(after.releasedShare).toBe(1);
    expect(after.tranches.map((t) => t.condition)).toEqual([
      'progress',
      'progress',
      'acceptance',
      'warranty',
    ]);
  });

  it('rounds to 0.01万元 and lets the last tranche absorb the rounding', () => {
    const r = releaseFunds({
      budgetWan: 0.07,
      progressPct: 100,
      acceptedOn: null,
      asOf: '2026-01-01',
    });
    expect(r.tranches.map((t) => t.amountWan)).toEqual([0.02, 0.02, 0.02, 0.01]);
    expect(r.tranches.reduce((s, t) => s + t.amountWan, 0)).toBeCloseTo(0.07, 10);
  });

  it('rejects bad input with zh and en messages', () => {
    expect(() => at(120)).toThrow(/0–100/);
    expect(() => at(90, '2026-01-01')).toThrow(/acceptance requires 100/);
    expect(() =>
      releaseFunds({ budgetWan: -1, progressPct: 0, acceptedOn: null, asOf: '2026-01-01' }),
    ).toThrow(/budgetWan/);
    expect(() => at(50, null, '1/12/2026')).toThrow(/YYYY-MM-DD/);
  });

  it('accepts a city’s own tranches', () => {
    const r = releaseFunds(
      { budgetWan: 100, progressPct: 60, acceptedOn: null, asOf: '2026-01-01' },
      {
        tranches: [
          { atProgress: 0.6, share: 0.5 },
          { atProgress: 1, share: 0.5, onAcceptance: true },
        ] as never,
      },
    );
    expect(r.releasedWan).toBe(50);
  });
});
