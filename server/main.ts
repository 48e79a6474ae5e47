import type { AddressInfo } from 'node:net';
import { makeApp } from './app';
import { bootstrap } from './bootstrap';
import { readConfig } from './config';
import { makeFeatureStore } from './db/feature-store';
import { makePostgisCatalog } from './db/catalog';
import { makeTileService } from './tiles/tile-service';

/** Start the server: config → database (migrated, demo loaded) → app → listen. */
async function main(): Promise<void> {
  const config = readConfig();
  const db = await bootstrap(config);
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
    console.log(
      `Tiles: ${tiles.path === 'mvt' ? 'PostGIS ST_AsMVT' : 'PostGIS clip + server MVT encoding'}`,
    );
    console.log(`Renewal planning map ready: http://${config.host}:${port}/`);
  });
  const stop = (): void => {
    server.close();
    void db.close().then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
