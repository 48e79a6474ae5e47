import type { Database } from './database';

export interface DatabaseConfig {
  /** postgres://… : use a server PostgreSQL + PostGIS. Absent: embedded PGlite. */
  databaseUrl?: string | undefined;
  /** PGlite data directory; undefined keeps the embedded database in memory. */
  pgliteDataDir?: string | undefined;
}

/** Open the engine the config asks for. Engines are imported lazily: pg users never load WASM. */
export async function openDatabase(config: DatabaseConfig): Promise<Database> {
  if (config.databaseUrl) {
    const { openPgDatabase } = await import('./pg-database');
    return openPgDatabase(config.databaseUrl);
  }
  const { openPgliteDatabase } = await import('./pglite-database');
  return openPgliteDatabase(config.pgliteDataDir);
}
