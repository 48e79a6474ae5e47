import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Database } from './database';

export interface MigrationResult {
  applied: string[];
  level: number;
}

const MIGRATION_FILE = /^(\d{3,})_[a-z0-9_]+\.sql$/;

/**
 * Apply every numbered migration in `dir` not yet recorded in schema_migrations, in order,
 * each in its own transaction (a failed migration leaves the previous level intact).
 */
export async function migrate(db: Database, dir: string): Promise<MigrationResult> {
  await db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    version integer PRIMARY KEY,
    name text NOT NULL,
    applied_at timestamptz NOT NULL DEFAULT now()
  )`);
  const done = new Set(
    (await db.query<{ version: number }>('SELECT version FROM schema_migrations')).map((r) =>
      Number(r.version),
    ),
  );
  const files = (await readdir(dir)).filter((f) => MIGRATION_FILE.test(f)).sort();
  const applied: string[] = [];
  for (const file of files) {
    const version = Number(MIGRATION_FILE.exec(file)?.[1]);
    if (done.has(version)) continue;
    const sql = await readFile(join(dir, file), 'utf8');
    await db.transaction(async (tx) => {
      await tx.exec(sql);
      await tx.query('INSERT INTO schema_migrations (version, name) VALUES ($1, $2)', [
        version,
        file,
      ]);
    });
    applied.push(file);
  }
  const [row] = await db.query<{ level: number | null }>(
    'SELECT max(version) AS level FROM schema_migrations',
  );
  return { applied, level: Number(row?.level ?? 0) };
}
