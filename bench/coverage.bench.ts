/**
 * Coverage engine benchmark (issue #5): prints a table; never part of the tests.
 *
 * 1. Monaco (data/monaco.osm.pbf): the walking network of the whole city, every residential
 *    building to every facility category, against pgRouting on the SAME graph (edges and node
 *    ids loaded into a temp table of the server bench database, BENCH_DATABASE_URL, default
 *    postgres://postgres@127.0.0.1:5432/rpm_bench): one pgr_drivingDistance call per category
 *    with every facility as a start vertex and equicost => true. Distances are compared with the
 *    exact multi-source answer (equicost => false, minimum per node): identical reached sets,
 *    |Δ| ≤ 1e-6 m. Target: ≥ 20× faster than the pgRouting calls (query time only; the edge
 *    table is loaded once, outside the timing; our time is the median of 5 runs).
 * 2. Moving one facility (remove + add, incremental) against a full recompute of its category
 *    and of all categories; checked equal to the full recompute. Target ≤ 0.15× a full recompute.
 * 3. A synthetic 224 × 224 grid (≈ 100k edges), 10 categories × 10 facilities, full recompute.
 *    Target < 100 ms.
 *
 * Usage: npx tsx bench/coverage.bench.ts
 */
import { cpus, loadavg } from 'node:os';
import type { Feature, LineString, Point } from 'geojson';
import { buildWalkingNetwork } from '../domain/coverage/build-walking-network';
import { computeCategoryField } from '../domain/coverage/compute-category-field';
import { computeCoverageState } from '../domain/coverage/compute-coverage-state';
import { importedDistrictToCoverageInput } from '../domain/coverage/imported-district-to-coverage-input';
import { moveFacility } from '../domain/coverage/move-facility';
import { summarizeCoverage } from '../domain/coverage/summarize-coverage';
import type { CoverageState, WalkingNetwork } from '../domain/coverage/types';
import { localProjection } from '../domain/geo/local-projection';
import { FACILITY_CATEGORIES, type FacilityCategoryId } from '../domain/standards/rules';
import { readOsmFile } from '../server/import/read-osm-file';
import type { Executor } from '../server/db/database';
import { BENCH_DATABASE_URL, MONACO, openServerBenchDatabase } from './lib/bench-database';
import { printTable, seededRandom, type Row } from './lib/stats';

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
};
const timeMs = <T>(f: () => T, runs = 5): { ms: number; value: T } => {
  let value = f();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    value = f();
    times.push(performance.now() - t);
  }
  return { ms: median(times), value };
};
const fmt = (ms: number): string => `${ms.toFixed(ms < 10 ? 2 : 1)} ms`;
const log = (m: string): void => console.log(m);

async function loadEdges(tx: Executor, net: WalkingNetwork): Promise<void> {
  await tx.exec(
    `CREATE TEMP TABLE coverage_edges (id bigint, source bigint, target bigint, cost float8)
     ON COMMIT DROP`,
  );
  await tx.query(
    `INSERT INTO coverage_edges
     SELECT * FROM unnest($1::bigint[], $2::bigint[], $3::bigint[], $4::float8[])`,
    [
      Array.from({ length: net.edgeCount }, (_, e) => e + 1),
      Array.from(net.edgeU, (n) => n + 1),
      Array.from(net.edgeV, (n) => n + 1),
      Array.from(net.edgeLengthM),
    ],
  );
  await tx.exec('ANALYZE coverage_edges');
}

async function drivingDistance(
  tx: Executor,
  starts: number[],
  equicost: boolean,
): Promise<Map<number, number>> {
  const rows = await tx.query<{ node: number; agg_cost: number }>(
    `SELECT node, min(agg_cost) AS agg_cost FROM pgr_drivingDistance(
       'SELECT id, source, target, cost FROM coverage_edges', $1::bigint[], 1e12,
       directed => false, equicost => $2) GROUP BY node`,
    [starts.map((n) => n + 1), equicost],
  );
  return new Map(rows.map((r) => [Number(r.node) - 1, Number(r.agg_cost)]));
}

interface Compared {
  exactMismatches: number;
  maxDiffM: number;
  equicostWrong: number;
}

function compare(
  state: CoverageState,
  c: FacilityCategoryId,
  exact: Map<number, number>,
  equicost: Map<number, number>,
): Compared {
  const d = state.fields[c]!.distM;
  let exactMismatches = 0;
  let maxDiffM = 0;
  let equicostWrong = 0;
  let reached = 0;
  for (let n = 0; n < d.length; n++) {
    if (d[n] === Infinity) {
      if (exact.has(n) || equicost.has(n)) exactMismatches++;
      continue;
    }
    reached++;
    const e = exact.get(n);
    if (e === undefined) exactMismatches++;
    else maxDiffM = Math.max(maxDiffM, Math.abs(e - d[n]!));
    const q = equicost.get(n);
    if (q === undefined || Math.abs(q - d[n]!) > 1e-6) equicostWrong++;
  }
  if (exact.size !== reached) exactMismatches += Math.abs(exact.size - reached);
  return { exactMismatches, maxDiffM, equicostWrong };
}

async function monaco(rows: Row[]): Promise<void> {
  const district = await readOsmFile(MONACO.file, { name: MONACO.name });
  const input = importedDistrictToCoverageInput(district);
  const build = timeMs(
    () =>
      buildWalkingNetwork({
        network: input.network,
        origins: input.origins,
        facilities: input.facilities,
      }),
    3,
  );
  const net = build.value;
  const withFacilities = FACILITY_CATEGORIES.map((c) => c.id).filter((c) =>
    net.facilities.some((f) => f.category === c && f.seeds.length > 0),
  );
  log(
    `Monaco: ${net.nodeCount} nodes, ${net.edgeCount} edges, ${net.origins.length} residential ` +
      `buildings, ${net.facilities.length} facilities in ${withFacilities.length} categories; ` +
      `network built in ${fmt(build.ms)}`,
  );
  const all = timeMs(() => computeCoverageState(net));
  const fieldsOnly = timeMs(() => computeCoverageState(net, { categories: withFacilities }));
  const summary = timeMs(() => summarizeCoverage(all.value));
  const state = fieldsOnly.value;

  // pgRouting on the same graph.
  const db = await openServerBenchDatabase();
  let pgEquicostMs = 0;
  let pgExactMs = 0;
  let exactMismatches = 0;
  let maxDiffM = 0;
  let equicostWrong = 0;
  try {
    await db.exec('CREATE EXTENSION IF NOT EXISTS pgrouting');
    await db.transaction(async (tx) => {
      await loadEdges(tx, net);
      for (const c of withFacilities) {
        const starts = [
          ...new Set(state.fields[c]!.facilities.flatMap((f) => f.seeds.map((s) => s.node))),
        ];
        let t = performance.now();
        const equicost = await drivingDistance(tx, starts, true);
        pgEquicostMs += performance.now() - t;
        t = performance.now();
        const exact = await drivingDistance(tx, starts, false);
        pgExactMs += performance.now() - t;
        const r = compare(state, c, exact, equicost);
        exactMismatches += r.exactMismatches;
        maxDiffM = Math.max(maxDiffM, r.maxDiffM);
        equicostWrong += r.equicostWrong;
      }
    });
  } finally {
    await db.close();
  }
  const ratio = pgEquicostMs / fieldsOnly.ms;
  rows.push(
    {
      measure: `Monaco: ${withFacilities.length} categories, every node (engine)`,
      value: fmt(fieldsOnly.ms),
      baseline: `${fmt(pgEquicostMs)} pgr_drivingDistance equicost`,
      ratio,
      target: '≥ 20× faster',
      met: ratio >= 20,
    },
    {
      measure: 'Monaco: same, vs exact pgRouting (equicost off, min)',
      value: fmt(fieldsOnly.ms),
      baseline: fmt(pgExactMs),
      ratio: pgExactMs / fieldsOnly.ms,
      target: '(info)',
      met: undefined,
    },
    {
      measure: 'Monaco: distances vs exact pgRouting',
      value: `${exactMismatches} reached-set diffs, max |Δ| ${maxDiffM.toExponential(1)} m`,
      baseline: BENCH_DATABASE_URL.replace(/\/\/[^@]*@/, '//'),
      ratio: undefined,
      target: 'same sets, ≤ 1e-6 m',
      met: exactMismatches === 0 && maxDiffM <= 1e-6,
    },
    {
      measure: 'Monaco: pgRouting 3.4 equicost nodes not at nearest start',
      value: `${equicostWrong}`,
      baseline: '',
      ratio: undefined,
      target: '(info)',
      met: undefined,
    },
    {
      measure: `Monaco: all 18 categories + summary of ${net.origins.length} buildings`,
      value: fmt(all.ms + summary.ms),
      baseline: '',
      ratio: undefined,
      target: '(info)',
      met: undefined,
    },
  );

  // Moving one facility: incremental vs full recompute.
  const rand = seededRandom(5);
  const movable = withFacilities.filter((c) => state.fields[c]!.facilities.length >= 2);
  const moveTimes: number[] = [];
  const fullTimes: number[] = [];
  let moveMaxDiff = 0;
  const projection = localProjection(net.projectionOrigin);
  for (let i = 0; i < 40; i++) {
    const c = movable[i % movable.length]!;
    const field = state.fields[c]!;
    const victim = field.facilities[Math.floor(rand() * field.facilities.length)]!;
    const o = net.origins[Math.floor(rand() * net.origins.length)]!;
    if (o.node < 0) continue;
    const to: Point = {
      type: 'Point',
      coordinates: projection.toLonLat([net.nodeX[o.node]! + 3, net.nodeY[o.node]! + 3]),
    };
    let t = performance.now();
    const moved = moveFacility(state, c, victim.id, to);
    moveTimes.push(performance.now() - t);
    t = performance.now();
    const full = computeCategoryField(net.graph, c, moved.fields[c]!.facilities);
    fullTimes.push(performance.now() - t);
    const a = moved.fields[c]!.distM;
    for (let n = 0; n < a.length; n++) {
      if (a[n] !== full.distM[n])
        moveMaxDiff = Math.max(moveMaxDiff, Math.abs(a[n]! - full.distM[n]!));
    }
  }
  const moveMs = median(moveTimes);
  const fullOneMs = median(fullTimes);
  rows.push(
    {
      measure: 'Monaco: move one facility (median of 40)',
      value: fmt(moveMs),
      baseline: `${fmt(fullOneMs)} full recompute, its category`,
      ratio: moveMs / fullOneMs,
      target: '≤ 0.15×',
      met: moveMs / fullOneMs <= 0.15,
    },
    {
      measure: 'Monaco: move one facility vs all categories',
      value: fmt(moveMs),
      baseline: `${fmt(fieldsOnly.ms)} full recompute, all`,
      ratio: moveMs / fieldsOnly.ms,
      target: '≤ 0.15×',
      met: moveMs / fieldsOnly.ms <= 0.15,
    },
    {
      measure: 'Monaco: incremental == full recompute',
      value: `max |Δ| ${moveMaxDiff.toExponential(1)} m`,
      baseline: '',
      ratio: undefined,
      target: '≤ 1e-9 m',
      met: moveMaxDiff <= 1e-9,
    },
  );
}

function syntheticGrid(rows: Row[]): void {
  const side = 224;
  const spacingM = 20;
  const P = localProjection([116.35, 40.0]);
  const lines: Feature<LineString>[] = [];
  for (let j = 0; j < side; j++) {
    lines.push({
      type: 'Feature',
      properties: { kind: 'road', category: 'residential' },
      geometry: {
        type: 'LineString',
        coordinates: Array.from({ length: side }, (_, i) =>
          P.toLonLat([i * spacingM, j * spacingM]),
        ),
      },
    });
    lines.push({
      type: 'Feature',
      properties: { kind: 'road', category: 'residential' },
      geometry: {
        type: 'LineString',
        coordinates: Array.from({ length: side }, (_, i) =>
          P.toLonLat([j * spacingM, i * spacingM]),
        ),
      },
    });
  }
  const rand = seededRandom(11);
  const categories = FACILITY_CATEGORIES.slice(0, 10).map((c) => c.id);
  const facilities: Feature<Point>[] = categories.flatMap((category) =>
    Array.from({ length: 10 }, () => ({
      type: 'Feature' as const,
      properties: { category },
      geometry: {
        type: 'Point' as const,
        coordinates: P.toLonLat([rand() * (side - 1) * spacingM, rand() * (side - 1) * spacingM]),
      },
    })),
  );
  const t = performance.now();
  const net = buildWalkingNetwork({
    network: { type: 'FeatureCollection', features: lines },
    facilities: { type: 'FeatureCollection', features: facilities },
  });
  const buildMs = performance.now() - t;
  const full = timeMs(() => computeCoverageState(net, { categories }));
  rows.push({
    measure: `grid ${side}×${side}: ${net.edgeCount} edges, 10 categories, full recompute`,
    value: fmt(full.ms),
    baseline: `(network built in ${fmt(buildMs)})`,
    ratio: undefined,
    target: '< 100 ms',
    met: full.ms < 100,
  });
}

const rows: Row[] = [];
log(
  `load average ${loadavg()
    .map((x) => x.toFixed(1))
    .join(' ')} on ${cpus().length} cores`,
);
syntheticGrid(rows);
await monaco(rows);
printTable('Coverage engine (issue #5): 15-minute life circle, exact network distances', rows);
