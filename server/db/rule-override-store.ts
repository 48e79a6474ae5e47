import type { RuleOverrides } from '../../domain/standards/rule-override-types';
import type { ProjectContext } from '../../domain/standards/rules';
import type { Database, Queryable } from './database';
import { sql } from './load-sql';

/** One stored override with who set it and when (migration 014). */
export interface StoredRuleOverride {
  key: string;
  value: number;
  source: string;
  by: string | null;
  at: string;
}

/** A district's stored rule settings; undefined from `get` for an unknown district. */
export interface StoredProjectRules {
  context: ProjectContext;
  overrides: StoredRuleOverride[];
}

interface Row {
  context: ProjectContext;
  ruleKey: string | null;
  value: number | null;
  source: string | null;
  by: string | null;
  at: Date | string | null;
}

/** A district's project context and overrides as stored (migration 014). */
export async function readProjectRules(
  db: Queryable,
  districtId: number,
): Promise<StoredProjectRules | undefined> {
  const rows = await db.query<Row>(sql('list-rule-overrides'), [districtId]);
  if (rows.length === 0) return undefined;
  return {
    context: rows[0]!.context,
    overrides: rows
      .filter((r) => r.ruleKey !== null)
      .map((r) => ({
        key: r.ruleKey!,
        value: Number(r.value),
        source: r.source!,
        by: r.by,
        at: new Date(r.at!).toISOString(),
      })),
  };
}

/** The overrides in the shape withOverrides takes. */
export const overridesOf = (stored: StoredProjectRules | undefined): RuleOverrides =>
  Object.fromEntries(
    (stored?.overrides ?? []).map((o) => [o.key, { value: o.value, source: o.source }]),
  );

export interface RuleOverrideStore {
  get(districtId: number): Promise<StoredProjectRules | undefined>;
  /** Replace the district's overrides and context in one transaction; false: unknown district. */
  replace(
    districtId: number,
    settings: { context: ProjectContext; overrides: RuleOverrides },
    userId: number | null,
  ): Promise<boolean>;
}

export function makeRuleOverrideStore(db: Database): RuleOverrideStore {
  return {
    get: (districtId) => readProjectRules(db, districtId),
    replace: (districtId, settings, userId) =>
      db.transaction(async (tx) => {
        const [hit] = await tx.query(sql('set-project-context'), [districtId, settings.context]);
        if (!hit) return false;
        await tx.query(sql('delete-rule-overrides'), [districtId]);
        for (const key of Object.keys(settings.overrides).sort()) {
          const o = settings.overrides[key]!;
          await tx.query(sql('insert-rule-override'), [
            districtId,
            key,
            o.value,
            o.source.trim(),
            userId,
          ]);
        }
        return true;
      }),
  };
}
