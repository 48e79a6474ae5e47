import { createHash } from 'node:crypto';
import { RULES } from '../../domain/standards/rules';
import type { Catalog } from '../db/catalog';
import type { RegisterStore } from '../db/register-store';
import { computeDistrictRegister, type DistrictRegister } from './compute-district-register';

/**
 * Bump when what computeDistrictRegister returns changes shape or meaning: cached registers of
 * an older version are then never served (the key names it).
 */
export const REGISTER_CACHE_VERSION = 1;

/** The rules table's defaults enter every register (fire lanes, parking, coverage radii). */
const RULES_FINGERPRINT = createHash('sha256')
  .update(JSON.stringify(RULES))
  .digest('hex')
  .slice(0, 16);

export interface CachedRegister {
  /** The register as JSON text, ready to send. */
  json: string;
  /** true: read from register_cache; false: computed now (and kept). */
  hit: boolean;
  /** What computing it took, when it was computed now. */
  computeMs: number | null;
}

/**
 * The district register as a lookup (issue 13 item 2): kept in register_cache (migration 020)
 * under a key of (asOf, rules fingerprint, code version) and the district's change stamp, the
 * count and newest rev of the write transactions that touched the district (a row trigger on
 * every table the register reads appends one per transaction). The stamp is read BEFORE the
 * data, so a register is never kept under a stamp newer than what it saw, and any later commit
 * changes the stamp: an edit is visible on the next read, never a stale register. Kept in the
 * database, so every API process shares it.
 */
export async function cachedDistrictRegister(
  deps: { catalog: Catalog; register: RegisterStore },
  districtId: number,
  asOf: string,
): Promise<CachedRegister> {
  const key = `${asOf}|${RULES_FINGERPRINT}|v${REGISTER_CACHE_VERSION}`;
  const stamp = await deps.register.changeStamp(districtId);
  const cached = await deps.register.cached(districtId, key, stamp);
  if (cached !== undefined) return { json: cached, hit: true, computeMs: null };
  const t0 = performance.now();
  const register = await computeDistrictRegister(deps, districtId, asOf);
  const json = JSON.stringify(register);
  const computeMs = performance.now() - t0;
  await deps.register.keep(districtId, key, stamp, json, computeMs);
  return { json, hit: false, computeMs };
}

/** The same register as an object (CSV and Excel exports). */
export async function districtRegisterOf(
  deps: { catalog: Catalog; register: RegisterStore },
  districtId: number,
  asOf: string,
): Promise<DistrictRegister> {
  return JSON.parse(
    (await cachedDistrictRegister(deps, districtId, asOf)).json,
  ) as DistrictRegister;
}
