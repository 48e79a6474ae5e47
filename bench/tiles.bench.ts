/**
 * Tile benchmark (issue #2): prints ratios from one run, side by side with their baselines.
 *
 * 1. A tile through the API on server PostGIS vs the identical ST_AsMVT SQL run by pgbench
 *    (extended protocol, bind parameters, one client) over the same random z14/z15 tiles of
 *    Monaco: p50 ≤ 1.2×, p95 ≤ 1.3×.
 * 2. A cached tile through the API: ≤ 2 ms.
 * 3. The embedded engine's tile path (PGlite: PostGIS clip + server encoding) vs native
 *    ST_AsMVT on server PostGIS: ≤ 3×.
 * 4. Served tiles (gzip) vs the same features as gzipped GeoJSON: ≤ 0.5× the bytes.
 *
 * Usage: npm run bench:tiles   (BENCH_DATABASE_URL to use another server database;
 * BENCH_TILES=100, BENCH_REQUESTS=1000 to change the sample).
 */
import { execFileSync } from 'node:child_process';
import http from 'node:http';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Database } from '../server/db/database';
import { sql } from '../server/db/load-sql';
import { makeTileService, TILE_LAYERS } from '../server/tiles/tile-service';
import {
  BENCH_DATABASE_URL,
  MONACO,
  ROOT,
  ensureDistrict,
  openPgliteBenchDatabase,
  openServerBenchDatabase,
} from './lib/bench-database';
import { spawnServer } from './lib/spawn-server';
import { percentile, printTable, seededRandom, type Row } from './lib/stats';

const TILE_COUNT = Number(process.env.BENCH_TILES ?? 100); // pgbench takes at most 128 scripts
const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 1000);
const KINDS = [...TILE_LAYERS.baseline.kinds];
type Tile = [z: number, x: number, y: number];

const tile2lon = (x: number, z: number) => (x / 2 ** z) * 360 - 180;
const tile2lat = (y: number, z: number) =>
  (Math.atan(Math.sinh(Math.PI * (1 - (2 * y) / 2 ** z))) * 180) / Math.PI;

/** Random z14/z15 tiles over the district that hold at least one feature (seeded). */
async function pickTiles(db: Database, districtId: number): Promise<Tile[]> {
  const rows = await db.query<{ z: number; x: number; y: number }>(
    `WITH d AS (SELECT geom FROM district WHERE id = $1), zs AS (SELECT unnest(ARRAY[14, 15]) AS z),
     ranges AS (
       SELECT z,
         floor((ST_XMin(d.geom) + 180) / 360 * 2 ^ z)::int AS x0, floor((ST_XMax(d.geom) + 180) / 360 * 2 ^ z)::int AS x1,
         floor((1 - ln(tan(radians(ST_YMax(d.geom))) + 1 / cos(radians(ST_YMax(d.geom)))) / pi()) / 2 * 2 ^ z)::int AS y0,
         floor((1 - ln(tan(radians(ST_YMin(d.geom))) + 1 / cos(radians(ST_YMin(d.geom)))) / pi()) / 2 * 2 ^ z)::int AS y1
       FROM d, zs)
     SELECT r.z, x, y FROM ranges r, generate_series(r.x0, r.x1) x, generate_series(r.y0, r.y1) y
     WHERE EXISTS (SELECT 1 FROM feature f WHERE f.district_id = $1 AND f.geom_3857 && ST_TileEnvelope(r.z, x, y))
     ORDER BY r.z, x, y`,
    [districtId],
  );
  const all = rows.map((r): Tile => [Number(r.z), Number(r.x), Number(r.y)]);
  const rnd = seededRandom(20261123);
  for (let i = all.length - 1; i > 0; i--) {
    const j = Math.floor(rnd() * (i + 1));
    [all[i], all[j]] = [all[j]!, all[i]!];
  }
  return all.slice(0, TILE_COUNT);
}

/** The same request sequence for every contender: REQUESTS draws from the tiles (seeded). */
function requestOrder(n: number): number[] {
  const rnd = seededRandom(42);
  return Array.from({ length: REQUESTS }, () => Math.floor(rnd() * n));
}

/** pgbench over one script per tile, each the tile-mvt.sql text with pgbench variables. */
function runPgbench(tiles: Tile[], transactions: number): number[] {
  const dir = mkdtempSync(join(tmpdir(), 'rpm-pgbench-'));
  try {
    const body = sql('tile-mvt')
      .replace(/^--.*\n/gm, '')
      .replace(/\$1\b/g, ':z')
      .replace(/\$2\b/g, ':x')
      .replace(/\$3\b/g, ':y')
      .replace(/\$4\b/g, ':kinds')
      .replace(/\s*\n\s*/g, ' ')
      .trim();
    const kinds = `{${KINDS.join(',')}}`;
    // -D defines a string variable; in extended mode pgbench binds :z :x :y :kinds as parameters.
    const args = [
      '-n',
      '-M',
      'extended',
      '-c',
      '1',
      '-j',
      '1',
      '-t',
      String(transactions),
      '-D',
      `kinds=${kinds}`,
    ];
    args.push('-l', '--log-prefix', join(dir, 'log'));
    tiles.forEach(([z, x, y], i) => {
      const file = join(dir, `tile${i}.sql`);
      writeFileSync(file, `\\set z ${z}\n\\set x ${x}\n\\set y ${y}\n${body}\n`);
      args.push('-f', `${file}@1`);
    });
    execFileSync('pgbench', [...args, BENCH_DATABASE_URL], { stdio: ['ignore', 'ignore', 'pipe'] });
    const log = readdirSync(dir).find((f) => f.startsWith('log'));
    // Per-transaction log: client_id transaction_no latency_us script_no epoch_s epoch_us
    return readFileSync(join(dir, log!), 'utf8')
      .trim()
      .split('\n')
      .map((l) => Number(l.split(' ')[2]) / 1000);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** One keep-alive connection, like pgbench's one client; node:http is lighter than fetch. */
const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });

/** Server-side build time of every uncached tile served (Server-Timing), ms. */
const serverBuildMs: number[] = [];

function getTile(base: string, [z, x, y]: Tile): Promise<number> {
  const url = new URL(`${base}/api/tiles/baseline/${z}/${x}/${y}.mvt`);
  return new Promise((ok, fail) => {
    const t0 = performance.now();
    http
      .get(url, { agent, headers: { 'Accept-Encoding': 'gzip' } }, (res) => {
        const build = /build;dur=([\d.]+)/.exec(String(res.headers['server-timing']))?.[1];
        if (build) serverBuildMs.push(Number(build));
        res.on('data', () => {});
        res.on('end', () =>
          res.statusCode === 200
            ? ok(performance.now() - t0)
            : fail(new Error(`${url}: ${res.statusCode}`)),
        );
      })
      .on('error', fail);
  });
}

async function timeRequests(base: string, tiles: Tile[], order: number[]): Promise<number[]> {
  const out: number[] = [];
  for (const i of order) out.push(await getTile(base, tiles[i]!));
  return out;
}

const listen = (cacheEntries: number) =>
  spawnServer({ DATABASE_URL: BENCH_DATABASE_URL, TILE_CACHE_ENTRIES: String(cacheEntries) });

const ms = (v: number) => `${v.toFixed(2)} ms`;
const kb = (v: number) => `${(v / 1024).toFixed(0)} KiB`;

async function main(): Promise<void> {
  console.log(`Tile benchmark on ${BENCH_DATABASE_URL} and embedded PGlite`);
  const db = await openServerBenchDatabase();
  const districtId = await ensureDistrict(db, MONACO);
  const tiles = await pickTiles(db, districtId);
  const order = requestOrder(tiles.length);
  console.log(
    `${tiles.length} random z14/z15 tiles over Monaco; ${REQUESTS} requests per contender`,
  );
  const rows: Row[] = [];

  // 1. API (uncached) vs pgbench on the identical SQL, interleaved in rounds so that whatever
  // else the machine does weighs on both alike. Each warms up with one full pass first.
  runPgbench(tiles, tiles.length);
  const uncached = await listen(0);
  await timeRequests(
    uncached.base,
    tiles,
    tiles.map((_, i) => i),
  );
  const bench: number[] = [];
  const api: number[] = [];
  serverBuildMs.length = 0;
  const ROUNDS = 10;
  for (let round = 0; round < ROUNDS; round++) {
    const slice = order.slice(
      (round * order.length) / ROUNDS,
      ((round + 1) * order.length) / ROUNDS,
    );
    bench.push(...runPgbench(tiles, slice.length));
    api.push(...(await timeRequests(uncached.base, tiles, slice)));
  }
  await uncached.stop();
  const built = serverBuildMs.slice(tiles.length);
  rows.push({
    measure: 'API tile p50 / p95 inside the server (Server-Timing)',
    value: `${ms(percentile(built, 50))} / ${ms(percentile(built, 95))}`,
    baseline: '',
    ratio: undefined,
    target: '(info)',
    met: undefined,
  });
  for (const p of [50, 95]) {
    const ratio = percentile(api, p) / percentile(bench, p);
    const target = p === 50 ? 1.2 : 1.3;
    rows.push({
      measure: `API tile p${p} (server PostGIS)`,
      value: ms(percentile(api, p)),
      baseline: `pgbench ${ms(percentile(bench, p))}`,
      ratio,
      target: `≤ ${target}×`,
      met: ratio <= target,
    });
  }

  // 2. Cached tiles through the API.
  const cached = await listen(10_000);
  await timeRequests(
    cached.base,
    tiles,
    tiles.map((_, i) => i),
  );
  const hits = await timeRequests(cached.base, tiles, order);
  await cached.stop();
  rows.push({
    measure: 'API cached tile p50 / p95',
    value: `${ms(percentile(hits, 50))} / ${ms(percentile(hits, 95))}`,
    baseline: '',
    ratio: undefined,
    target: '≤ 2 ms',
    met: percentile(hits, 95) <= 2,
  });

  // 4. Bytes: served tiles (gzip) vs the same features as gzipped GeoJSON from the API.
  const served = await listen(10_000);
  let tileBytes = 0;
  let geojsonBytes = 0;
  for (const [z, x, y] of tiles) {
    const res = await fetch(`${served.base}/api/tiles/baseline/${z}/${x}/${y}.mvt`);
    tileBytes += gzipSync(Buffer.from(await res.arrayBuffer())).byteLength;
    const bbox = [tile2lon(x, z), tile2lat(y + 1, z), tile2lon(x + 1, z), tile2lat(y, z)].join(',');
    const gj = await fetch(
      `${served.base}/api/districts/${districtId}/features?kind=${KINDS.join(',')}&bbox=${bbox}`,
    );
    geojsonBytes += gzipSync(Buffer.from(await gj.arrayBuffer())).byteLength;
  }
  await served.stop();
  rows.push({
    measure: `bytes of ${tiles.length} tiles, gzip`,
    value: kb(tileBytes),
    baseline: `GeoJSON ${kb(geojsonBytes)}`,
    ratio: tileBytes / geojsonBytes,
    target: '≤ 0.5×',
    met: tileBytes / geojsonBytes <= 0.5,
  });

  // 3. The embedded engine: PGlite's tile path vs native ST_AsMVT, both building the tile in-process.
  const native = makeTileService(db, { cacheEntries: 0, path: 'mvt' });
  const nativeMs: number[] = [];
  for (const i of order) {
    const [z, x, y] = tiles[i]!;
    const t0 = performance.now();
    await native.getTile('baseline', z, x, y);
    nativeMs.push(performance.now() - t0);
  }
  await db.close();
  const dir = mkdtempSync(join(tmpdir(), 'rpm-pglite-bench-'));
  try {
    const lite = await openPgliteBenchDatabase(dir);
    const liteDistrict = await ensureDistrict(lite, MONACO);
    const liteTiles = makeTileService(lite, { cacheEntries: 0 });
    for (const [z, x, y] of tiles) await liteTiles.getTile('baseline', z, x, y); // warm-up
    const liteMs: number[] = [];
    for (const i of order) {
      const [z, x, y] = tiles[i]!;
      const t0 = performance.now();
      await liteTiles.getTile('baseline', z, x, y);
      liteMs.push(performance.now() - t0);
    }
    await lite.close();
    void liteDistrict;
    for (const p of [50, 95]) {
      const ratio = percentile(liteMs, p) / percentile(nativeMs, p);
      rows.push({
        measure: `PGlite tile path p${p} (clip + encode)`,
        value: ms(percentile(liteMs, p)),
        baseline: `ST_AsMVT ${ms(percentile(nativeMs, p))}`,
        ratio,
        target: '≤ 3×',
        met: ratio <= 3,
      });
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }

  printTable('Tiles', rows);
  mkdirSync(join(ROOT, 'bench/out'), { recursive: true });
  writeFileSync(
    join(ROOT, 'bench/out/tiles.json'),
    JSON.stringify({ tiles: tiles.length, requests: REQUESTS, rows }, null, 2),
  );
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
