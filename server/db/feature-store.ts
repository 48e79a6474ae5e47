import type { Database } from './database';
import { sql } from './load-sql';

/** Typed columns a feature write may set (DESIGN.md layer properties). */
export interface FeatureFields {
  name?: string | null | undefined;
  category?: string | null | undefined;
  widthM?: number | null | undefined;
  levels?: number | null | undefined;
  heightM?: number | null | undefined;
  capacity?: number | null | undefined;
  props?: Record<string, unknown> | undefined;
}

export interface StoredFeature {
  /** GeoJSON Feature text. */
  json: string;
  scenarioId: number;
  scenarioKind: 'baseline' | 'proposal';
  version: number;
}

export type WriteOutcome = { ok: true; id: number } | { ok: false; reason: 'stale' | 'missing' };

const CLEARABLE = ['name', 'category', 'widthM', 'levels', 'heightM', 'capacity'] as const;

const withFeatureJson = (name: string): string =>
  sql(name).replace(
    '{{FEATURE_JSON}}',
    sql('feature-json')
      .replace(/^--.*\n/gm, '')
      .trim(),
  );

/**
 * Feature and scenario writes with optimistic concurrency: every write names the version the
 * user last saw; a stale one changes nothing and says so, so the client can keep the user's
 * edit and show what changed meanwhile.
 */
export interface FeatureStore {
  getFeature(id: number): Promise<StoredFeature | undefined>;
  /** Why PostGIS rejects this GeoJSON geometry (self-intersection …), or undefined if valid. */
  geometryProblem(geojson: string): Promise<string | undefined>;
  insertFeature(
    scenarioId: number,
    kind: string,
    geojson: string,
    fields: FeatureFields,
  ): Promise<number>;
  updateFeature(
    id: number,
    version: number,
    geojson: string | undefined,
    fields: FeatureFields,
  ): Promise<WriteOutcome>;
  deleteFeature(id: number, version: number): Promise<WriteOutcome>;
  renameScenario(id: number, version: number, name: string): Promise<WriteOutcome>;
  deleteProposal(id: number, version: number): Promise<WriteOutcome>;
}

export function makeFeatureStore(db: Database): FeatureStore {
  const outcome = async (
    rows: { id: number }[],
    exists: () => Promise<boolean>,
  ): Promise<WriteOutcome> => {
    if (rows[0]) return { ok: true, id: Number(rows[0].id) };
    return { ok: false, reason: (await exists()) ? 'stale' : 'missing' };
  };
  const featureExists = (id: number) => async () =>
    (await db.query('SELECT 1 FROM feature WHERE id = $1', [id])).length > 0;
  const scenarioExists = (id: number) => async () =>
    (await db.query('SELECT 1 FROM scenario WHERE id = $1', [id])).length > 0;
  const values = (f: FeatureFields) => [
    f.name ?? null,
    f.category ?? null,
    f.widthM ?? null,
    f.levels ?? null,
    f.heightM ?? null,
    f.capacity ?? null,
    f.props === undefined ? null : JSON.stringify(f.props),
  ];

  return {
    async getFeature(id) {
      const [row] = await db.query<{
        feature: string;
        scenarioKind: 'baseline' | 'proposal';
        scenarioId: number;
        version: number;
      }>(withFeatureJson('get-feature'), [id]);
      return row
        ? {
            json: row.feature,
            scenarioKind: row.scenarioKind,
            scenarioId: Number(row.scenarioId),
            version: Number(row.version),
          }
        : undefined;
    },
    async geometryProblem(geojson) {
      const [row] = await db.query<{ problem: string | null }>(sql('geometry-problem'), [geojson]);
      return row?.problem ?? undefined;
    },
    async insertFeature(scenarioId, kind, geojson, fields) {
      const [row] = await db.query<{ id: number }>(sql('insert-feature'), [
        scenarioId,
        kind,
        geojson,
        ...values(fields),
      ]);
      return Number(row?.id);
    },
    async updateFeature(id, version, geojson, fields) {
      const clear = CLEARABLE.filter((k) => fields[k] === null);
      const rows = await db.query<{ id: number }>(sql('update-feature'), [
        id,
        version,
        geojson ?? null,
        ...values(fields),
        clear,
      ]);
      return outcome(rows, featureExists(id));
    },
    async deleteFeature(id, version) {
      return outcome(
        await db.query<{ id: number }>(sql('delete-feature'), [id, version]),
        featureExists(id),
      );
    },
    async renameScenario(id, version, name) {
      return outcome(
        await db.query<{ id: number }>(sql('rename-scenario'), [id, version, name]),
        scenarioExists(id),
      );
    },
    async deleteProposal(id, version) {
      return outcome(
        await db.query<{ id: number }>(sql('delete-proposal'), [id, version]),
        scenarioExists(id),
      );
    },
  };
}
