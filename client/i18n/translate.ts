import { facilityCategory } from '../../domain/standards/rules';
import { en } from './en';
import { zhCN, type MessageKey, type Messages } from './zh-CN';

export const LOCALES = ['zh-CN', 'en'] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = 'zh-CN';

export const isLocale = (s: unknown): s is Locale =>
  typeof s === 'string' && (LOCALES as readonly string[]).includes(s);

const DICTIONARIES: Record<Locale, Messages> = { 'zh-CN': zhCN, en };

/** The message for `key` in `locale`, with `{name}` placeholders replaced from `vars`. */
export function translate(
  locale: Locale,
  key: MessageKey,
  vars: Record<string, string | number> = {},
): string {
  const template = DICTIONARIES[locale][key];
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in vars ? String(vars[name]) : whole,
  );
}

/** Formats a number with the locale's grouping; `maximumFractionDigits` defaults to 1. */
export const formatNumber = (locale: Locale, n: number, maximumFractionDigits = 1): string =>
  new Intl.NumberFormat(locale, { maximumFractionDigits }).format(n);

/** The localised name of a GB 50180 facility category id, or the id itself when unknown. */
export function facilityCategoryName(locale: Locale, id: string): string {
  const category = facilityCategory(id);
  if (!category) return id;
  return locale === 'en' ? category.nameEn : category.nameZh;
}

export type { MessageKey };
