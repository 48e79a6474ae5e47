import type { InterventionCategory } from '../model/intervention-categories';

/** 国办发〔2020〕23号's three categories as ledgers write them, and the API's ids. */
const CATEGORY_WORDS: Readonly<Record<string, InterventionCategory>> = {
  基础类: 'basic',
  基础: 'basic',
  基础类改造: 'basic',
  完善类: 'improvement',
  完善: 'improvement',
  完善类改造: 'improvement',
  提升类: 'upgrade',
  提升: 'upgrade',
  提升类改造: 'upgrade',
  basic: 'basic',
  improvement: 'improvement',
  upgrade: 'upgrade',
};

/** The intervention category a ledger cell's text names, or null. Pure. */
export function parseLedgerCategory(text: string): InterventionCategory | null {
  return CATEGORY_WORDS[text.normalize('NFKC').toLowerCase().replace(/\s+/g, '')] ?? null;
}
