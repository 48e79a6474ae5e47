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
  /**
   * Abandon the statement when this fires (issue 18 item 2: the HTTP client went away). On
   * PostgreSQL a running statement is cancelled (pg_cancel_backend from another connection) and
   * the query rejects; on PGlite, which runs one statement at a time, a statement still queued is
   * skipped and never runs. Without it, the signal of the request being served (request-signal.ts)
   * applies, when that request opted in.
   */
  signal?: AbortSignal | undefined;
}

/** Statements abandoned because their signal fired (for tests and health). */
export interface AbandonCounts {
  /** Never started: the signal fired while the statement waited its turn. */
  skipped: number;
  /** Cancelled while running (PostgreSQL only). */
  cancelled: number;
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
  readonly abandoned: Readonly<AbandonCounts>;
  /** Run `fn` in one transaction: committed if it resolves, rolled back if it throws. */
  transaction<T>(fn: (tx: Executor) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}
