import { parseArgs } from 'node:util';
import { readConfig } from '../config';
import { migrate } from '../db/migrate';
import { openDatabase } from '../db/open-database';
import { saveImportedDistrict } from '../db/save-imported-district';
import { readOsmFile } from '../import/read-osm-file';

/** `npm run import -- <file.osm|file.osm.pbf> [--name 片区名]`: import an OSM extract as a district. */
const { positionals, values } = parseArgs({
  allowPositionals: true,
  options: { name: { type: 'string' } },
});
const file = positionals[0];
if (!file) {
  console.error('Usage: npm run import -- <file.osm | file.osm.pbf> [--name <district name>]');
  process.exit(2);
}
const config = readConfig();
const db = await openDatabase(config);
try {
  await migrate(db, config.migrationsDir);
  const t0 = Date.now();
  const district = await readOsmFile(file, {
    ...(values.name ? { name: values.name } : {}),
    onProgress: (m) => console.log(m),
  });
  for (const w of district.warnings.slice(0, 20)) console.warn(`  warning: ${w}`);
  if (district.warnings.length > 20)
    console.warn(`  … and ${district.warnings.length - 20} more warnings`);
  const result = await saveImportedDistrict(db, district, (m) => console.log(m));
  console.log(
    `Imported district #${result.districtId} "${district.name}" in ${((Date.now() - t0) / 1000).toFixed(1)} s: ` +
      `${result.communities} communities, ${result.features} features, ${result.dropped} dropped`,
  );
} finally {
  await db.close();
}
