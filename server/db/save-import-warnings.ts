import type { ImportWarning } from '../../domain/osm/import-warning';
import type { Executor } from './database';
import { sql } from './load-sql';

const BATCH = 5000;

/** Stores a district's complete import warning list, in order, inside the import's transaction. */
export async function saveImportWarnings(
  tx: Executor,
  districtId: number,
  warnings: readonly ImportWarning[],
): Promise<void> {
  for (let i = 0; i < warnings.length; i += BATCH) {
    const rows = warnings.slice(i, i + BATCH).map((w, k) => ({ seq: i + k + 1, ...w }));
    await tx.query(sql('insert-import-warnings'), [districtId, JSON.stringify(rows)]);
  }
}
