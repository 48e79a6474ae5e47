import { resolve } from 'node:path';
import pg from 'pg';
import type { Database } from '../../server/db/database';
import { migrate } from '../../server/db/migrate';
import { openDatabase } from '../../server/db/open-database';
import { saveImportedDistrict } from '../../server/db/save-imported-district';
import { readOsmFile } from '../../server/import/read-osm-file';

export const ROOT = resolve(import.meta.dirname, '../..');
export const MONACO = { file: resolve(ROOT, 'data/monaco.osm.pbf'), name: 'Monaco (bench)' };
export const DEMO = {
  file: resolve(ROOT, 'data/beijing-haidian-cau.osm'),
  name: '海淀区 清华东路片区',
};
export const BENCH_DATABASE_URL =
  process.env.BENCH_DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/rpm_bench';

/** Create the bench database on the server if it does not exist yet. */
async function ensureServerDatabase(url: string): Promise<void> {
  const target = new URL(url);
  const name = target.pathname.slice(1);
  const admin = new URL(url);
  admin.pathname = '/postgres';
  const client = new pg.Client({ connectionString: admin.toString() });
  await client.connect();
  try {
    const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (!rowCount) await client.query(`CREATE DATABASE "${name.replace(/"/g, '""')}"`);
  } finally {
    await client.end();
  }
}

/** Import a district by name unless it is already there; returns its id. */
export async function ensureDistrict(
  db: Database,
  d: { file: string; name: string },
  log = console.log,
): Promise<number> {
  const [row] = await db.query<{ id: number }>(
    'SELECT id FROM district WHERE name = $1 ORDER BY id LIMIT 1',
    [d.name],
  );
  if (row) return Number(row.id);
  log(`importing ${d.file} as "${d.name}" (${db.engine}) …`);
  const t0 = performance.now();
  const district = await readOsmFile(d.file, { name: d.name });
  const result = await saveImportedDistrict(db, district);
  log(`  ${result.features} features in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  return result.districtId;
}

/** The server PostGIS bench database, created, migrated and loaded with Monaco and the demo. */
export async function openServerBenchDatabase(): Promise<Database> {
  await ensureServerDatabase(BENCH_DATABASE_URL);
  const db = await openDatabase({ databaseUrl: BENCH_DATABASE_URL });
  await migrate(db, resolve(ROOT, 'migrations'));
  return db;
}

/** A PGlite database in `dir`, migrated. */
export async function openPgliteBenchDatabase(dir: string): Promise<Database> {
  const db = await openDatabase({ pgliteDataDir: dir });
  await migrate(db, resolve(ROOT, 'migrations'));
  return db;
}
