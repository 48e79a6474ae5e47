import type { Database } from '../../server/db/database';

class RolledBack extends Error {}

/**
 * Run `fn` against a Database that lives inside ONE transaction of `db`, always rolled back:
 * what the test writes is never seen by other test files sharing a server database. Nested
 * transactions of the code under test join the outer one.
 */
export async function withRollback(db: Database, fn: (tx: Database) => Promise<void>) {
  try {
    await db.transaction(async (tx) => {
      const inner: Database = {
        engine: db.engine,
        abandoned: db.abandoned,
        query: (text, params) => tx.query(text, params),
        exec: (text) => tx.exec(text),
        copyFrom: (text, data) => tx.copyFrom(text, data),
        transaction: (f) => f(tx),
        close: async () => {},
      };
      await fn(inner);
      throw new RolledBack();
    });
  } catch (e) {
    if (!(e instanceof RolledBack)) throw e;
  }
}
