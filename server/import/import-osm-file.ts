import { basename } from 'node:path';
import type { Bbox } from '../../domain/osm/create-osm-import-collector';
import type { ImportWarning } from '../../domain/osm/import-warning';
import { RULES } from '../../domain/standards/rules';
import type { Database } from '../db/database';
import { sql } from '../db/load-sql';
import { saveImportWarnings } from '../db/save-import-warnings';
import { streamOsmFile, type StreamOsmFileOptions } from './stream-osm-file';

export interface ImportOsmFileOptions extends Omit<StreamOsmFileOptions, 'onFeatures'> {
  /** District name; defaults to the file name without its extensions. */
  readonly name?: string | undefined;
  /** Defaults to the file name with the OSM attribution. */
  readonly source?: string | undefined;
}

export interface ImportOsmFileResult {
  districtId: number;
  name: string;
  communities: number;
  /** Features written (after PostGIS repair). */
  features: number;
  /** Features whose geometry PostGIS could not repair. */
  dropped: number;
  bbox: Bbox;
  warnings: ImportWarning[];
  osmiumPeakRssKb: number;
}

const COMMUNITY_BATCH = 500;

/**
 * Imports an OSM extract of any size as one district, streaming: features go to the
 * database in batches while osmium reads the file (streamOsmFile), so memory stays flat.
 * Everything happens in ONE transaction: a failure, or `signal` aborting (Ctrl-C), leaves no
 * half district. Features land in the context baseline first; once the communities are
 * settled they are inserted, get their baselines, and the features move into them
 * (place-imported-features.sql); then statistics, the extent and the warning list.
 */
export async function importOsmFile(
  db: Database,
  path: string,
  options: ImportOsmFileOptions = {},
): Promise<ImportOsmFileResult> {
  const file = basename(path);
  const name = (options.name ?? file.replace(/(\.osm)?\.(pbf|osm|xml)$/i, '')).trim();
  const source = options.source ?? `${file} (© OpenStreetMap contributors, ODbL 1.0)`;
  const progress = options.onProgress ?? (() => undefined);
  const result = await db.transaction(async (tx) => {
    const [district] = await tx.query<{ id: number }>(sql('insert-district'), [
      name,
      source,
      0,
      0,
      0,
      0,
    ]);
    const districtId = Number(district?.id);
    await tx.query(sql('insert-baselines'), [districtId]);
    const [context] = await tx.query<{ id: number }>(
      `SELECT id FROM scenario WHERE district_id = $1 AND community_id IS NULL AND kind = 'baseline'`,
      [districtId],
    );
    let saved = 0;
    const streamed = await streamOsmFile(path, {
      ...options,
      onFeatures: async (batch) => {
        options.signal?.throwIfAborted();
        await tx.query(sql('insert-staged-features'), [
          districtId,
          JSON.stringify(batch),
          context?.id,
        ]);
        saved += batch.length;
      },
    });
    options.signal?.throwIfAborted();
    const [{ n: stored } = { n: 0 }] = await tx.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM feature WHERE district_id = $1',
      [districtId],
    );
    let communities = 0;
    for (let i = 0; i < streamed.communities.length; i += COMMUNITY_BATCH) {
      const rows = await tx.query(sql('insert-communities'), [
        districtId,
        JSON.stringify(streamed.communities.slice(i, i + COMMUNITY_BATCH)),
      ]);
      communities += rows.length;
    }
    await tx.query(sql('insert-baselines'), [districtId]);
    progress(`  placing ${stored} features in ${communities} communities`);
    await tx.query(sql('place-imported-features'), [districtId, context?.id]);
    await tx.query(sql('update-community-stats'), [
      districtId,
      RULES.importEstimates.defaultLevels.value,
      RULES.importEstimates.floorAreaPerHouseholdSqM.value,
    ]);
    await tx.query(sql('update-district-extent'), [districtId, ...streamed.bbox]);
    await saveImportWarnings(tx, districtId, streamed.warnings);
    options.signal?.throwIfAborted();
    return {
      districtId,
      name,
      communities,
      features: Number(stored),
      dropped: saved - Number(stored),
      bbox: streamed.bbox,
      warnings: streamed.warnings,
      osmiumPeakRssKb: streamed.osmiumPeakRssKb,
    };
  });
  await db.exec('ANALYZE district; ANALYZE community; ANALYZE scenario; ANALYZE feature');
  return result;
}
