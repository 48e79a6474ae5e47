/**
 * Rendering benchmark (`npm run bench:render`): MapLibre in headless Chromium with software
 * WebGL (SwiftShader), against the real app (makeApp, in-process) over a server PostgreSQL +
 * PostGIS bench database. Prints a table and writes bench/out/render.json; asserts nothing.
 *
 * 1. Panning over Monaco at z15: the median frame with every building (and road) drawn from
 *    the vector tiles against the empty map (background only); same viewport and pan path, the
 *    two maps taking turns in the same page. Target: at most 2×. Two measures: presented frames
 *    (intervals between animation frames, the requirement's measure, on the 60 Hz grid) and,
 *    as a supplement, each frame's cost rendered synchronously and waited for on the GPU.
 * 2. First render: a district fitted to its bbox with buildings, roads and green, from
 *    `new Map()` to the first 'idle' with features on screen, as vector tiles against one
 *    GeoJSON source from the features API. Target: tiles in at most half the time. Measured on
 *    the demo district and on Monaco (a city), with the empty map's first render as the floor.
 *
 * Software WebGL is slow and machines differ: only ratios from one run mean anything.
 *
 * Env: BENCH_DATABASE_URL (default postgres://postgres@127.0.0.1:5432/rpm_bench; created,
 * migrated and loaded on first use), CHROMIUM_PATH (default /usr/bin/chromium).
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { chromium, type Page } from 'playwright-core';
import {
  BENCH_DATABASE_URL,
  DEMO,
  ensureDistrict,
  MONACO,
  openServerBenchDatabase,
  ROOT,
} from './lib/bench-database';
import { startBenchServer } from './render/bench-server';
import type {
  Bbox,
  FirstRenderOptions,
  FirstRenderResult,
  PanStyleResult,
  RenderBenchApi,
  SourceKind,
  StyleKind,
} from './render/protocol';
import { formatReport, isMet, type Check, type Figure, type Target } from './render/report';
import { median, percentile } from './lib/stats';

/** The demo city, for panning with every building; and a district, for first render. */
const CITY = MONACO;
const DISTRICT = DEMO;
const VIEWPORT = { width: 1024, height: 768 };

/**
 * Panning: central Monaco at z15, a circle of 200 px in 72 steps (5°, ~17 px a frame), three
 * laps per map and measure; the maps take turns every 12 steps (presented) or every step (cost).
 */
const PAN = {
  center: [7.42, 43.735] as [number, number],
  zoom: 15,
  radiusPx: 200,
  stepsPerLap: 72,
  warmupPoints: 12,
  laps: 3,
  turnSteps: 12,
};
const PAN_TARGET: Target = { max: 2, text: '≤ 2×' };
/** First render: one discarded cold run of each source, then this many rounds of all. */
const FIRST_RENDER_RUNS = 5;
const FIRST_RENDER_TIMEOUT_MS = 60_000;
const FIRST_RENDER_TARGET: Target = { max: 0.5, text: '≤ 0.5×' };

const log = (m: string): void => console.error(m);

/** Call window.renderBench.<name>(arg) in the page (an expression string: nothing is serialised). */
function benchApi(page: Page): RenderBenchApi {
  const call =
    (name: keyof RenderBenchApi) =>
    (arg?: unknown): Promise<never> =>
      page.evaluate(`window.renderBench.${name}(${arg === undefined ? '' : JSON.stringify(arg)})`);
  return { ready: call('ready'), pan: call('pan'), firstRender: call('firstRender') };
}

interface DistrictRow {
  id: number;
  name: string;
  bbox: Bbox | null;
}

async function findDistrict(origin: string, name: string): Promise<DistrictRow & { bbox: Bbox }> {
  const res = await fetch(`${origin}/api/districts`);
  if (!res.ok) throw new Error(`GET /api/districts: ${res.status}`);
  const row = ((await res.json()) as DistrictRow[]).find((d) => d.name === name);
  if (!row?.bbox) throw new Error(`district "${name}" missing from the bench database`);
  return { ...row, bbox: row.bbox };
}

interface FrameSummary {
  frames: number;
  medianMs: number;
  p95Ms: number;
  /** Every frame, in order (written to the JSON only). */
  samplesMs: number[];
}

const summariseFrames = (ms: number[]): FrameSummary => ({
  frames: ms.length,
  medianMs: median(ms),
  p95Ms: percentile(ms, 95),
  samplesMs: ms.map((v) => Math.round(v * 10) / 10),
});

interface PanSummary {
  /** Presented frames: intervals between animation frames. */
  presented: FrameSummary;
  /** Each frame rendered synchronously and waited for on the GPU. */
  cost: FrameSummary;
  renderedFeatures: number;
}

const summarisePan = (r: PanStyleResult): PanSummary => ({
  presented: summariseFrames(r.frameMs),
  cost: summariseFrames(r.costMs),
  renderedFeatures: r.renderedFeatures,
});

async function measurePan(api: RenderBenchApi, tileUrl: string): Promise<PanSummaries> {
  const r = await api.pan({ ...PAN, tileUrl });
  for (const s of ['empty', 'buildings'] as const) {
    log(
      `  ${s}: presented ${median(r[s].frameMs).toFixed(1)} ms, ` +
        `cost ${median(r[s].costMs).toFixed(1)} ms (medians)`,
    );
  }
  return { empty: summarisePan(r.empty), buildings: summarisePan(r.buildings) };
}

interface FirstRenderSummary {
  /** The first (discarded) run: server tile cache and MapLibre's workers cold. */
  coldMs: number;
  runsMs: number[];
  medianMs: number;
  zoom: number;
  renderedFeatures: number;
}

const SOURCES: SourceKind[] = ['tiles', 'geojson', 'none'];
const SOURCE_LABEL: Record<SourceKind, string> = {
  tiles: 'vector tiles',
  geojson: 'one GeoJSON source',
  none: 'empty map (the floor)',
};

async function measureFirstRender(
  api: RenderBenchApi,
  base: Omit<FirstRenderOptions, 'source'>,
  label: string,
): Promise<Record<SourceKind, FirstRenderSummary>> {
  const cold = { tiles: Number.NaN, geojson: Number.NaN, none: Number.NaN };
  for (const source of SOURCES) {
    cold[source] = (await api.firstRender({ ...base, source })).ms;
    log(`  ${label} ${source}: cold ${cold[source].toFixed(0)} ms (discarded)`);
  }
  const runs: Record<SourceKind, FirstRenderResult[]> = { tiles: [], geojson: [], none: [] };
  for (let i = 0; i < FIRST_RENDER_RUNS; i++) {
    // Rotate which source goes first.
    for (const source of [...SOURCES.slice(i % 3), ...SOURCES.slice(0, i % 3)]) {
      const r = await api.firstRender({ ...base, source });
      runs[source].push(r);
      log(`  ${label} ${source} #${i + 1}: ${r.ms.toFixed(0)} ms, ${r.renderedFeatures} features`);
    }
  }
  const summary = (source: SourceKind): FirstRenderSummary => ({
    coldMs: cold[source],
    runsMs: runs[source].map((r) => r.ms),
    medianMs: median(runs[source].map((r) => r.ms)),
    zoom: runs[source][0]?.zoom ?? Number.NaN,
    renderedFeatures: Math.min(...runs[source].map((r) => r.renderedFeatures)),
  });
  return { tiles: summary('tiles'), geojson: summary('geojson'), none: summary('none') };
}

type PanSummaries = Record<StyleKind, PanSummary>;
type FirstRenderSummaries = Record<'district' | 'city', Record<SourceKind, FirstRenderSummary>>;

const NOTES = [
  'Presented frame: interval between animation frames while panning (60 Hz grid: multiples of 16.7 ms).',
  'GPU-synced frame cost: map.redraw() + 1-pixel readPixels per step, without compositing (supplementary).',
  'First render: new Map() with style and bbox → first idle with features drawn; warm server tile cache,',
  '  browser cache off; "cold" = first run (discarded). Empty map = the floor every source pays.',
];

/** The table's rows: each measured figure, then each ratio against its target. */
function describe(
  pan: PanSummaries,
  first: FirstRenderSummaries,
): { figures: Figure[]; checks: Check[] } {
  const ratio = (a: { medianMs: number }, b: { medianMs: number }): number =>
    a.medianMs / b.medianMs;
  const ms = (v: number): string => `${v.toFixed(1)} ms`;
  const frames = (f: FrameSummary): string =>
    `${ms(f.medianMs)} (p95 ${ms(f.p95Ms)}, ${f.frames} frames)`;
  const figures: Figure[] = [
    { label: 'Pan, empty map: presented frame, median', value: frames(pan.empty.presented) },
    {
      label: 'Pan, every building: presented frame, median',
      value: `${frames(pan.buildings.presented)}, ${pan.buildings.renderedFeatures} features on screen`,
    },
    { label: 'Pan, empty map: GPU-synced frame cost, median', value: frames(pan.empty.cost) },
    {
      label: 'Pan, every building: GPU-synced frame cost, median',
      value: frames(pan.buildings.cost),
    },
  ];
  const checks: Check[] = [
    {
      label: 'Pan median frame, presented: every building ÷ empty map',
      ratio: ratio(pan.buildings.presented, pan.empty.presented),
      target: PAN_TARGET,
    },
    {
      label: 'Pan median frame cost, GPU-synced (supplementary): buildings ÷ empty',
      ratio: ratio(pan.buildings.cost, pan.empty.cost),
      target: PAN_TARGET,
    },
  ];
  const districtLabels = [
    ['district', 'demo district'],
    ['city', 'Monaco'],
  ] as const;
  for (const [key, name] of districtLabels) {
    const r = first[key];
    for (const source of SOURCES) {
      const f = r[source];
      figures.push({
        label: `First render, ${name}, ${SOURCE_LABEL[source]}`,
        value:
          `${ms(f.medianMs)} median of ${f.runsMs.length} (cold ${ms(f.coldMs)}), ` +
          `z${f.zoom.toFixed(1)}` +
          (source === 'none' ? '' : `, ${f.renderedFeatures} features on screen`),
      });
    }
    checks.push({
      label: `First render, ${name}: tiles ÷ GeoJSON`,
      ratio: ratio(r.tiles, r.geojson),
      target: FIRST_RENDER_TARGET,
    });
  }
  return { figures, checks };
}

async function main(): Promise<void> {
  const started = performance.now();
  log(`Bench database: ${BENCH_DATABASE_URL.replace(/\/\/[^@]*@/, '//***@')}`);
  const db = await openServerBenchDatabase();
  try {
    for (const d of [CITY, DISTRICT]) await ensureDistrict(db, d, log);
  } catch (err) {
    await db.close();
    throw err;
  }
  const server = await startBenchServer(ROOT, db);
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-background-networking',
      '--disable-component-update',
      '--enable-unsafe-swiftshader',
      '--use-angle=swiftshader',
      '--ignore-gpu-blocklist',
    ],
  });
  try {
    const page = await browser.newPage({ viewport: VIEWPORT, deviceScaleFactor: 1 });
    page.on('console', (m) => {
      if (m.type() === 'error' || m.type() === 'warning') log(`  [page ${m.type()}] ${m.text()}`);
    });
    page.on('pageerror', (e) => log(`  [page error] ${e.message}`));
    // Every fetch goes to the server: no run profits from the browser cache of a previous one.
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
    await page.goto(`${server.origin}/bench/`);
    await page.waitForFunction('document.body.dataset.ready === "true"');
    const api = benchApi(page);
    const renderer = await api.ready();
    log(`WebGL renderer: ${renderer}; tiles: ${server.tilePath}`);

    const tileUrl = `${server.origin}/api/tiles/baseline/{z}/{x}/{y}.mvt`;
    const city = await findDistrict(server.origin, CITY.name);
    const district = await findDistrict(server.origin, DISTRICT.name);

    log('Panning over Monaco');
    const pan = await measurePan(api, tileUrl);
    log('First render');
    const firstRender = (d: DistrictRow & { bbox: Bbox }, label: string) =>
      measureFirstRender(
        api,
        {
          tileUrl,
          featuresUrl: `${server.origin}/api/districts/${d.id}/features`,
          bbox: d.bbox,
          timeoutMs: FIRST_RENDER_TIMEOUT_MS,
        },
        label,
      );
    const first: FirstRenderSummaries = {
      district: await firstRender(district, 'district'),
      city: await firstRender(city, 'Monaco'),
    };

    const { figures, checks } = describe(pan, first);
    const totalS = (performance.now() - started) / 1000;
    console.log(
      formatReport({
        title:
          `Rendering benchmark: headless Chromium, ${renderer}; ` +
          `${VIEWPORT.width}×${VIEWPORT.height} px; one run, ${totalS.toFixed(0)} s`,
        figures,
        checks,
        notes: NOTES,
      }),
    );

    const outDir = join(ROOT, 'bench/out');
    await mkdir(outDir, { recursive: true });
    const json = {
      date: new Date().toISOString(),
      renderer,
      tilePath: server.tilePath,
      viewport: VIEWPORT,
      pan: { options: PAN, ...pan },
      firstRender: {
        runs: FIRST_RENDER_RUNS,
        district: { name: DISTRICT.name, bbox: district.bbox, ...first.district },
        city: { name: CITY.name, bbox: city.bbox, ...first.city },
      },
      checks: checks.map((c) => ({ ...c, met: isMet(c) })),
      totalSeconds: totalS,
    };
    await writeFile(join(outDir, 'render.json'), `${JSON.stringify(json, null, 2)}\n`);
    log(`Wrote ${join('bench/out', 'render.json')}`);
  } finally {
    await browser.close();
    await server.close();
    await db.close();
  }
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? (err.stack ?? err.message) : err);
  process.exit(1);
});
