import { cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inject } from 'vitest';
import type { Database } from '../../server/db/database';
import { openDatabase } from '../../server/db/open-database';

export interface TestDatabase {
  db: Database;
  close(): Promise<void>;
}

/**
 * The database a test file runs against: server PostgreSQL when DATABASE_URL is set, otherwise
 * a private copy of the PGlite template the global setup built (migrated, demo imported).
 */
export async function openTestDatabase(): Promise<TestDatabase> {
  const databaseUrl = process.env.DATABASE_URL || undefined;
  if (databaseUrl) {
    const db = await openDatabase({ databaseUrl });
    return { db, close: () => db.close() };
  }
  const template = inject('pgliteTemplate');
  const dir = await mkdtemp(join(tmpdir(), 'rpm-pglite-test-'));
  await cp(template, dir, { recursive: true });
  const db = await openDatabase({ pgliteDataDir: dir });
  return {
    db,
    async close() {
      await db.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}
