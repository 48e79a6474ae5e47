import { InputError } from '../geo/input-error';
import { RULES } from '../standards/rules';

export interface FundReleaseInput {
  readonly budgetWan: number;
  /** Construction progress, 0–100 %. */
  readonly progressPct: number;
  /** Date of 竣工验收 (YYYY-MM-DD), or null before acceptance. */
  readonly acceptedOn: string | null;
  /** The day the release is computed for (YYYY-MM-DD): no hidden clock. */
  readonly asOf: string;
}

export interface FundTranche {
  /** Share of the budget, 0–1. */
  readonly share: number;
  readonly amountWan: number;
  readonly released: boolean;
  /** What releases it: progress reached, acceptance, or the end of the warranty. */
  readonly condition: 'progress' | 'acceptance' | 'warranty';
  /** progress: the progress share (0–1) that releases it. */
  readonly atProgress: number;
}

export interface FundRelease {
  readonly releasedWan: number;
  /** Not yet released (including the warranty retention while it is held). */
  readonly pendingWan: number;
  /** Of pendingWan: the warranty share held after acceptance until its year has passed. */
  readonly heldWan: number;
  readonly releasedShare: number;
  readonly tranches: readonly FundTranche[];
}

export interface FundReleaseOptions {
  /** Tranches in the shape of RULES.renewal.fundRelease (a city may adopt its own). */
  readonly tranches?: typeof RULES.renewal.fundRelease.value;
}

/** 万元 to two decimals (100 元), the precision budgets are published with. */
const wan = (x: number): number => Math.round(x * 100) / 100;

const DATE = /^\d{4}-\d{2}-\d{2}$/;

const addYears = (date: string, years: number): string =>
  `${String(Number(date.slice(0, 4)) + years).padStart(4, '0')}${date.slice(4)}`;

/**
 * Funds released for an intervention by its progress (国办发〔2020〕23号 and the seed plans,
 * RULES.renewal.fundRelease): 30 % at 50 % progress, 30 % at 80 %, 30 % on acceptance
 * (竣工验收), and the last 10 % held one year as warranty (质保金) after acceptance.
 * Amounts in 万元 rounded to 0.01; the last released tranche absorbs rounding so the tranches
 * always sum to the budget. Throws InputError for a negative budget, progress outside 0–100,
 * a malformed date, or acceptance before 100 % progress. Pure.
 */
export function releaseFunds(
  input: FundReleaseInput,
  options: FundReleaseOptions = {},
): FundRelease {
  const { budgetWan, progressPct, acceptedOn, asOf } = input;
  if (!Number.isFinite(budgetWan) || budgetWan < 0)
    throw new InputError('INVALID_OPTION', '预算须为非负数 (万元)', 'budgetWan must be ≥ 0');
  if (!Number.isFinite(progressPct) || progressPct < 0 || progressPct > 100)
    throw new InputError('INVALID_OPTION', '进度须在 0–100% 之间', 'progressPct must be 0–100');
  if (!DATE.test(asOf) || (acceptedOn !== null && !DATE.test(acceptedOn)))
    throw new InputError('INVALID_OPTION', '日期格式应为 YYYY-MM-DD', 'dates must be YYYY-MM-DD');
  if (acceptedOn !== null && progressPct < 100)
    throw new InputError(
      'INVALID_OPTION',
      '竣工验收要求进度达到 100%',
      'acceptance requires 100 % progress',
    );
  const rules = options.tranches ?? RULES.renewal.fundRelease.value;
  let assigned = 0;
  const tranches: FundTranche[] = rules.map((t, i) => {
    const amountWan = i === rules.length - 1 ? wan(budgetWan - assigned) : wan(budgetWan * t.share);
    assigned = wan(assigned + amountWan);
    if (t.retainedYears !== undefined) {
      const years = t.retainedYears;
      const released = acceptedOn !== null && addYears(acceptedOn, years) <= asOf;
      return {
        share: t.share,
        amountWan,
        released,
        condition: 'warranty',
        atProgress: t.atProgress,
      };
    }
    if (t.onAcceptance) {
      return {
        share: t.share,
        amountWan,
        released: acceptedOn !== null,
        condition: 'acceptance',
        atProgress: t.atProgress,
      };
    }
    return {
      share: t.share,
      amountWan,
      released: progressPct / 100 >= t.atProgress,
      condition: 'progress',
      atProgress: t.atProgress,
    };
  });
  const releasedWan = wan(tranches.filter((t) => t.released).reduce((s, t) => s + t.amountWan, 0));
  const heldWan =
    acceptedOn === null
      ? 0
      : wan(
          tranches
            .filter((t) => t.condition === 'warranty' && !t.released)
            .reduce((s, t) => s + t.amountWan, 0),
        );
  return {
    releasedWan,
    pendingWan: wan(budgetWan - releasedWan),
    heldWan,
    releasedShare: budgetWan === 0 ? 0 : releasedWan / budgetWan,
    tranches,
  };
}
