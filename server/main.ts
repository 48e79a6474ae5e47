import type { AddressInfo } from 'node:net';
import { makeApp } from './app';
import { makeAccountStore } from './auth/account-store';
import { offerSetupLink } from './auth/offer-setup-link';
import { makeSetupStore } from './auth/setup-store';
import { bootstrap } from './bootstrap';
import { readConfig } from './config';
import { makeFeatureStore } from './db/feature-store';
import { makePostgisCatalog } from './db/catalog';
import { stopOnSignals } from './stop-on-signals';
import { makeTileService } from './tiles/tile-service';

/** Start the server: config → database (migrated, demo loaded) → app → listen. */
async function main(): Promise<void> {
  const config = readConfig();
  // A stop asked for while the database starts (a cold PGlite, a demo import): finish that step
  // (the import is one transaction), close the database and exit 0 instead of dying mid-write.
  let stopAsked: NodeJS.Signals | null = null;
  const early = (signal: NodeJS.Signals): void => {
    if (!stopAsked) console.log(`${signal}: stopping once the database is ready…`);
    stopAsked = signal;
  };
  process.on('SIGINT', early);
  process.on('SIGTERM', early);
  const db = await bootstrap(config);
  process.off('SIGINT', early);
  process.off('SIGTERM', early);
  if (stopAsked) {
    await db.close();
    console.log('  database closed; bye');
    process.exit(0);
  }
  const tiles = makeTileService(db, { cacheEntries: config.tileCacheEntries });
  const app = makeApp({
    config,
    db,
    catalog: makePostgisCatalog(db),
    store: makeFeatureStore(db),
    tiles,
  });
  const server = app.listen(config.port, config.host, () => {
    const { port } = server.address() as AddressInfo;
    const baseUrl = `http://${config.host.includes(':') ? `[${config.host}]` : config.host}:${port}`;
    console.log(
      `Tiles: ${tiles.path === 'mvt' ? 'PostGIS ST_AsMVT' : 'PostGIS clip + server MVT encoding'}`,
    );
    void offerSetupLink(
      { accounts: makeAccountStore(db), setup: makeSetupStore(db) },
      { baseUrl, ttlHours: config.setupLinkTtlHours },
      console.log,
    )
      .catch((err: unknown) => console.error('setup link:', err))
      .finally(() => console.log(`Renewal planning map ready: ${baseUrl}/`));
  });
  stopOnSignals(server, db, { timeoutS: config.shutdownTimeoutS });
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
