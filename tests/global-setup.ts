import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { TestProject } from 'vitest/node';
import { importDemoIfEmpty } from '../server/bootstrap';
import { migrate } from '../server/db/migrate';
import { openDatabase } from '../server/db/open-database';

const ROOT = resolve(import.meta.dirname, '..');
export const DEMO = {
  file: join(ROOT, 'data/beijing-haidian-cau.osm'),
  name: '海淀区 清华东路片区',
};

/**
 * Prepare the database every test file starts from: migrated, with the demo district imported.
 * PGlite: built once into a template directory that each test file copies (a cold PGlite +
 * PostGIS start costs ~15 s; opening a copy ~3 s). Server PostgreSQL (DATABASE_URL): migrated
 * and loaded in place; tests that write clean up after themselves.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const databaseUrl = process.env.DATABASE_URL || undefined;
  const log = (m: string): void => console.log(`[test db] ${m}`);
  if (databaseUrl) {
    const db = await openDatabase({ databaseUrl });
    await migrate(db, join(ROOT, 'migrations'));
    await importDemoIfEmpty(db, DEMO, log);
    await db.close();
    project.provide('pgliteTemplate', '');
    return async () => {};
  }
  const dir = await mkdtemp(join(tmpdir(), 'rpm-pglite-template-'));
  const db = await openDatabase({ pgliteDataDir: dir });
  await migrate(db, join(ROOT, 'migrations'));
  await importDemoIfEmpty(db, DEMO, log);
  await db.close();
  project.provide('pgliteTemplate', dir);
  return async () => {
    await rm(dir, { recursive: true, force: true });
  };
}

declare module 'vitest' {
  export interface ProvidedContext {
    pgliteTemplate: string;
  }
}
