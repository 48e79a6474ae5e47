import { writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { importWarningsCsv } from '../../domain/osm/import-warnings-csv';
import { summarizeImportWarnings } from '../../domain/osm/summarize-import-warnings';
import { RULES } from '../../domain/standards/rules';
import { readConfig } from '../config';
import { migrate } from '../db/migrate';
import { openDatabase } from '../db/open-database';
import { importOsmFile } from '../import/import-osm-file';
import { parseBboxArg } from '../import/parse-bbox-arg';
import { readBoundaryFile } from '../import/read-boundary-file';

const USAGE = `Usage: npm run import -- <file.osm | file.osm.pbf> [options]
  --name <片区名>            district name (default: the file name)
  --bbox minLon,minLat,maxLon,maxLat   clip to a box (degrees)
  --boundary <area.geojson> clip to a polygon
  --min-area-sqm <m²>        unnamed residential areas smaller than this AND with fewer than
                             --min-buildings buildings are not communities (default ${RULES.importCommunities.minAreaSqM.value})
  --min-buildings <n>        (default ${RULES.importCommunities.minBuildings.value})
  --warnings <file.csv>      write every skipped / repaired object with its rule (UTF-8 CSV)
Ctrl-C cancels: nothing is saved.`;

/** `npm run import -- <file> [...]`: import an OSM extract as a district, streaming. */
const { positionals, values } = parseArgs({
  allowPositionals: true,
  options: {
    name: { type: 'string' },
    bbox: { type: 'string' },
    boundary: { type: 'string' },
    'min-area-sqm': { type: 'string' },
    'min-buildings': { type: 'string' },
    warnings: { type: 'string' },
    help: { type: 'boolean' },
  },
});
const file = positionals[0];
if (!file || values.help) {
  console.error(USAGE);
  process.exit(2);
}
const count = (flag: string, v: string | undefined): number | undefined => {
  if (v === undefined) return undefined;
  const n = Number(v);
  if (!Number.isFinite(n) || n < 0) {
    console.error(`--${flag} 须为非负数 / --${flag} must be a non-negative number (got "${v}")`);
    process.exit(2);
  }
  return n;
};
let bbox;
let boundary;
try {
  bbox = values.bbox ? parseBboxArg(values.bbox) : undefined;
  boundary = values.boundary
    ? { file: values.boundary, geometry: await readBoundaryFile(values.boundary) }
    : undefined;
} catch (e) {
  console.error((e as Error).message);
  process.exit(2);
}

const config = readConfig();
const db = await openDatabase(config);
const controller = new AbortController();
const onSigint = (): void => {
  console.error('\nCancelling: rolling back, nothing of this import is saved …');
  controller.abort(new Error('import cancelled (SIGINT)'));
};
process.once('SIGINT', onSigint);
let exitCode = 0;
try {
  await migrate(db, config.migrationsDir);
  const t0 = Date.now();
  const result = await importOsmFile(db, file, {
    name: values.name,
    bbox,
    boundary,
    minAreaSqM: count('min-area-sqm', values['min-area-sqm']),
    minBuildings: count('min-buildings', values['min-buildings']),
    signal: controller.signal,
    onProgress: (m) => console.log(m),
  });
  const summary = summarizeImportWarnings(result.warnings);
  if (summary.length > 0) {
    console.warn(`  ${result.warnings.length} warnings:`);
    for (const s of summary) console.warn(`    ${String(s.count).padStart(7)}  ${s.rule}`);
    console.warn(
      `  full list: GET /api/districts/${result.districtId}/import-warnings.csv` +
        (values.warnings ? ` and ${values.warnings}` : ' (or --warnings file.csv)'),
    );
  }
  if (values.warnings) await writeFile(values.warnings, importWarningsCsv(result.warnings));
  console.log(
    `Imported district #${result.districtId} "${result.name}" in ${((Date.now() - t0) / 1000).toFixed(1)} s: ` +
      `${result.communities} communities, ${result.features} features, ${result.dropped} dropped; ` +
      `extent ${result.bbox.map((v) => v.toFixed(5)).join(',')}`,
  );
} catch (e) {
  if (controller.signal.aborted) {
    console.error('Import cancelled: nothing saved.');
    exitCode = 130;
  } else {
    console.error(`Import failed, nothing saved: ${(e as Error).message}`);
    exitCode = 1;
  }
} finally {
  process.off('SIGINT', onSigint);
  await db.close();
}
process.exit(exitCode);
