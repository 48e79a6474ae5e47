import {
  INTERVENTION_CATEGORIES,
  type InterventionCategory,
} from '../model/intervention-categories';
import { releaseFunds } from './release-funds';

export interface RegisterItemInput {
  readonly category: InterventionCategory;
  readonly budgetWan: number;
  readonly progressPct: number;
  readonly acceptedOn: string | null;
}

export interface RegisterSummary {
  readonly items: number;
  readonly budgetWan: number;
  readonly releasedWan: number;
  readonly heldWan: number;
  /** Budget of each category (基础类 / 完善类 / 提升类), 万元. */
  readonly byCategoryWan: Readonly<Record<InterventionCategory, number>>;
  /** Budget-weighted progress, 0–100 % (0 without budget). */
  readonly progressPct: number;
}

const wan = (x: number): number => Math.round(x * 100) / 100;

/**
 * Totals of a community's renewal register: budget, funds released as of `asOf` (by
 * releaseFunds), warranty held, the category mix and budget-weighted progress. Pure.
 */
export function summarizeRegister(
  items: readonly RegisterItemInput[],
  asOf: string,
): RegisterSummary {
  const byCategoryWan = Object.fromEntries(INTERVENTION_CATEGORIES.map((c) => [c, 0])) as Record<
    InterventionCategory,
    number
  >;
  let budgetWan = 0;
  let releasedWan = 0;
  let heldWan = 0;
  let weighted = 0;
  for (const item of items) {
    const funds = releaseFunds({ ...item, asOf });
    budgetWan += item.budgetWan;
    releasedWan += funds.releasedWan;
    heldWan += funds.heldWan;
    weighted += item.budgetWan * item.progressPct;
    byCategoryWan[item.category] = wan(byCategoryWan[item.category] + item.budgetWan);
  }
  return {
    items: items.length,
    budgetWan: wan(budgetWan),
    releasedWan: wan(releasedWan),
    heldWan: wan(heldWan),
    byCategoryWan,
    progressPct: budgetWan === 0 ? 0 : Math.round((weighted / budgetWan) * 10) / 10,
  };
}
