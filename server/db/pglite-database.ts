import { PGlite } from '@electric-sql/pglite';
import { postgis } from '@electric-sql/pglite-postgis';
import type { Database, Executor } from './database';

type PGliteTx = Parameters<Parameters<PGlite['transaction']>[0]>[0];

const wrap = (q: PGlite | PGliteTx): Executor => ({
  async query<T>(sql: string, params: readonly unknown[] = []) {
    const res = await q.query<T>(sql, params as unknown[]);
    return res.rows;
  },
  async exec(sql: string) {
    await q.exec(sql);
  },
  async copyFrom(sql: string, data: Uint8Array | string) {
    const res = await q.query(sql.replace(/\bFROM\s+STDIN\b/i, "FROM '/dev/blob'"), [], {
      blob: new Blob([typeof data === 'string' ? data : (data as Uint8Array<ArrayBuffer>)]),
    });
    return res.affectedRows ?? 0;
  },
});

/**
 * Embedded engine: PGlite (Postgres in WebAssembly) with its PostGIS extension.
 * `dataDir` undefined keeps the database in memory (tests); a path persists it.
 * PGlite runs one statement at a time, so queries are serialised by PGlite itself.
 */
export async function openPgliteDatabase(dataDir?: string): Promise<Database> {
  const db = await PGlite.create({ ...(dataDir ? { dataDir } : {}), extensions: { postgis } });
  const base = wrap(db);
  return {
    engine: 'pglite',
    query: base.query,
    exec: base.exec,
    copyFrom: base.copyFrom,
    transaction: (fn) => db.transaction((tx) => fn(wrap(tx))),
    close: () => db.close(),
  };
}
