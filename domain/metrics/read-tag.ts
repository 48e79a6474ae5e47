import type { LedgerFeature } from './types';

/**
 * An OSM tag or flag of a ledger feature: flat properties (as the server's engines read them)
 * or the API's `props` bag (as the client's view holds them). A string, or undefined.
 */
export function readTag(f: LedgerFeature, key: string): string | undefined {
  const p = f.properties as Record<string, unknown>;
  const v = p[key] ?? (p['props'] as Record<string, unknown> | null | undefined)?.[key];
  return typeof v === 'string' ? v : typeof v === 'number' ? String(v) : undefined;
}
