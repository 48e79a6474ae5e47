import { PGlite } from '@electric-sql/pglite';
import { postgis } from '@electric-sql/pglite-postgis';
import { Admission } from '../work/admission';
import type { AbandonCounts, Database, Executor, QueryOptions } from './database';
import { requestSignal, StatementAbandoned } from './request-signal';

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
 * PGlite runs one statement at a time and a running one cannot be interrupted, so statements
 * outside transactions wait in a FIFO queue of our own (Admission of 1): one whose signal fires while
 * it waits leaves the queue and never runs (issue 18 item 2), and a request that goes on to its
 * next statement after its client left stops there (it yields to the event loop first, so a
 * closed socket is noticed even when every statement is answered at once).
 */
export async function openPgliteDatabase(dataDir?: string): Promise<Database> {
  const db = await PGlite.create({ ...(dataDir ? { dataDir } : {}), extensions: { postgis } });
  const base = wrap(db);
  const turn = new Admission(1);
  const abandoned: AbandonCounts = { skipped: 0, cancelled: 0 };
  return {
    engine: 'pglite',
    abandoned,
    async query<T>(sql: string, params: readonly unknown[] = [], options: QueryOptions = {}) {
      const signal = options.signal ?? requestSignal();
      let release: (() => void) | undefined;
      try {
        release = await turn.acquire(signal);
      } catch (err) {
        abandoned.skipped++;
        throw new StatementAbandoned(err);
      }
      try {
        // PGlite runs on this thread: let the event loop see pending I/O (a closed socket, other
        // requests) before the next statement of an abandonable request.
        if (signal) await new Promise((ok) => setImmediate(ok));
        if (signal?.aborted) {
          abandoned.skipped++;
          throw new StatementAbandoned(signal.reason);
        }
        return await base.query<T>(sql, params);
      } finally {
        release?.();
      }
    },
    exec: base.exec,
    copyFrom: base.copyFrom,
    transaction: (fn) => db.transaction((tx) => fn(wrap(tx))),
    close: () => db.close(),
  };
}
