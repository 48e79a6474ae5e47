import { readConfig } from '../config';
import { migrate } from '../db/migrate';
import { openDatabase } from '../db/open-database';

/** `npm run migrate`: apply pending migrations to the configured database and exit. */
const config = readConfig();
const db = await openDatabase(config);
try {
  const { applied, level } = await migrate(db, config.migrationsDir);
  console.log(applied.length ? `Applied ${applied.join(', ')}` : 'Nothing to apply');
  console.log(`Migration level ${level} (${db.engine})`);
} finally {
  await db.close();
}
