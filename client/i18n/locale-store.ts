import { DEFAULT_LOCALE, isLocale, type Locale } from './translate';

const STORAGE_KEY = 'rpm.locale';

/** The locale chosen last time, or zh-CN. Storage may be unavailable (private mode): ignore. */
export function readStoredLocale(storage: Storage | undefined = globalThis.localStorage): Locale {
  try {
    const stored = storage?.getItem(STORAGE_KEY);
    return isLocale(stored) ? stored : DEFAULT_LOCALE;
  } catch {
    return DEFAULT_LOCALE;
  }
}

export function storeLocale(
  locale: Locale,
  storage: Storage | undefined = globalThis.localStorage,
): void {
  try {
    storage?.setItem(STORAGE_KEY, locale);
  } catch {
    // Storage full or blocked: the choice simply is not remembered.
  }
}
