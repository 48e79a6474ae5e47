import type { ImportWarning, ImportWarningRule } from './import-warning';

/** Warnings counted per rule, most frequent first (ties by rule name): the console summary. */
export const summarizeImportWarnings = (
  warnings: readonly ImportWarning[],
): { rule: ImportWarningRule; count: number }[] => {
  const counts = new Map<ImportWarningRule, number>();
  for (const w of warnings) counts.set(w.rule, (counts.get(w.rule) ?? 0) + 1);
  return [...counts]
    .map(([rule, count]) => ({ rule, count }))
    .sort((a, b) => b.count - a.count || (a.rule < b.rule ? -1 : a.rule > b.rule ? 1 : 0));
};
