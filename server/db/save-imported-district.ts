import type { ImportedDistrict } from '../../domain/osm/imported-district';
import { RULES } from '../../domain/standards/rules';
import type { Database } from './database';
import { sql } from './load-sql';
import { saveImportWarnings } from './save-import-warnings';

export interface SaveResult {
  districtId: number;
  communities: number;
  features: number;
  /** Features whose geometry PostGIS could not repair. */
  dropped: number;
}

/** Features per INSERT: keeps one statement's JSON parameter a few MB at most. */
const BATCH = 2000;

/**
 * Save an imported district in one transaction: all of it or nothing. Communities first, then
 * their 现状 baselines and the district's context baseline, then the features (each placed in
 * the baseline of the community that contains it), then each community's statistics and the
 * complete warning list. Then the
 * planner statistics are refreshed: a bulk import changes the row counts by orders of magnitude,
 * and stale statistics (before autovacuum catches up) made the tile query 5× slower.
 */
export async function saveImportedDistrict(
  db: Database,
  d: ImportedDistrict,
  onProgress: (message: string) => void = () => {},
): Promise<SaveResult> {
  const result = await db.transaction(async (tx) => {
    const [district] = await tx.query<{ id: number }>(sql('insert-district'), [
      d.name,
      d.source,
      ...d.bbox,
    ]);
    const districtId = Number(district?.id);
    const communityRows = await tx.query(sql('insert-communities'), [
      districtId,
      JSON.stringify(d.communities),
    ]);
    await tx.query(sql('insert-baselines'), [districtId]);
    const [context] = await tx.query<{ id: number }>(
      `SELECT id FROM scenario WHERE district_id = $1 AND community_id IS NULL AND kind = 'baseline'`,
      [districtId],
    );
    let saved = 0;
    for (let i = 0; i < d.features.length; i += BATCH) {
      const batch = d.features.slice(i, i + BATCH);
      const rows = await tx.query(sql('insert-imported-features'), [
        districtId,
        JSON.stringify(batch),
        context?.id,
      ]);
      saved += rows.length;
      onProgress(`  features ${Math.min(i + BATCH, d.features.length)}/${d.features.length}`);
    }
    await tx.query(sql('update-community-stats'), [
      districtId,
      RULES.importEstimates.defaultLevels.value,
      RULES.importEstimates.floorAreaPerHouseholdSqM.value,
    ]);
    await saveImportWarnings(tx, districtId, d.warnings);
    return {
      districtId,
      communities: communityRows.length,
      features: saved,
      dropped: d.features.length - saved,
    };
  });
  await db.exec('ANALYZE district; ANALYZE community; ANALYZE scenario; ANALYZE feature');
  return result;
}
