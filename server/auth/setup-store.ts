import type { Role } from '../../domain/model/roles';
import type { Database } from '../db/database';
import { sql } from '../db/load-sql';
import type { SessionUser } from './session-user';

export type FirstAdminOutcome =
  | { ok: true; user: SessionUser }
  /** The link is unknown, used already or expired. */
  | { ok: false; reason: 'invalid-token' }
  /** Someone made an account meanwhile (e.g. with `npm run user`): no setup any more. */
  | { ok: false; reason: 'users-exist' };

/** The one-time setup links that create the first admin of an install without accounts. */
export interface SetupStore {
  /** Store a new link's digest (older unused links are dropped); returns when it expires. */
  issue(digest: string, ttlS: number): Promise<{ expiresAt: string }>;
  /**
   * Use the link and create the admin in one transaction: a used, expired or unknown link, or
   * an install that has accounts by now, changes nothing.
   */
  createFirstAdmin(
    digest: string,
    admin: { username: string; displayName: string; passwordHash: string },
  ): Promise<FirstAdminOutcome>;
}

const ADMIN: Role = 'admin';

/** Thrown inside the transaction to roll back the token's use. */
class Refused extends Error {
  constructor(readonly reason: 'invalid-token' | 'users-exist') {
    super(reason);
  }
}

export function makeSetupStore(db: Database): SetupStore {
  return {
    async issue(digest, ttlS) {
      return db.transaction(async (tx) => {
        await tx.query(sql('delete-unused-setup-tokens'));
        const [row] = await tx.query<{ expiresAt: Date | string }>(sql('insert-setup-token'), [
          digest,
          ttlS,
        ]);
        return { expiresAt: new Date(row!.expiresAt).toISOString() };
      });
    },
    async createFirstAdmin(digest, admin) {
      try {
        return await db.transaction(async (tx) => {
          // Serialise concurrent first-admin requests: the loser sees the winner's account.
          await tx.query('LOCK TABLE setup_token IN EXCLUSIVE MODE');
          const used = await tx.query(sql('use-setup-token'), [digest]);
          if (!used.length) throw new Refused('invalid-token');
          const [count] = await tx.query<{ n: number }>(sql('count-users'));
          if (Number(count?.n) > 0) throw new Refused('users-exist');
          const [row] = await tx.query<SessionUser>(sql('insert-user'), [
            admin.username,
            admin.displayName,
            ADMIN,
            admin.passwordHash,
          ]);
          if (!row) throw new Refused('users-exist');
          await tx.query(sql('setup-token-used-by'), [digest, row.id]);
          return {
            ok: true as const,
            user: {
              id: Number(row.id),
              username: row.username,
              displayName: row.displayName,
              role: row.role,
            },
          };
        });
      } catch (e) {
        if (e instanceof Refused) return { ok: false, reason: e.reason };
        throw e;
      }
    },
  };
}
