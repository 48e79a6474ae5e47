import { pipeline } from 'node:stream/promises';
import { Readable } from 'node:stream';
import pg from 'pg';
import { from as copyFromStdin } from 'pg-copy-streams';
import type { AbandonCounts, Database, Queryable, QueryOptions } from './database';
import { requestSignal, StatementAbandoned } from './request-signal';

// int8 (counts, ids) as JS numbers: ids stay far below 2^53.
pg.types.setTypeParser(20, (v) => Number(v));
// numeric as JS numbers (widths, areas, budgets): same shape as PGlite returns.
pg.types.setTypeParser(1700, (v) => Number(v));

/** COPY … FROM STDIN on one client, streamed in 1 MB slices (pg-copy-streams). */
async function copyOn(
  client: pg.PoolClient,
  sql: string,
  text: Uint8Array | string,
): Promise<number> {
  const data = typeof text === 'string' ? Buffer.from(text) : text;
  const stream = client.query(copyFromStdin(sql));
  const slices = function* () {
    for (let i = 0; i < data.byteLength; i += 1 << 20) yield data.subarray(i, i + (1 << 20));
  };
  await pipeline(Readable.from(slices()), stream);
  return stream.rowCount ?? 0;
}

/** Server engine: PostgreSQL + PostGIS through a node-postgres pool. */
export async function openPgDatabase(
  connectionString: string,
  maxConnections = 10,
): Promise<Database> {
  const pool = new pg.Pool({ connectionString, max: maxConnections });
  // An idle connection the server dropped (restart, failover, pg_terminate_backend) is an
  // 'error' event on the pool: without a listener Node would end the process. The pool removes
  // that client and opens a new connection for the next query, so the app recovers by itself.
  pool.on('error', (err) => {
    console.warn(`database connection lost (the pool reconnects): ${err.message}`);
  });
  // Fail fast on a wrong URL rather than at the first request.
  await pool.query('select 1');
  // Cancels go over a connection of their own: the main pool may be the thing that is full.
  const cancels = new pg.Pool({ connectionString, max: 1, idleTimeoutMillis: 10_000 });
  cancels.on('error', () => undefined); // a dropped idle cancel connection: the next reconnects
  const abandoned: AbandonCounts = { skipped: 0, cancelled: 0 };

  const query: Queryable['query'] = async <T>(
    sql: string,
    params: readonly unknown[] = [],
    options: QueryOptions = {},
  ) => {
    const config = {
      text: sql,
      values: params as unknown[],
      ...(options.name ? { name: options.name } : {}),
    };
    const signal = options.signal ?? requestSignal();
    if (!signal) return (await pool.query(config)).rows as T[];
    if (signal.aborted) {
      abandoned.skipped++;
      throw new StatementAbandoned(signal.reason);
    }
    const client = await pool.connect();
    let cancelling: Promise<unknown> | undefined;
    // A client whose connection failed is destroyed rather than returned to the pool.
    let broken: Error | undefined;
    const lost = (err: Error) => (broken = err);
    client.on('error', lost);
    try {
      // The pool's queue cannot be left, so a signal that fired while we waited skips here.
      if (signal.aborted) {
        abandoned.skipped++;
        throw new StatementAbandoned(signal.reason);
      }
      // The client stays checked out until the cancel has been answered, so the backend it
      // names cannot be running somebody else's statement by then.
      const cancel = () => {
        abandoned.cancelled++;
        cancelling = cancels
          .query('SELECT pg_cancel_backend($1)', [
            (client as unknown as { processID: number }).processID,
          ])
          .catch(() => undefined);
      };
      signal.addEventListener('abort', cancel, { once: true });
      try {
        return (await client.query(config)).rows as T[];
      } catch (err) {
        // 57014 query_canceled: ours, answered as the abandonment it is.
        if (signal.aborted && (err as { code?: string }).code === '57014')
          throw new StatementAbandoned(signal.reason);
        // No SQLSTATE: the connection itself failed.
        if (
          typeof (err as { code?: unknown }).code !== 'string' ||
          /^(08|57P)/.test((err as { code: string }).code)
        )
          broken ??= err as Error;
        throw err;
      } finally {
        signal.removeEventListener('abort', cancel);
        if (cancelling) await cancelling;
      }
    } finally {
      client.off('error', lost);
      client.release(broken);
    }
  };
  return {
    engine: 'postgres',
    abandoned,
    query,
    async transaction(fn) {
      const client = await pool.connect();
      let broken = false;
      // A checked-out client whose connection dies emits 'error' on itself (the pool listens
      // only to idle ones): without this listener it would end the process. The query in
      // flight rejects as well, and that is what the caller sees.
      const lost = (err: Error) => {
        broken = true;
        console.warn(`database connection lost in a transaction: ${err.message}`);
      };
      client.on('error', lost);
      try {
        await client.query('BEGIN');
        const result = await fn({
          query: async <T>(sql: string, params: readonly unknown[] = []) =>
            (await client.query(sql, params as unknown[])).rows as T[],
          exec: async (sql: string) => {
            await client.query(sql);
          },
          copyFrom: (sql: string, data: Uint8Array | string) => copyOn(client, sql, data),
        });
        await client.query('COMMIT');
        return result;
      } catch (err) {
        // A dropped connection cannot roll back, and needs none: the server ended the
        // transaction with the connection. Report the first error, not the ROLLBACK's.
        if (!broken)
          broken = await client.query('ROLLBACK').then(
            () => false,
            () => true,
          );
        throw err;
      } finally {
        client.off('error', lost);
        // A broken client is destroyed rather than returned to the pool.
        client.release(broken);
      }
    },
    exec: async (sql) => {
      await pool.query(sql);
    },
    async copyFrom(sql, data) {
      const client = await pool.connect();
      try {
        return await copyOn(client, sql, data);
      } finally {
        client.release();
      }
    },
    close: async () => {
      await Promise.all([pool.end(), cancels.end()]);
    },
  };
}
