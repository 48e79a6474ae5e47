import { basename } from 'node:path';
import type { Bbox } from '../../domain/osm/create-osm-import-collector';
import type { ImportedFeature } from '../../domain/osm/imported-district';
import type { ImportWarning } from '../../domain/osm/import-warning';
import { RULES } from '../../domain/standards/rules';
import { copyTextField as field } from '../db/copy-text';
import type { Database } from '../db/database';
import { sql } from '../db/load-sql';
import { saveImportWarnings } from '../db/save-import-warnings';
import {
  streamOsmFile,
  type StreamOsmFileOptions,
  type StreamOsmFileResult,
} from './stream-osm-file';

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

const COPY_STAGE =
  'COPY import_stage (kind, osm_ref, name, category, width_m, width_estimated, levels, height_m, capacity, props, geojson) FROM STDIN';

/** A batch of features as COPY text rows for import_stage (create-import-stage.sql). */
const stageRows = (batch: readonly ImportedFeature[]): string => {
  let out = '';
  for (const f of batch) {
    out +=
      `${field(f.kind)}\t${field(f.osmRef)}\t${field(f.name)}\t${field(f.category)}\t` +
      `${field(f.widthM)}\t${field(f.widthEstimated)}\t${field(f.levels)}\t${field(f.heightM)}\t` +
      `${field(f.capacity)}\t${field(JSON.stringify(f.props))}\t${field(JSON.stringify(f.geometry))}\n`;
  }
  return out;
};

/**
 * Imports an OSM extract of any size as one district, streaming: features go to the
 * database in batches while osmium reads the file (streamOsmFile), so memory stays flat.
 * Everything happens in ONE transaction: a failure, or `signal` aborting (Ctrl-C), leaves no
 * half district. Each batch is COPYed into a temporary staging table (no index, no WAL); once
 * the communities are settled they are inserted with their baselines, and one statement parses,
 * repairs and places every staged feature into feature (insert-stage-features.sql); then
 * statistics, the extent and the warning list.
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
    await tx.query(sql('create-import-stage'));
    // A bulk statement: PostgreSQL's JIT spent longer compiling it than running it.
    if (db.engine === 'postgres') await tx.exec('SET LOCAL jit = off');
    let saved = 0;
    let stored = 0;
    // One batch is written while the next is read and classified (on PostgreSQL the server
    // works in parallel with this process): COPY into the staging table, one INSERT … SELECT
    // into feature (context baseline), empty the stage.
    const write = async (rows: string): Promise<void> => {
      await tx.copyFrom(COPY_STAGE, rows);
      const [written] = await tx.query<{ n: number }>(sql('insert-stage-features'), [
        districtId,
        context?.id,
      ]);
      stored += Number(written?.n ?? 0);
      await tx.exec('TRUNCATE import_stage');
    };
    let inFlight: Promise<void> = Promise.resolve();
    let streamed: StreamOsmFileResult;
    try {
      streamed = await streamOsmFile(path, {
        ...options,
        onFeatures: async (batch) => {
          await inFlight;
          options.signal?.throwIfAborted();
          saved += batch.length;
          inFlight = write(stageRows(batch));
          inFlight.catch(() => undefined); // awaited by the next batch or below
        },
      });
    } finally {
      await inFlight;
    }
    options.signal?.throwIfAborted();
    let communities = 0;
    for (let i = 0; i < streamed.communities.length; i += COMMUNITY_BATCH) {
      const rows = await tx.query(sql('insert-communities'), [
        districtId,
        JSON.stringify(streamed.communities.slice(i, i + COMMUNITY_BATCH)),
      ]);
      communities += rows.length;
    }
    await tx.query(sql('insert-baselines'), [districtId]);
    // The planner must see the new rows to use the spatial indexes for the placement.
    await tx.exec('ANALYZE community; ANALYZE scenario; ANALYZE feature');
    progress(`  placing ${stored} features in ${communities} communities`);
    await tx.query(sql('place-imported-features'), [districtId, context?.id]);
    options.signal?.throwIfAborted();
    await tx.query(sql('update-community-stats'), [
      districtId,
      RULES.importEstimates.defaultLevels.value,
      RULES.importEstimates.floorAreaPerHouseholdSqM.value,
    ]);
    const [extent] = await tx.query<{ west: number; south: number; east: number; north: number }>(
      sql('update-district-extent'),
      [districtId, ...streamed.bbox],
    );
    const bbox: Bbox = extent
      ? [Number(extent.west), Number(extent.south), Number(extent.east), Number(extent.north)]
      : streamed.bbox;
    await saveImportWarnings(tx, districtId, streamed.warnings);
    options.signal?.throwIfAborted();
    return {
      districtId,
      name,
      communities,
      features: Number(stored),
      dropped: saved - Number(stored),
      bbox,
      warnings: streamed.warnings,
      osmiumPeakRssKb: streamed.osmiumPeakRssKb,
    };
  });
  await db.exec('ANALYZE district; ANALYZE community; ANALYZE scenario; ANALYZE feature');
  return result;
}
