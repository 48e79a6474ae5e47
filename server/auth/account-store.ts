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
}

/** Accounts, sessions, assignments: what the auth middleware and routes see of the database. */
export interface AccountStore {
  findByName(username: string): Promise<(SessionUser & { passwordHash: string }) | undefined>;
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
};

export function makeAccountStore(db: Database): AccountStore {
  return {
    async findByName(username) {
      const [row] = await db.query<SessionUser & { passwordHash: string }>(
        sql('find-user-by-name'),
        [username],
      );
      return row ? { ...toUser(row), passwordHash: row.passwordHash } : undefined;
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
      const rows = await db.query<SessionUser & { communities: string }>(sql('list-users'));
      return rows.map((r) => ({
        ...toUser(r),
        communities: (JSON.parse(r.communities) as number[]).map(Number),
      }));
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
