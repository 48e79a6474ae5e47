/**
 * The one small interface every repo and route sees. Two engines implement it: PGlite with
 * PostGIS (embedded, default) and node-postgres against a server PostgreSQL + PostGIS.
 */
export type Engine = 'pglite' | 'postgres';

export interface QueryOptions {
  /**
   * Prepare the statement once per connection under this name and reuse its plan (hot paths
   * such as tiles). Engines without named statements (PGlite) ignore it.
   */
  name?: string;
}

export interface Queryable {
  /** Run one statement with positional parameters ($1, $2 ...). Values only, never identifiers. */
  query<T = Record<string, unknown>>(
    sql: string,
    params?: readonly unknown[],
    options?: QueryOptions,
  ): Promise<T[]>;
}

export interface Executor extends Queryable {
  /** Run a script of several statements without parameters (migrations). */
  exec(sql: string): Promise<void>;
  /**
   * `COPY table (columns) FROM STDIN` with `data` in COPY text format (tab between columns, \\N
   * for NULL, one row a line; escape with copyTextField) for bulk loads (a survey's or an OSM
   * import's staging rows): node-postgres streams it (pg-copy-streams), PGlite reads it as its
   * /dev/blob. The statement is a constant in our code, never user input. Returns rows copied.
   */
  copyFrom(sql: string, data: Uint8Array | string): Promise<number>;
}

export interface Database extends Executor {
  readonly engine: Engine;
  /** Run `fn` in one transaction: committed if it resolves, rolled back if it throws. */
  transaction<T>(fn: (tx: Executor) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}
