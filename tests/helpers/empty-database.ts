import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Database } from '../../server/db/database';
import { openDatabase } from '../../server/db/open-database';

/** A database nobody has used yet, for a child process (server, CLI) to start on. */
export interface EmptyDatabase {
  /** Environment for the child: DATABASE_URL or PGLITE_DATA_DIR, and no demo import. */
  readonly env: Record<string, string>;
  /** Open it in this process (only while no child holds a PGlite directory). */
  open(): Promise<Database>;
  /** Remove it. */
  drop(): Promise<void>;
}

/**
 * On server PostgreSQL (DATABASE_URL set): a fresh schema in that database, first on the
 * search_path (PostGIS stays in public), dropped afterwards. On PGlite: a new temporary data
 * directory. Either way the child migrates it from nothing, as on a new office's machine.
 */
export async function makeEmptyDatabase(label: string): Promise<EmptyDatabase> {
  const url = process.env.DATABASE_URL || undefined;
  if (url) {
    const schema = `${label}_${randomBytes(4).toString('hex')}`;
    const admin = await openDatabase({ databaseUrl: url });
    await admin.exec(`CREATE SCHEMA ${schema}`);
    await admin.close();
    const options = encodeURIComponent(`-c search_path=${schema},public`);
    const scoped = `${url}${url.includes('?') ? '&' : '?'}options=${options}`;
    return {
      env: { DATABASE_URL: scoped, DEMO_FILE: '' },
      open: () => openDatabase({ databaseUrl: scoped }),
      async drop() {
        const db = await openDatabase({ databaseUrl: url });
        await db.exec(`DROP SCHEMA ${schema} CASCADE`);
        await db.close();
      },
    };
  }
  const dir = await mkdtemp(join(tmpdir(), `rpm-${label}-`));
  return {
    env: { PGLITE_DATA_DIR: dir, DEMO_FILE: '' },
    open: () => openDatabase({ pgliteDataDir: dir }),
    drop: () => rm(dir, { recursive: true, force: true }),
  };
}
