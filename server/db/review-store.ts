import type { Role } from '../../domain/model/roles';
import type { ReviewAction, ReviewState } from '../../domain/review/review-states';
import type { Database } from './database';
import { sql } from './load-sql';

export interface ReviewEvent {
  id: number;
  action: ReviewAction;
  fromState: ReviewState;
  toState: ReviewState;
  body: string | null;
  userId: number | null;
  username: string;
  displayName: string | null;
  role: string | null;
  /** [lon, lat] of a pinned comment. */
  at: [number, number] | null;
  createdAt: string;
}

export interface AuditEntry {
  id: number;
  at: string;
  userId: number | null;
  username: string | null;
  /** The account's role now; null for a deleted account or an anonymous caller. */
  role: Role | null;
  method: string;
  route: string;
  status: number;
  entity: string | null;
  entityId: number | null;
  scenarioId: number | null;
  communityId: number | null;
  summary: Record<string, unknown>;
}

export interface ReviewTarget {
  districtId: number;
  communityId: number | null;
  kind: 'baseline' | 'proposal';
  name: string;
  reviewState: ReviewState;
}

/** The review workflow's records: states, events, and the audit log they are read beside. */
export interface ReviewStore {
  target(scenarioId: number): Promise<ReviewTarget | undefined>;
  /** Apply one step in a transaction; false when the state was no longer `from`. */
  apply(step: {
    scenarioId: number;
    action: ReviewAction;
    from: ReviewState;
    to: ReviewState;
    userId: number;
    username: string;
    body: string | null;
    at: [number, number] | null;
  }): Promise<boolean>;
  events(scenarioId: number): Promise<ReviewEvent[]>;
  audit(filter: { scenarioId: number | null; limit: number }): Promise<AuditEntry[]>;
}

const iso = (d: Date | string): string => new Date(d).toISOString();

export function makeReviewStore(db: Database): ReviewStore {
  return {
    async target(scenarioId) {
      const [row] = await db.query<ReviewTarget>(sql('get-review-state'), [scenarioId]);
      if (!row) return undefined;
      return {
        ...row,
        districtId: Number(row.districtId),
        communityId: row.communityId === null ? null : Number(row.communityId),
      };
    },
    async apply(step) {
      return db.transaction(async (tx) => {
        const [moved] = await tx.query<{ districtId: number }>(
          sql(step.from === step.to ? 'lock-review-state' : 'transition-review'),
          [step.scenarioId, step.from, step.to],
        );
        if (!moved) return false;
        await tx.query(sql('insert-review-event'), [
          moved.districtId,
          step.scenarioId,
          step.userId,
          step.username,
          step.action,
          step.from,
          step.to,
          step.body,
          step.at?.[0] ?? null,
          step.at?.[1] ?? null,
        ]);
        return true;
      });
    },
    async events(scenarioId) {
      const rows = await db.query<Omit<ReviewEvent, 'at'> & { at: string | null }>(
        sql('list-review-events'),
        [scenarioId],
      );
      return rows.map((r) => ({
        ...r,
        id: Number(r.id),
        userId: r.userId === null ? null : Number(r.userId),
        at: r.at ? (JSON.parse(r.at) as [number, number]) : null,
        createdAt: iso(r.createdAt),
      }));
    },
    async audit({ scenarioId, limit }) {
      const rows = await db.query<Omit<AuditEntry, 'summary'> & { summary: string }>(
        sql('list-audit'),
        [scenarioId, limit],
      );
      return rows.map((r) => ({
        ...r,
        id: Number(r.id),
        at: iso(r.at),
        userId: r.userId === null ? null : Number(r.userId),
        status: Number(r.status),
        entityId: r.entityId === null ? null : Number(r.entityId),
        scenarioId: r.scenarioId === null ? null : Number(r.scenarioId),
        communityId: r.communityId === null ? null : Number(r.communityId),
        summary: JSON.parse(r.summary) as Record<string, unknown>,
      }));
    },
  };
}
