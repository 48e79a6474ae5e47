import { existsSync } from 'node:fs';
import { ensureDemoAccounts } from './auth/demo-accounts';
import type { Config } from './config';
import type { Database } from './db/database';
import { migrate } from './db/migrate';
import { openDatabase } from './db/open-database';
import { importOsmFile } from './import/import-osm-file';

export type Log = (message: string) => void;

/** Open the configured engine, migrate it, and load the demo district into an empty database. */
export async function bootstrap(config: Config, log: Log = console.log): Promise<Database> {
  if (config.databaseUrl) {
    log(`Database: PostgreSQL at ${config.databaseUrl.replace(/\/\/[^@]*@/, '//***@')}`);
  } else {
    log(`Database: embedded PGlite + PostGIS in ${config.pgliteDataDir}`);
    log('  (starting the WebAssembly engine and PostGIS takes about 10–20 s on a cold start)');
  }
  const started = Date.now();
  const db = await openDatabase(config);
  log(`  engine ready in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  const { applied, level } = await migrate(db, config.migrationsDir);
  log(`Migrations: level ${level}${applied.length ? `, applied ${applied.join(', ')}` : ''}`);
  await importDemoIfEmpty(db, { file: config.demoFile, name: config.demoName }, log);
  return db;
}

export async function importDemoIfEmpty(
  db: Database,
  demo: { file: string; name: string },
  log: Log,
): Promise<void> {
  const demoFile = demo.file;
  const [row] = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM district');
  if (!demoFile) return;
  if (Number(row?.n) > 0) return demoAccounts(db, log);
  if (!existsSync(demoFile)) {
    log(`Demo data ${demoFile} not found: starting with an empty database`);
    return;
  }
  log(`Empty database: importing the demo district from ${demoFile}`);
  const t0 = Date.now();
  const result = await importOsmFile(db, demoFile, {
    name: demo.name,
    onProgress: (m) => log(`  ${m}`),
  });
  log(
    `Demo district imported in ${((Date.now() - t0) / 1000).toFixed(1)} s: ` +
      `${result.communities} communities, ${result.features} features` +
      (result.dropped ? `, ${result.dropped} dropped (invalid geometry)` : ''),
  );
  await demoAccounts(db, log);
}

/** The demo's accounts (README "Demo accounts"), created where missing. */
async function demoAccounts(db: Database, log: Log): Promise<void> {
  const created = await ensureDemoAccounts(db);
  if (created.length) log(`Demo accounts created: ${created.join(', ')} (passwords in README)`);
}
