import type { FireLaneViolationProps } from '../../domain/fire-lanes/types';
import { formatNumber, translate, type Locale, type MessageKey } from '../i18n/translate';
import type { FeatureDescription } from './describe-feature';

/** The localised name of a fire-lane rule id. */
export const ruleName = (locale: Locale, ruleId: string): string =>
  translate(locale, `compliance.rule.${ruleId}` as MessageKey);

/** A measured or required value with its unit (m or a count), or an em dash. */
export function formatMeasure(
  locale: Locale,
  n: number | null,
  unit: FireLaneViolationProps['unit'],
): string {
  if (n === null || !Number.isFinite(n)) return '—';
  const text = formatNumber(locale, n, unit === 'm' ? 1 : 0);
  return unit === 'm' ? translate(locale, 'unit.m', { n: text }) : text;
}

/** Title, rows and no tags for a fire-lane finding (the details panel and the tooltip). */
export function describeViolation(locale: Locale, p: FireLaneViolationProps): FeatureDescription {
  const t = (key: MessageKey) => translate(locale, key);
  const rows = [
    { label: t('compliance.ruleLabel'), value: ruleName(locale, p.ruleId) },
    { label: t('compliance.clause'), value: p.clause },
    ...(p.governs ? [{ label: t('compliance.governs'), value: p.governs }] : []),
    { label: t('compliance.severity'), value: t(`compliance.severity.${p.severity}`) },
    { label: t('compliance.measured'), value: formatMeasure(locale, p.measured, p.unit) },
    { label: t('compliance.required'), value: formatMeasure(locale, p.required, p.unit) },
  ];
  return {
    title: locale === 'en' ? p.messageEn : p.messageZh,
    subtitle: `${ruleName(locale, p.ruleId)} · ${p.clause}`,
    rows,
    tags: [],
  };
}
