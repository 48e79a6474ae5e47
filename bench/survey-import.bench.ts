/**
 * Survey import benchmark (issue 11.5): a 100k-feature shapefile (CGCS2000 3° GK, EPSG:4548)
 * through the product's API — upload, then commit into a proposal (GDAL read, reprojection,
 * validation, one transaction) — side by side with `ogr2ogr -f PostgreSQL` loading the same
 * file into a table of the same server database. Target: the API at least half ogr2ogr's
 * speed (ratio ≤ 2 in time). Also the API process's peak RSS (VmHWM).
 *
 * Usage: npm run bench:survey   (BENCH_DATABASE_URL as for the other benches; BENCH_FEATURES).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import proj4 from 'proj4';
import { hashPassword } from '../server/auth/hash-password';
import { makePostgisCatalog } from '../server/db/catalog';
import {
  BENCH_DATABASE_URL,
  DEMO,
  ensureDistrict,
  openServerBenchDatabase,
} from './lib/bench-database';
import { spawnServer } from './lib/spawn-server';
import { printTable } from './lib/stats';

const N = Number(process.env.BENCH_FEATURES ?? 100_000);
const GK = '+proj=tmerc +lat_0=0 +lon_0=117 +k=1 +x_0=500000 +y_0=0 +ellps=GRS80 +units=m +no_defs';

/** N 10 × 8 m building footprints on a grid round the demo district, in EPSG:4548 metres. */
function writeShapefile(dir: string): string {
  const [x0, y0] = proj4('WGS84', GK, [116.3, 39.98]) as [number, number];
  const side = Math.ceil(Math.sqrt(N));
  const lines: string[] = [];
  for (let i = 0; i < N; i++) {
    const x = x0 + (i % side) * 14;
    const y = y0 + Math.floor(i / side) * 12;
    const ring = [
      [x, y],
      [x + 10, y],
      [x + 10, y + 8],
      [x, y + 8],
      [x, y],
    ];
    lines.push(
      JSON.stringify({
        type: 'Feature',
        properties: { MC: `${(i % 40) + 1}号楼`, CS: (i % 18) + 1 },
        geometry: { type: 'Polygon', coordinates: [ring] },
      }),
    );
  }
  const seq = join(dir, 'in.geojsonl');
  writeFileSync(seq, lines.join('\n'));
  execFileSync('ogr2ogr', [
    '-f',
    'ESRI Shapefile',
    join(dir, 'JMD.shp'),
    seq,
    '-a_srs',
    'EPSG:4548',
    '-lco',
    'ENCODING=UTF-8',
    '-nln',
    'JMD',
  ]);
  const zip = join(dir, 'survey.zip');
  execFileSync('zip', [
    '-q',
    '-j',
    zip,
    ...['shp', 'shx', 'dbf', 'prj', 'cpg'].map((e) => join(dir, `JMD.${e}`)),
  ]);
  return zip;
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'rpm-survey-bench-'));
  const db = await openServerBenchDatabase();
  try {
    const districtId = await ensureDistrict(db, DEMO);
    const zip = writeShapefile(dir);
    const bytes = readFileSync(zip);
    console.log(`${N} features, ${(bytes.length / 1e6).toFixed(1)} MB zipped shapefile`);

    // Baseline: ogr2ogr straight into PostGIS (reprojected to 4326, as the product stores).
    const t0 = performance.now();
    execFileSync('ogr2ogr', [
      '-f',
      'PostgreSQL',
      `PG:${BENCH_DATABASE_URL.replace('postgres://', 'postgresql://')}`,
      `/vsizip/${zip}`,
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
    ]);
    const ogrS = (performance.now() - t0) / 1000;
    await db.query('DROP TABLE IF EXISTS bench_survey_ogr');

    // The product: a planner account and a proposal in one of the demo communities.
    await db.query(
      `INSERT INTO app_user (username, display_name, role, password_hash)
       VALUES ('bench-planner', 'bench', 'admin', $1) ON CONFLICT (username) DO NOTHING`,
      [await hashPassword('bench-secret-1')],
    );
    const [base] = await db.query<{ id: number }>(
      `SELECT s.id FROM scenario s WHERE s.district_id = $1 AND s.kind = 'baseline' AND s.community_id IS NOT NULL ORDER BY s.id LIMIT 1`,
      [districtId],
    );
    const proposal = await makePostgisCatalog(db).createProposal(Number(base!.id), 'bench survey');
    const server = await spawnServer({ DATABASE_URL: BENCH_DATABASE_URL, BODY_LIMIT: '5mb' });
    let apiS = 0;
    let peakMb = 0;
    let created = 0;
    try {
      const login = await fetch(`${server.base}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username: 'bench-planner', password: 'bench-secret-1' }),
      });
      const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0]!;
      const t1 = performance.now();
      const up = await fetch(`${server.base}/api/survey/uploads?fileName=survey.zip`, {
        method: 'POST',
        headers: { 'content-type': 'application/octet-stream', cookie },
        body: bytes,
      });
      const upload = (await up.json()) as { uploadId: string };
      const commit = await fetch(`${server.base}/api/survey/uploads/${upload.uploadId}/commit`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', cookie },
        body: JSON.stringify({
          scenarioId: proposal!.id,
          crs: 'EPSG:4548',
          units: 'm',
          mapping: { JMD: { kind: 'building', fields: { name: 'MC', levels: 'CS' } } },
          labels: false,
        }),
      });
      const result = (await commit.json()) as { created?: number; error?: unknown };
      apiS = (performance.now() - t1) / 1000;
      if (!commit.ok) throw new Error(`commit failed: ${JSON.stringify(result)}`);
      created = result.created ?? 0;
      const status = readFileSync(`/proc/${server.pid}/status`, 'utf8');
      peakMb = Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024;
    } finally {
      await server.stop();
      await db.query('DELETE FROM scenario WHERE id = $1', [proposal!.id]);
    }
    printTable(`Survey import of a ${N}-feature shapefile (EPSG:4548 → WGS84)`, [
      {
        measure: 'API upload + commit (s)',
        value: apiS.toFixed(1),
        baseline: `ogr2ogr → PostGIS ${ogrS.toFixed(1)}`,
        ratio: apiS / ogrS,
        target: '≤ 2 (half the speed)',
        met: apiS / ogrS <= 2,
      },
      {
        measure: 'features written / s',
        value: String(Math.round(created / apiS)),
        baseline: String(Math.round(N / ogrS)),
        ratio: undefined,
        target: '—',
        met: created === N,
      },
      {
        measure: 'API process peak RSS (MB)',
        value: peakMb.toFixed(0),
        baseline: '—',
        ratio: undefined,
        target: 'bounded',
        met: undefined,
      },
    ]);
  } finally {
    await db.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
