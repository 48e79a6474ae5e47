import pg from 'pg';
import type { Database, Queryable, QueryOptions } from './database';

// int8 (counts, ids) as JS numbers: ids stay far below 2^53.
pg.types.setTypeParser(20, (v) => Number(v));
// numeric as JS numbers (widths, areas, budgets): same shape as PGlite returns.
pg.types.setTypeParser(1700, (v) => Number(v));

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
    close: () => pool.end(),
  };
}
