import type {
  CommunityValues,
  LedgerCommunity,
  LedgerItem,
  LedgerPlan,
  LedgerPreview,
} from '../../domain/ledger/ledger-types';
import type { Database, Executor } from './database';
import { sql } from './load-sql';

/** What a stored import's commit found: applied, or why not. */
export type CommitOutcome =
  | { readonly ok: true; readonly plan: LedgerPlan; readonly preview: LedgerPreview }
  | { readonly ok: false; readonly reason: 'missing' | 'expired' | 'committed' | 'not-yours' }
  | {
      readonly ok: false;
      readonly reason: 'stale';
      readonly stale: readonly {
        communityId?: number;
        itemId?: number;
        field?: string;
        expected?: unknown;
        found?: unknown;
      }[];
    };

/** The district ledger (改造台账): recorded figures, items, and server-side import previews. */
export interface LedgerStore {
  communities(districtId: number): Promise<LedgerCommunity[]>;
  items(districtId: number): Promise<LedgerItem[]>;
  assignedCommunities(districtId: number, userId: number): Promise<number[]>;
  savePreview(p: {
    districtId: number;
    token: string;
    userId: number;
    fileName: string | null;
    preview: LedgerPreview;
    plan: LedgerPlan;
    ttlSeconds: number;
  }): Promise<{ expiresAt: string }>;
  /**
   * Apply a stored plan in ONE transaction: every community it writes must still hold the values
   * the preview saw and every item its version, else nothing is written. `userId` must be the
   * previewer's (admins may commit anyone's).
   */
  commit(
    districtId: number,
    token: string,
    user: { id: number; admin: boolean },
  ): Promise<CommitOutcome>;
}

const num = (x: unknown): number | null => (x === null || x === undefined ? null : Number(x));

const toCommunity = (r: Record<string, unknown>): LedgerCommunity =>
  ({
    ...r,
    id: Number(r.id),
    builtYear: num(r.builtYear),
    households: num(r.households),
    buildings: Number(r.buildings),
    floorAreaSqM: num(r.floorAreaSqM),
    budgetWan: num(r.budgetWan),
  }) as LedgerCommunity;

const same = (a: unknown, b: unknown): boolean =>
  a === null || b === null || a === undefined || b === undefined
    ? (a ?? null) === (b ?? null)
    : typeof a === 'number' || typeof b === 'number'
      ? Math.abs(Number(a) - Number(b)) < 1e-9
      : a === b;

class Stale extends Error {
  constructor(readonly stale: Extract<CommitOutcome, { reason: 'stale' }>['stale']) {
    super('stale');
  }
}

async function applyPlan(tx: Executor, districtId: number, plan: LedgerPlan): Promise<void> {
  const ids = plan.communities.map((c) => c.id);
  if (ids.length) {
    const rows = await tx.query<Record<string, unknown>>(sql('lock-ledger-communities'), [
      districtId,
      ids,
    ]);
    const current = new Map(rows.map((r) => [Number(r.id), r]));
    const stale: Stale['stale'][number][] = [];
    for (const c of plan.communities) {
      const found = current.get(c.id);
      if (!found) {
        stale.push({ communityId: c.id });
        continue;
      }
      for (const [field, expected] of Object.entries(c.expect as Record<string, unknown>))
        if (!same(found[field], expected))
          stale.push({ communityId: c.id, field, expected, found: found[field] ?? null });
    }
    if (stale.length) throw new Stale(stale);
    for (const c of plan.communities)
      await tx.query(sql('update-community-ledger'), [
        districtId,
        c.id,
        JSON.stringify(c.set satisfies CommunityValues),
      ]);
  }
  for (const u of plan.itemUpdates) {
    const v = u.values;
    const hit = await tx.query(sql('update-ledger-item'), [
      districtId,
      u.id,
      u.version,
      v.category,
      v.quantity,
      v.unit,
      v.budgetWan,
      v.phase,
      v.progressPct,
      v.acceptedOn,
    ]);
    if (hit.length === 0)
      throw new Stale([{ itemId: u.id, field: 'version', expected: u.version }]);
  }
  for (const i of plan.itemInserts) {
    const v = i.values;
    await tx.query(sql('insert-ledger-item'), [
      districtId,
      i.communityId,
      v.name,
      v.category,
      v.quantity,
      v.unit,
      v.budgetWan,
      v.phase,
      v.progressPct,
      v.acceptedOn,
    ]);
  }
}

export function makeLedgerStore(db: Database): LedgerStore {
  return {
    async communities(districtId) {
      const rows = await db.query<Record<string, unknown>>(sql('list-ledger-communities'), [
        districtId,
      ]);
      return rows.map(toCommunity);
    },
    async items(districtId) {
      const rows = await db.query<Record<string, unknown>>(sql('list-ledger-items'), [districtId]);
      return rows.map(
        (r) =>
          ({
            ...r,
            id: Number(r.id),
            communityId: Number(r.communityId),
            quantity: Number(r.quantity),
            budgetWan: Number(r.budgetWan),
            progressPct: Number(r.progressPct),
            version: Number(r.version),
          }) as LedgerItem,
      );
    },
    async assignedCommunities(districtId, userId) {
      const rows = await db.query<{ id: number }>(sql('list-user-communities'), [
        districtId,
        userId,
      ]);
      return rows.map((r) => Number(r.id));
    },
    async savePreview(p) {
      const [row] = await db.query<{ expiresAt: Date | string }>(sql('insert-register-import'), [
        p.districtId,
        p.token,
        p.userId,
        p.fileName,
        JSON.stringify(p.preview),
        JSON.stringify(p.plan),
        p.ttlSeconds,
      ]);
      return { expiresAt: new Date(row!.expiresAt).toISOString() };
    },
    async commit(districtId, token, user) {
      try {
        return await db.transaction(async (tx): Promise<CommitOutcome> => {
          const [row] = await tx.query<{
            userId: number | null;
            plan: string;
            preview: string;
            expired: boolean;
            committed: boolean;
          }>(sql('lock-register-import'), [districtId, token]);
          if (!row) return { ok: false, reason: 'missing' };
          if (!user.admin && Number(row.userId) !== user.id)
            return { ok: false, reason: 'not-yours' };
          if (row.committed) return { ok: false, reason: 'committed' };
          if (row.expired) return { ok: false, reason: 'expired' };
          const plan = JSON.parse(row.plan) as LedgerPlan;
          await applyPlan(tx, districtId, plan);
          await tx.query(sql('mark-register-import-committed'), [districtId, token]);
          return { ok: true, plan, preview: JSON.parse(row.preview) as LedgerPreview };
        });
      } catch (err) {
        if (err instanceof Stale) return { ok: false, reason: 'stale', stale: err.stale };
        throw err;
      }
    },
  };
}
