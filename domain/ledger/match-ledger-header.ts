import { COMPUTED_HEADERS, HEADERS_OF } from './ledger-headers';
import type { LedgerField, LedgerSheetKind, LedgerText } from './ledger-types';
import { normalizeLedgerHeader } from './normalize-ledger-header';

export type HeaderMatch =
  | { readonly field: LedgerField; readonly unit: string; readonly scale: number }
  | { readonly field: null; readonly unit: null; readonly ignored: LedgerText };

const COMPUTED = new Set(COMPUTED_HEADERS);

/**
 * The field a header cell names on a sheet of `kind` (synonyms in ledger-headers.ts, Chinese
 * and English), with the factor from the header's unit to the stored unit (元 → 万元 × 0.0001,
 * 万㎡ → m² × 10 000). A known header with a unit it does not accept, a computed export column
 * or an unknown header comes back with `ignored` and the reason; nothing is guessed. Pure.
 */
export function matchLedgerHeader(text: string, kind: LedgerSheetKind): HeaderMatch {
  const readings = normalizeLedgerHeader(text);
  let wrongUnit: { label: LedgerText; unit: string } | undefined;
  for (const { base, unit } of readings) {
    if (COMPUTED.has(base))
      return {
        field: null,
        unit: null,
        ignored: { zh: '计算列, 导入时忽略', en: 'computed column, not imported' },
      };
    for (const h of HEADERS_OF[kind]) {
      if (!h.names.includes(base)) continue;
      const units = h.units ?? { '': 1 };
      const scale = units[unit];
      if (scale !== undefined) return { field: h.field, unit, scale };
      wrongUnit ??= { label: h.label, unit };
    }
  }
  if (wrongUnit)
    return {
      field: null,
      unit: null,
      ignored: {
        zh: `单位「${wrongUnit.unit}」无法识别 (${wrongUnit.label.zh}), 该列未导入`,
        en: `unit "${wrongUnit.unit}" not understood (${wrongUnit.label.en}); column not imported`,
      },
    };
  return {
    field: null,
    unit: null,
    ignored: { zh: '不是台账字段, 导入时忽略', en: 'not a ledger column, not imported' },
  };
}
