import { RENEWAL_STAGES, type RenewalStage } from '../model/renewal-stages';

/**
 * Words ledgers use for the renewal stage (国办发〔2020〕23号 phases), normalised (NFKC, lower
 * case, no spaces). 未开工 and 前期 are before the plan is fixed; 在建 is construction; 完工 and
 * 已验收 are acceptance.
 */
const STAGE_WORDS: Readonly<Record<string, RenewalStage>> = {
  宣传发动: 'publicity',
  宣传: 'publicity',
  前期: 'publicity',
  前期工作: 'publicity',
  未开工: 'publicity',
  谋划: 'publicity',
  制订方案: 'planning',
  制定方案: 'planning',
  '制订方案/公示': 'planning',
  '制定方案/公示': 'planning',
  方案: 'planning',
  方案设计: 'planning',
  公示: 'planning',
  设计: 'planning',
  施工: 'construction',
  在建: 'construction',
  在施: 'construction',
  施工中: 'construction',
  已开工: 'construction',
  实施: 'construction',
  竣工验收: 'acceptance',
  验收: 'acceptance',
  已验收: 'acceptance',
  完工: 'acceptance',
  已完工: 'acceptance',
  竣工: 'acceptance',
  publicity: 'publicity',
  planning: 'planning',
  construction: 'construction',
  acceptance: 'acceptance',
  accepted: 'acceptance',
  completed: 'acceptance',
};

/** The renewal stage a ledger cell's text names, or null. Pure. */
export function parseLedgerStage(text: string): RenewalStage | null {
  const s = text.normalize('NFKC').toLowerCase().replace(/\s+/g, '');
  const hit = STAGE_WORDS[s];
  if (hit) return hit;
  return (RENEWAL_STAGES as readonly string[]).includes(s) ? (s as RenewalStage) : null;
}
