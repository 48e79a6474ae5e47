/**
 * `npm run bench:import [-- file.osm.pbf …]`: import time, features written per second and peak
 * memory (RSS of the process and its osmium children, from /usr/bin/time) for OSM extracts of
 * growing size, on PGlite (temporary directory) and server PostgreSQL (BENCH_DATABASE_URL),
 * side by side with baselines on the same file:
 *   - streaming: the app's import (osmium export → domain tag table → batches, one transaction);
 *   - in-memory: the old reader (whole file parsed, osmtogeojson) + saveImportedDistrict;
 *   - `osmium export -f geojsonseq` to /dev/null (geometry building alone, no classification);
 *   - `ogr2ogr -f PostgreSQL` of the points/lines/multipolygons layers (GDAL's OSM driver).
 * Files: data/monaco.osm.pbf (1.8 MB) always; larger ones as arguments or IMPORT_BENCH_FILES
 * (comma-separated). None are committed; the size series of the closing note is built from
 * Monaco by bench/make-city-extract.sh (renumbered, shifted copies merged with osmium):
 *   sh bench/make-city-extract.sh 12 /tmp/rpm-city-12.osm.pbf   # 19.4 MB, 2.16 M nodes
 *   sh bench/make-city-extract.sh 64 /tmp/rpm-city-64.osm.pbf   # 103.8 MB, 11.5 M nodes
 *   IMPORT_BENCH_FILES=/tmp/rpm-city-12.osm.pbf,/tmp/rpm-city-64.osm.pbf npm run bench:import
 * IMPORT_BENCH_METHODS=streaming leaves out the in-memory reader; IMPORT_BENCH_ENGINES=postgres
 * (or pglite) runs one engine. Each measurement runs in its
 * own process so peak RSS is its own; "engine floor" is that process with the database opened
 * and migrated but nothing imported (PGlite with PostGIS loaded is already ~1 GB).
 * Targets (issue 17 item 4): ≥ 20,000 features/s written and peak RSS ≤ 500 MB at every size.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Database } from '../server/db/database';
import { migrate } from '../server/db/migrate';
import { openDatabase } from '../server/db/open-database';
import { saveImportedDistrict } from '../server/db/save-imported-district';
import { importOsmFile } from '../server/import/import-osm-file';
import { readOsmFile } from '../server/import/read-osm-file';

const ROOT = resolve(import.meta.dirname, '..');
const SERVER_URL = process.env.BENCH_DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/rpm_bench';
type Method = 'streaming' | 'in-memory' | 'floor';
const TARGET_PER_S = 20_000;
const TARGET_RSS_MB = 500;
type Engine = 'pglite' | 'postgres';

async function one(method: Method, engine: Engine, file: string): Promise<void> {
  const dir = engine === 'pglite' ? mkdtempSync(join(tmpdir(), 'rpm-bench-import-')) : '';
  const db: Database = await openDatabase(
    engine === 'pglite' ? { pgliteDataDir: dir } : { databaseUrl: SERVER_URL },
  );
  await migrate(db, resolve(ROOT, 'migrations'));
  const t0 = performance.now();
  let features: number;
  let districtId: number;
  if (method === 'floor') {
    await db.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
    console.log(JSON.stringify({ seconds: 0, features: 0 }));
    return;
  }
  if (method === 'streaming') {
    const r = await importOsmFile(db, file, { name: `bench ${file}` });
    features = r.features;
    districtId = r.districtId;
  } else {
    const d = await readOsmFile(file, { name: `bench ${file}` });
    const r = await saveImportedDistrict(db, d);
    features = r.features;
    districtId = r.districtId;
  }
  const seconds = (performance.now() - t0) / 1000;
  await db.query('DELETE FROM district WHERE id = $1', [districtId]);
  await db.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
  console.log(JSON.stringify({ seconds, features }));
}

const timed = (cmd: string, args: string[]): { seconds: number; rssMb: number; out: string } => {
  const t0 = performance.now();
  const r = spawnSync('/usr/bin/time', ['-f', 'RSS_KB=%M', cmd, ...args], {
    encoding: 'utf8',
    maxBuffer: 1 << 26,
  });
  const kb = Number(/RSS_KB=(\d+)/.exec(r.stderr)?.[1] ?? 0);
  if (r.status !== 0) throw new Error(`${cmd} failed: ${r.stderr.slice(-400)}`);
  return { seconds: (performance.now() - t0) / 1000, rssMb: kb / 1024, out: r.stdout };
};

async function main(): Promise<void> {
  const files = [
    resolve(ROOT, 'data/monaco.osm.pbf'),
    ...process.argv.slice(2),
    ...(process.env.IMPORT_BENCH_FILES?.split(',').filter(Boolean) ?? []),
  ];
  if (files.length < 3) {
    console.log(
      'Only data/monaco.osm.pbf given. For the size series pass larger .osm.pbf files (≥ 100 MB)\n' +
        'as arguments or IMPORT_BENCH_FILES: a city extract from download.geofabrik.de, or build\n' +
        'one: osmium renumber each copy, then osmium merge.\n',
    );
  }
  const rows: string[][] = [
    [
      'file',
      'MB',
      'method',
      'engine',
      's',
      'features',
      'features/s',
      `target ≥ ${TARGET_PER_S}`,
      'peak RSS MB',
      `target ≤ ${TARGET_RSS_MB}`,
      'time ÷ ogr2ogr',
    ],
  ];
  const methods = (process.env.IMPORT_BENCH_METHODS?.split(',') ?? [
    'streaming',
    'in-memory',
  ]) as Method[];
  const engines = (process.env.IMPORT_BENCH_ENGINES?.split(',') ?? [
    'pglite',
    'postgres',
  ]) as Engine[];
  for (const engine of engines) {
    const r = timed(process.execPath, [
      '--import',
      'tsx',
      import.meta.filename,
      '--one',
      'floor',
      engine,
      files[0] as string,
    ]);
    rows.push([
      '—',
      '—',
      'engine floor (open + migrate)',
      engine,
      '',
      '',
      '',
      '',
      r.rssMb.toFixed(0),
      '',
      '',
    ]);
    console.error(rows[rows.length - 1]?.join('  '));
  }
  for (const file of files) {
    const mb = (statSync(file).size / 1e6).toFixed(1);
    const name = file.split('/').pop() ?? file;
    const small = statSync(file).size < 5e6;
    const ours: { row: string[]; seconds: number }[] = [];
    for (const method of methods) {
      // The old reader needs ~0.5 GB per MB of PBF: only the small file.
      if (method === 'in-memory' && !small) continue;
      for (const engine of engines) {
        const r = timed(process.execPath, [
          '--import',
          'tsx',
          import.meta.filename,
          '--one',
          method,
          engine,
          file,
        ]);
        const line = r.out.trim().split('\n').pop() ?? '{}';
        const { seconds, features } = JSON.parse(line) as { seconds: number; features: number };
        const perS = Math.round(features / seconds);
        const row = [
          name,
          mb,
          method,
          engine,
          seconds.toFixed(1),
          String(features),
          String(perS),
          perS >= TARGET_PER_S ? 'met' : 'MISSED',
          r.rssMb.toFixed(0),
          r.rssMb <= TARGET_RSS_MB ? 'met' : 'MISSED',
          '',
        ];
        rows.push(row);
        ours.push({ row, seconds });
        console.error(row.join('  '));
      }
    }
    const os = timed('osmium', [
      'export',
      '-f',
      'geojsonseq',
      '-i',
      'sparse_mmap_array',
      file,
      '-o',
      '/dev/null',
      '-O',
      '--no-progress',
    ]);
    rows.push([
      name,
      mb,
      'osmium export → /dev/null',
      '—',
      os.seconds.toFixed(1),
      '—',
      '—',
      '',
      os.rssMb.toFixed(0),
      '',
      '',
    ]);
    try {
      const url = new URL(SERVER_URL);
      const pgDsn = `PG:host=${url.hostname} port=${url.port || 5432} user=${url.username} dbname=${url.pathname.slice(1)}`;
      const og = timed('ogr2ogr', [
        '-f',
        'PostgreSQL',
        pgDsn,
        file,
        'points',
        'lines',
        'multipolygons',
        '-lco',
        'OVERWRITE=YES',
        '-lco',
        'SCHEMA=public',
        '-nlt',
        'PROMOTE_TO_MULTI',
        '--config',
        'PG_USE_COPY',
        'YES',
        '-gt',
        '65536',
      ]);
      const count = execFileSync(
        'psql',
        [
          SERVER_URL,
          '-tAc',
          'SELECT (SELECT count(*) FROM points) + (SELECT count(*) FROM lines) + (SELECT count(*) FROM multipolygons)',
        ],
        { encoding: 'utf8' },
      ).trim();
      execFileSync('psql', [
        SERVER_URL,
        '-qc',
        'DROP TABLE IF EXISTS points, lines, multipolygons',
      ]);
      rows.push([
        name,
        mb,
        'ogr2ogr -f PostgreSQL',
        'postgres',
        og.seconds.toFixed(1),
        count,
        String(Math.round(Number(count) / og.seconds)),
        '',
        og.rssMb.toFixed(0),
        '',
        '1.00',
      ]);
      for (const o of ours) o.row[10] = (o.seconds / og.seconds).toFixed(2);
    } catch (e) {
      rows.push([
        name,
        mb,
        `ogr2ogr failed: ${(e as Error).message.slice(0, 60)}`,
        '',
        '',
        '',
        '',
        '',
        '',
        '',
        '',
      ]);
    }
  }
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => (r[i] ?? '').length)));
  for (const r of rows) console.log(r.map((c, i) => c.padEnd(widths[i] ?? 0)).join(' | '));
}

if (process.argv[2] === '--one') {
  await one(process.argv[3] as Method, process.argv[4] as Engine, process.argv[5] as string);
  process.exit(0);
} else {
  await main();
}
