import type { Role } from '../../domain/model/roles';
import type { ReviewState } from '../../domain/review/review-states';
import type { Database } from '../db/database';
import { sql } from '../db/load-sql';
import type { Scope } from './permissions';
import type { SessionUser } from './session-user';

export interface ScopeTarget {
  communityId: number | null;
  scenarioId: number | null;
  kind: 'baseline' | 'proposal' | null;
  reviewState: ReviewState | null;
  /** The user is assigned to the community. */
  assigned: boolean;
}

export interface UserListing extends SessionUser {
  communities: number[];
  disabled: boolean;
  /** ISO time of the last sign-in; null when never signed in (or before it was recorded). */
  lastLoginAt: string | null;
}

/** Accounts, sessions, assignments: what the auth middleware and routes see of the database. */
export interface AccountStore {
  findByName(
    username: string,
  ): Promise<(SessionUser & { passwordHash: string; disabled: boolean }) | undefined>;
  createSession(userId: number, digest: string, ttlS: number): Promise<void>;
  sessionUser(digest: string): Promise<SessionUser | undefined>;
  deleteSession(digest: string): Promise<void>;
  /** undefined when the username is taken. */
  createUser(u: {
    username: string;
    displayName: string;
    role: Role;
    passwordHash: string;
    communityIds?: number[];
  }): Promise<SessionUser | undefined>;
  listUsers(): Promise<UserListing[]>;
  /** Remember the time of a sign-in. */
  recordLogin(userId: number): Promise<void>;
  /** New password hash; every session of the account ends. false when the name is unknown. */
  setPassword(username: string, passwordHash: string): Promise<boolean>;
  /** Disable (sessions end at once) or enable an account. false when the name is unknown. */
  setDisabled(username: string, disabled: boolean): Promise<boolean>;
  countUsers(): Promise<number>;
  resolveScope(scope: Scope, id: number, userId: number): Promise<ScopeTarget | undefined>;
}

const toUser = (r: SessionUser): SessionUser => ({
  id: Number(r.id),
  username: r.username,
  displayName: r.displayName,
  role: r.role,
});

/** The scope kinds resolve-scope.sql knows: an `-edit` scope resolves like its entity. */
const SCOPE_ENTITY: Record<Scope, string> = {
  baseline: 'baseline',
  scenario: 'scenario',
  'scenario-edit': 'scenario',
  'feature-edit': 'feature',
  community: 'community',
  'register-item': 'register-item',
  district: 'district',
};

export function makeAccountStore(db: Database): AccountStore {
  return {
    async findByName(username) {
      const [row] = await db.query<SessionUser & { passwordHash: string; disabled: boolean }>(
        sql('find-user-by-name'),
        [username],
      );
      return row
        ? { ...toUser(row), passwordHash: row.passwordHash, disabled: row.disabled === true }
        : undefined;
    },
    async createSession(userId, digest, ttlS) {
      await db.query(sql('insert-session'), [digest, userId, ttlS]);
    },
    async sessionUser(digest) {
      const [row] = await db.query<SessionUser>(sql('find-session-user'), [digest]);
      return row ? toUser(row) : undefined;
    },
    async deleteSession(digest) {
      await db.query(sql('delete-session'), [digest]);
    },
    async createUser(u) {
      return db.transaction(async (tx) => {
        const [row] = await tx.query<SessionUser>(sql('insert-user'), [
          u.username,
          u.displayName,
          u.role,
          u.passwordHash,
        ]);
        if (!row) return undefined;
        if (u.communityIds?.length)
          await tx.query(sql('assign-communities'), [row.id, u.communityIds]);
        return toUser(row);
      });
    },
    async listUsers() {
      const rows = await db.query<
        SessionUser & { communities: string; disabled: boolean; lastLoginAt: Date | string | null }
      >(sql('list-users'));
      return rows.map((r) => ({
        ...toUser(r),
        communities: (JSON.parse(r.communities) as number[]).map(Number),
        disabled: r.disabled === true,
        lastLoginAt: r.lastLoginAt === null ? null : new Date(r.lastLoginAt).toISOString(),
      }));
    },
    async recordLogin(userId) {
      await db.query(sql('record-login'), [userId]);
    },
    async setPassword(username, passwordHash) {
      return db.transaction(async (tx) => {
        const [row] = await tx.query<{ id: number }>(sql('set-user-password'), [
          username,
          passwordHash,
        ]);
        if (!row) return false;
        await tx.query(sql('delete-user-sessions'), [row.id]);
        return true;
      });
    },
    async setDisabled(username, disabled) {
      return db.transaction(async (tx) => {
        const [row] = await tx.query<{ id: number }>(sql('set-user-disabled'), [
          username,
          disabled,
        ]);
        if (!row) return false;
        if (disabled) await tx.query(sql('delete-user-sessions'), [row.id]);
        return true;
      });
    },
    async countUsers() {
      const [row] = await db.query<{ n: number }>(sql('count-users'));
      return Number(row?.n ?? 0);
    },
    async resolveScope(scope, id, userId) {
      const [row] = await db.query<{
        communityId: number | null;
        scenarioId: number | null;
        kind: 'baseline' | 'proposal' | null;
        reviewState: ReviewState | null;
        assigned: boolean;
      }>(sql('resolve-scope'), [SCOPE_ENTITY[scope], id, userId]);
      if (!row) return undefined;
      return {
        communityId: row.communityId === null ? null : Number(row.communityId),
        scenarioId: row.scenarioId === null ? null : Number(row.scenarioId),
        kind: row.kind,
        reviewState: row.reviewState,
        assigned: row.assigned === true,
      };
    },
  };
}
