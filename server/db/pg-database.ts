import { pipeline } from 'node:stream/promises';
import { Readable } from 'node:stream';
import pg from 'pg';
import { from as copyFromStdin } from 'pg-copy-streams';
import type { Database, Queryable, QueryOptions } from './database';

// int8 (counts, ids) as JS numbers: ids stay far below 2^53.
pg.types.setTypeParser(20, (v) => Number(v));
// numeric as JS numbers (widths, areas, budgets): same shape as PGlite returns.
pg.types.setTypeParser(1700, (v) => Number(v));

/** COPY … FROM STDIN on one client, streamed in 1 MB slices (pg-copy-streams). */
async function copyOn(client: pg.PoolClient, sql: string, data: Uint8Array): Promise<number> {
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
  // Fail fast on a wrong URL rather than at the first request.
  await pool.query('select 1');
  const query: Queryable['query'] = async <T>(
    sql: string,
    params: readonly unknown[] = [],
    options: QueryOptions = {},
  ) =>
    (
      await pool.query({
        text: sql,
        values: params as unknown[],
        ...(options.name ? { name: options.name } : {}),
      })
    ).rows as T[];
  return {
    engine: 'postgres',
    query,
    async transaction(fn) {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const result = await fn({
          query: async <T>(sql: string, params: readonly unknown[] = []) =>
            (await client.query(sql, params as unknown[])).rows as T[],
          exec: async (sql: string) => {
            await client.query(sql);
          },
          copyFrom: (sql: string, data: Uint8Array) => copyOn(client, sql, data),
        });
        await client.query('COMMIT');
        return result;
      } catch (err) {
        await client.query('ROLLBACK');
        throw err;
      } finally {
        client.release();
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
    close: () => pool.end(),
  };
}
