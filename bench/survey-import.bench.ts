/**
 * Survey import benchmark (issue 11.5), one run, two files side by side:
 *   - a 100k-feature shapefile (10 × 8 m footprints, CGCS2000 3° GK EPSG:4548, zipped);
 *   - a 20 MB CASS-like DXF (tests/fixtures/survey/generate-survey-files.ts: building outlines with floors labels,
 *     stall groups as nested block INSERTs, road lines), labels read.
 * Each goes through the product's API in a fresh server process — upload (scan), then commit
 * into a proposal (GDAL read and feature building in the survey worker pool, COPY into a
 * staging table, reprojection + validity + repair + INSERT … SELECT in one transaction) — and
 * is compared with `ogr2ogr -f PostgreSQL` (COPY) loading the same file into a table of the
 * same database. Target: the API at least half ogr2ogr's speed (ratio ≤ 2 in time). Also each
 * API process's peak RSS (VmHWM; the worker threads are in the same process).
 *
 * Usage: npm run bench:survey   (BENCH_DATABASE_URL as for the other benches; BENCH_FEATURES,
 * BENCH_DXF_MB; BENCH_CASES=dxf or shapefile runs one case).
 */
import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { hashPassword } from '../server/auth/hash-password';
import { makePostgisCatalog } from '../server/db/catalog';
import type { Database } from '../server/db/database';
import {
  BENCH_DATABASE_URL,
  DEMO,
  ensureDistrict,
  openServerBenchDatabase,
} from './lib/bench-database';
import { spawnServer } from './lib/spawn-server';
import { printTable } from './lib/stats';
import { writeBenchDxf, writeBenchShapefile } from '../tests/fixtures/survey/generate-survey-files';

const N = Number(process.env.BENCH_FEATURES ?? 100_000);
const DXF_MB = Number(process.env.BENCH_DXF_MB ?? 20);

interface Case {
  label: string;
  file: string;
  /** ogr2ogr's source (and its config) for the baseline. */
  ogrSource: string[];
  ogrEnv: Record<string, string>;
  commit: Record<string, unknown>;
}

/** ogr2ogr straight into PostGIS (reprojected to 4326, as the product stores), seconds. */
function ogrBaseline(c: Case): number {
  const t0 = performance.now();
  execFileSync(
    'ogr2ogr',
    [
      '-f',
      'PostgreSQL',
      `PG:${BENCH_DATABASE_URL.replace('postgres://', 'postgresql://')}`,
      ...c.ogrSource,
      '-nln',
      'bench_survey_ogr',
      '-overwrite',
      '-t_srs',
      'EPSG:4326',
      '-lco',
      'GEOMETRY_NAME=geom',
      '--config',
      'PG_USE_COPY',
      'YES',
    ],
    { env: { ...process.env, ...c.ogrEnv } },
  );
  return (performance.now() - t0) / 1000;
}

/** Upload + commit through a fresh API process: seconds, features created, peak RSS MB. */
async function throughApi(
  db: Database,
  baseId: number,
  c: Case,
): Promise<{ s: number; created: number; peakMb: number; phases: string }> {
  const proposal = await makePostgisCatalog(db).createProposal(baseId, `bench ${c.label}`);
  const server = await spawnServer({ DATABASE_URL: BENCH_DATABASE_URL, BODY_LIMIT: '5mb' });
  try {
    const login = await fetch(`${server.base}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'bench-planner', password: 'bench-secret-1' }),
    });
    const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0]!;
    const bytes = readFileSync(c.file);
    const t1 = performance.now();
    const up = await fetch(`${server.base}/api/survey/uploads?fileName=${basename(c.file)}`, {
      method: 'POST',
      headers: { 'content-type': 'application/octet-stream', cookie },
      body: bytes,
    });
    const upload = (await up.json()) as { uploadId: string; error?: unknown };
    if (!up.ok) throw new Error(`upload failed: ${JSON.stringify(upload)}`);
    const tUp = performance.now();
    // Where the commit's time goes: the server's own progress phases, polled every 100 ms.
    const progressId = randomUUID();
    const firstSeen = new Map<string, number>();
    let polling = true;
    const poller = (async () => {
      while (polling) {
        const p = await fetch(`${server.base}/api/survey/progress/${progressId}`, {
          headers: { cookie },
        });
        if (p.ok) {
          const phase = ((await p.json()) as { phase: string }).phase;
          if (!firstSeen.has(phase)) firstSeen.set(phase, performance.now());
        }
        await new Promise((r) => setTimeout(r, 100));
      }
    })();
    const commit = await fetch(
      `${server.base}/api/survey/uploads/${upload.uploadId}/commit?progress=${progressId}`,
      {
        method: 'POST',
        headers: { 'content-type': 'application/json', cookie },
        body: JSON.stringify({ scenarioId: proposal!.id, ...c.commit }),
      },
    );
    const result = (await commit.json()) as { created?: number; error?: unknown };
    const tEnd = performance.now();
    polling = false;
    await poller;
    const s = (tEnd - t1) / 1000;
    const marks = [...firstSeen.entries()].filter(([p]) => p !== 'done');
    const phases = [
      `upload+scan ${((tUp - t1) / 1000).toFixed(1)}`,
      ...marks.map(
        ([p, at], i) => `${p} ${(((marks[i + 1]?.[1] ?? tEnd) - at) / 1000).toFixed(1)}`,
      ),
    ].join(', ');
    if (!commit.ok) throw new Error(`commit failed: ${JSON.stringify(result)}`);
    const status = readFileSync(`/proc/${server.pid}/status`, 'utf8');
    const peakMb = Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024;
    return { s, created: result.created ?? 0, peakMb, phases };
  } finally {
    await server.stop();
    await db.query('DELETE FROM scenario WHERE id = $1', [proposal!.id]);
  }
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'rpm-survey-bench-'));
  const db = await openServerBenchDatabase();
  try {
    const districtId = await ensureDistrict(db, DEMO);
    const zip = writeBenchShapefile(dir, N);
    const dxf = writeBenchDxf(dir, DXF_MB);
    const dxfMb = statSync(dxf.file).size / 1e6;
    const dxfFeatures = dxf.buildings + dxf.stalls + dxf.roads;
    console.log(
      `shapefile: ${N} features, ${(statSync(zip).size / 1e6).toFixed(1)} MB zipped; ` +
        `DXF: ${dxfMb.toFixed(1)} MB, ${dxf.buildings} buildings, ${dxf.stalls} stalls ` +
        `(nested blocks), ${dxf.roads} roads, ${dxf.texts} labels`,
    );
    await db.query(
      `INSERT INTO app_user (username, display_name, role, password_hash)
       VALUES ('bench-planner', 'bench', 'admin', $1) ON CONFLICT (username) DO NOTHING`,
      [await hashPassword('bench-secret-1')],
    );
    const [base] = await db.query<{ id: number }>(
      `SELECT s.id FROM scenario s WHERE s.district_id = $1 AND s.kind = 'baseline' AND s.community_id IS NOT NULL ORDER BY s.id LIMIT 1`,
      [districtId],
    );
    const cases: (Case & { features: number })[] = [
      {
        label: `${N}-feature shapefile`,
        features: N,
        file: zip,
        ogrSource: [`/vsizip/${zip}`],
        ogrEnv: {},
        commit: {
          crs: 'EPSG:4548',
          units: 'm',
          mapping: { JMD: { kind: 'building', fields: { name: 'MC', levels: 'CS' } } },
          labels: false,
        },
      },
      {
        label: `${dxfMb.toFixed(0)} MB DXF`,
        features: dxfFeatures,
        file: dxf.file,
        // GDAL explodes the blocks itself (DXF_INLINE_BLOCKS defaults to TRUE).
        ogrSource: [dxf.file, 'entities', '-s_srs', 'EPSG:4548', '-nlt', 'GEOMETRY'],
        ogrEnv: { DXF_ENCODING: 'UTF-8' },
        commit: {
          crs: 'EPSG:4548',
          units: 'm',
          mapping: {
            JMD: { kind: 'building' },
            JMD_ZJ: { kind: 'ignore' },
            车位: { kind: 'parking_stall' },
            DLSS: { kind: 'road' },
          },
          labels: true,
        },
      },
    ];
    const rows: Parameters<typeof printTable>[1] = [];
    const only = process.env.BENCH_CASES; // e.g. "dxf" or "shapefile"; default both
    for (const c of cases.filter((x) => !only || x.label.toLowerCase().includes(only))) {
      const ogrS = ogrBaseline(c);
      await db.query('DROP TABLE IF EXISTS bench_survey_ogr');
      const api = await throughApi(db, Number(base!.id), c);
      rows.push(
        {
          measure: `${c.label}: API upload + commit (s)`,
          value: api.s.toFixed(1),
          baseline: `ogr2ogr → PostGIS ${ogrS.toFixed(1)}`,
          ratio: api.s / ogrS,
          target: '≤ 2 (half the speed)',
          met: api.s / ogrS <= 2,
        },
        {
          measure: `${c.label}: features written / s`,
          value: String(Math.round(api.created / api.s)),
          baseline: String(Math.round(c.features / ogrS)),
          ratio: undefined,
          target: `all ${c.features} written`,
          met: api.created === c.features,
        },
        {
          measure: `${c.label}: where the API's time went (s)`,
          value: api.phases,
          baseline: '—',
          ratio: undefined,
          target: '—',
          met: undefined,
        },
        {
          measure: `${c.label}: API process peak RSS (MB)`,
          value: api.peakMb.toFixed(0),
          baseline: '—',
          ratio: undefined,
          target: 'bounded',
          met: undefined,
        },
      );
    }
    printTable('Survey import (EPSG:4548 → WGS84), one run', rows);
  } finally {
    await db.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
