/**
 * Overload benchmark (issue 18): one API process under heavy and hostile load, printed side by
 * side with the same load on the pre-issue-18 path (analyses inline on the event loop,
 * ANALYSIS_THREADS=0) as the baseline.
 *
 * 1. Quiet: /api/health and a tile, one request at a time (p50/p95/p99).
 * 2. Heavy: 4 worst-case walking-isochrone requests (a ~4 MB street grid, under the body
 *    limit) kept running, while health and tiles are sampled one at a time.
 *    Targets: health p99 < 50 ms; tile p95 ≤ 2× quiet.
 * 3. Flood (item 2): 200 clients on the heaviest routes (100 on the isochrone route, 100 on
 *    the district register) plus 20 tile clients for BENCH_SECONDS (30): tile p95, tile
 *    errors, heavy requests answered / shed with 503.
 *
 * The baseline is the pre-issue-18 server: analyses inline (ANALYSIS_THREADS=0) and the
 * per-route budgets lifted (MAP_/HEAVY_CONCURRENCY and _MAX_QUEUE 100000). The measured
 * server runs its defaults plus ANALYSIS_NICE=10.
 *
 * Usage: npm run bench:overload   (BENCH_DATABASE_URL as for the other benches; BENCH_SECONDS).
 */
import {
  DEMO,
  ensureDistrict,
  openServerBenchDatabase,
  BENCH_DATABASE_URL,
} from './lib/bench-database';
import { spawnServer } from './lib/spawn-server';
import { percentile, printTable, type Row } from './lib/stats';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 30);
const TILE = '/api/tiles/baseline/15/26970/12400.mvt';

/** A street grid of n × n lines with `per` vertices each around the demo district (WGS84). */
function gridNetwork(n: number, per: number) {
  const [lon0, lat0] = [116.34, 39.995];
  const step = 0.02 / n;
  const features = [];
  for (let i = 0; i < n; i++) {
    const across = Array.from({ length: per }, (_, k) => [
      +(lon0 + (k / (per - 1)) * 0.02).toFixed(7),
      +(lat0 + i * step).toFixed(7),
    ]);
    const down = Array.from({ length: per }, (_, k) => [
      +(lon0 + i * step).toFixed(7),
      +(lat0 + (k / (per - 1)) * 0.02).toFixed(7),
    ]);
    for (const coordinates of [across, down])
      features.push({
        type: 'Feature',
        properties: { kind: 'footway' },
        geometry: { type: 'LineString', coordinates },
      });
  }
  return { type: 'FeatureCollection', features };
}

const HEAVY = JSON.stringify({ network: gridNetwork(160, 560), at: [116.35, 40.005] });
const FLOOD = JSON.stringify({ network: gridNetwork(80, 280), at: [116.35, 40.005] });

/** One request; a client gives up after 20 s (status 0, as a timeout), as a browser tab would. */
async function timed(url: string, init?: RequestInit): Promise<{ ms: number; status: number }> {
  const t0 = performance.now();
  try {
    const res = await fetch(url, { ...init, signal: AbortSignal.timeout(20_000) });
    await res.arrayBuffer();
    return { ms: performance.now() - t0, status: res.status };
  } catch {
    return { ms: performance.now() - t0, status: 0 };
  }
}

const heavy = (base: string) =>
  timed(`${base}/api/analysis/walking-isochrones`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: HEAVY,
  });

/** `n` requests one at a time, or fewer if `maxS` seconds pass first (the inline baseline). */
const flood = (base: string) =>
  timed(`${base}/api/analysis/walking-isochrones`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: FLOOD,
  });

async function sample(base: string, path: string, n: number, maxS = 60): Promise<number[]> {
  const out: number[] = [];
  const until = Date.now() + maxS * 1000;
  for (let i = 0; i < n && Date.now() < until; i++) out.push((await timed(`${base}${path}`)).ms);
  return out;
}

interface Figures {
  quietHealth: number[];
  quietTile: number[];
  heavyHealth: number[];
  heavyTile: number[];
  floodTile: number[];
  floodTileErrors: number;
  floodAnswered: number;
  floodShed: number;
  floodOther: number;
  registerAnswered: number;
  registerShed: number;
  registerOther: number;
}

async function run(env: Record<string, string>, districtId: number): Promise<Figures> {
  // Signed-in callers are not rate limited; the bench is anonymous, so lift that limit.
  const server = await spawnServer({
    DATABASE_URL: BENCH_DATABASE_URL,
    ANON_ANALYSIS_PER_MIN: '1000000',
    ...env,
  });
  const base = server.base;
  try {
    await sample(base, TILE, 20); // warm the tile cache path and the connection
    const quietHealth = await sample(base, '/api/health', 200);
    const quietTile = await sample(base, TILE, 200);

    let stop = false;
    const loops = Array.from({ length: 4 }, async () => {
      while (!stop) await heavy(base);
    });
    await new Promise((r) => setTimeout(r, 1500));
    const heavyHealth = await sample(base, '/api/health', 100, 30);
    const heavyTile = await sample(base, TILE, 100, 30);
    stop = true;
    await Promise.all(loops);

    const until = Date.now() + SECONDS * 1000;
    const floodTile: number[] = [];
    let floodTileErrors = 0;
    let floodAnswered = 0;
    let floodShed = 0;
    let floodOther = 0;
    let registerAnswered = 0;
    let registerShed = 0;
    let registerOther = 0;
    // Flood clients send a quarter of the worst case each (~1 MB), so 100 of them in flight
    // stay within the bench's own memory; the other 100 ask for the district register.
    const analysts = Array.from({ length: 200 }, async (_, i) => {
      while (Date.now() < until) {
        if (i % 2 === 1) {
          const r = await timed(`${base}/api/districts/${districtId}/register`);
          if (r.status === 200) registerAnswered++;
          else if (r.status === 503) registerShed++;
          else registerOther++;
          if (r.status === 503) await new Promise((ok) => setTimeout(ok, 1000));
          continue;
        }
        const r = await flood(base);
        if (r.status === 200) floodAnswered++;
        else if (r.status === 503) floodShed++;
        else floodOther++;
        // A shed client backs off for a second rather than hammering.
        if (r.status === 503) await new Promise((ok) => setTimeout(ok, 1000));
      }
    });
    const viewers = Array.from({ length: 20 }, async () => {
      while (Date.now() < until) {
        const r = await timed(`${base}${TILE}`);
        floodTile.push(r.ms);
        if (r.status !== 200 && r.status !== 204) floodTileErrors++;
      }
    });
    await Promise.all([...analysts, ...viewers]);
    return {
      quietHealth,
      quietTile,
      heavyHealth,
      heavyTile,
      floodTile,
      floodTileErrors,
      floodAnswered,
      floodShed,
      floodOther,
      registerAnswered,
      registerShed,
      registerOther,
    };
  } finally {
    await server.stop();
  }
}

const ms = (v: number) => `${v.toFixed(1)} ms`;

async function main(): Promise<void> {
  const db = await openServerBenchDatabase();
  const districtId = await ensureDistrict(db, DEMO);
  await db.close();
  console.log(
    `heavy body: ${(HEAVY.length / 1e6).toFixed(1)} MB; flood body ${(FLOOD.length / 1e6).toFixed(1)} MB for ${SECONDS} s`,
  );
  const unlimited = '100000';
  const before = await run(
    {
      ANALYSIS_THREADS: '0',
      MAP_CONCURRENCY: unlimited,
      MAP_MAX_QUEUE: unlimited,
      HEAVY_CONCURRENCY: unlimited,
      HEAVY_MAX_QUEUE: unlimited,
    },
    districtId,
  );
  // The worker threads yield to the event loop when the bench's clients share its cores.
  const after = await run({ ANALYSIS_NICE: '10' }, districtId);
  const rows: Row[] = [
    {
      measure: 'quiet tile p95',
      value: ms(percentile(after.quietTile, 95)),
      baseline: ms(percentile(before.quietTile, 95)),
      ratio: percentile(after.quietTile, 95) / percentile(before.quietTile, 95),
      target: '—',
      met: undefined,
    },
    {
      measure: 'health p99, 4 heavy analyses',
      value: ms(percentile(after.heavyHealth, 99)),
      baseline: ms(percentile(before.heavyHealth, 99)),
      ratio: percentile(after.heavyHealth, 99) / percentile(before.heavyHealth, 99),
      target: '< 50 ms',
      met: percentile(after.heavyHealth, 99) < 50,
    },
    {
      measure: 'tile p95, 4 heavy analyses (vs quiet)',
      value: ms(percentile(after.heavyTile, 95)),
      baseline: ms(percentile(after.quietTile, 95)),
      ratio: percentile(after.heavyTile, 95) / percentile(after.quietTile, 95),
      target: '≤ 2×',
      met: percentile(after.heavyTile, 95) <= 2 * percentile(after.quietTile, 95),
    },
    {
      measure: 'tile p95, same, inline baseline',
      value: ms(percentile(before.heavyTile, 95)),
      baseline: ms(percentile(before.quietTile, 95)),
      ratio: percentile(before.heavyTile, 95) / percentile(before.quietTile, 95),
      target: '—',
      met: undefined,
    },
    {
      measure: `flood: tile p95 (100 analyses + 100 registers + 20 viewers, ${SECONDS} s)`,
      value: ms(percentile(after.floodTile, 95)),
      baseline: ms(percentile(before.floodTile, 95)),
      ratio: percentile(after.floodTile, 95) / percentile(before.floodTile, 95),
      target: 'map keeps working',
      met: after.floodTileErrors === 0,
    },
    {
      measure: 'flood: tiles served / errors',
      value: `${after.floodTile.length} / ${after.floodTileErrors}`,
      baseline: `${before.floodTile.length} / ${before.floodTileErrors}`,
      ratio: undefined,
      target: 'no errors',
      met: after.floodTileErrors === 0,
    },
    {
      measure: 'flood: registers answered / shed 503 / timeouts+other',
      value: `${after.registerAnswered} / ${after.registerShed} / ${after.registerOther}`,
      baseline: `${before.registerAnswered} / ${before.registerShed} / ${before.registerOther}`,
      ratio: undefined,
      target: 'shed, never starve',
      met: undefined,
    },
    {
      measure: 'flood: analyses answered / shed 503 / timeouts+other',
      value: `${after.floodAnswered} / ${after.floodShed} / ${after.floodOther}`,
      baseline: `${before.floodAnswered} / ${before.floodShed} / ${before.floodOther}`,
      ratio: undefined,
      target: 'shed, never starve',
      met: undefined,
    },
  ];
  printTable(
    'Overload: worker pool + route budgets (value) vs analyses inline, no budgets (baseline)',
    rows,
  );
}

await main();
