import { readFile } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import express from 'express';
import ts from 'typescript';
import { makeApp } from '../../server/app';
import { makePostgisCatalog } from '../../server/db/catalog';
import type { Database } from '../../server/db/database';
import { makeFeatureStore } from '../../server/db/feature-store';
import { makeTileService, type TilePath } from '../../server/tiles/tile-service';

export interface BenchServer {
  /** e.g. http://127.0.0.1:40123 */
  origin: string;
  tilePath: TilePath;
  close(): Promise<void>;
}

/** The bench page's script, TypeScript transpiled once (types only are imported: no bundling). */
async function pageScript(pageDir: string): Promise<string> {
  const source = await readFile(join(pageDir, 'page.ts'), 'utf8');
  const out = ts.transpileModule(source, {
    fileName: 'page.ts',
    compilerOptions: {
      target: ts.ScriptTarget.ES2022,
      module: ts.ModuleKind.ESNext,
      verbatimModuleSyntax: true,
    },
  });
  return out.outputText;
}

/**
 * The real app (makeApp over the bench database, API only) behind a bench-only express instance
 * that adds the bench page and MapLibre's files from node_modules. Listens on a free port.
 */
export async function startBenchServer(root: string, db: Database): Promise<BenchServer> {
  const pageDir = join(root, 'bench/render');
  const script = await pageScript(pageDir);
  const tiles = makeTileService(db, { cacheEntries: 5000 });
  const app = makeApp({
    // No built client is served: the bench page replaces it.
    config: { bodyLimit: '5mb', clientDir: join(root, 'bench/render/no-client') },
    db,
    catalog: makePostgisCatalog(db),
    store: makeFeatureStore(db),
    tiles,
  });

  const bench = express();
  bench.disable('x-powered-by');
  bench.use('/vendor/maplibre-gl', express.static(join(root, 'node_modules/maplibre-gl/dist')));
  bench.get('/bench/page.js', (_req, res) => {
    res.type('text/javascript').send(script);
  });
  bench.get('/bench/', (_req, res) => res.sendFile(join(pageDir, 'index.html')));
  bench.get('/favicon.ico', (_req, res) => res.status(204).end());
  bench.use(app);

  const server = bench.listen(0, '127.0.0.1');
  await new Promise<void>((resolve, reject) => {
    server.once('listening', resolve);
    server.once('error', reject);
  });
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    tilePath: tiles.path,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((err) => (err ? reject(err) : resolve()));
      }),
  };
}
