import type { Database } from './database';
import { sql, withFeatureJson } from './load-sql';

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

export interface BatchCreate extends FeatureFields {
  kind: string;
  /** Restores lineage: the baseline feature this one copies (checked with `lineageProblems`). */
  sourceId?: number | undefined;
  /** GeoJSON geometry object. */
  geometry: unknown;
}

export interface BatchOps {
  create: BatchCreate[];
  update: ({ id: number; version: number; geometry?: unknown } & FeatureFields)[];
  delete: { id: number; version: number }[];
}

export type BatchOutcome =
  | { ok: true; created: number[]; updated: number[]; deleted: number[] }
  | { ok: false; conflicts: { id: number; reason: 'stale' | 'missing' | 'other-scenario' }[] };

const CLEARABLE = ['name', 'category', 'widthM', 'levels', 'heightM', 'capacity'] as const;

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
    sourceId?: number,
  ): Promise<number>;
  /** Source ids that may NOT be restored as copies in this proposal (see check-lineage.sql). */
  lineageProblems(proposalId: number, sourceIds: number[]): Promise<number[]>;
  updateFeature(
    id: number,
    version: number,
    geojson: string | undefined,
    fields: FeatureFields,
  ): Promise<WriteOutcome>;
  deleteFeature(id: number, version: number): Promise<WriteOutcome>;
  renameScenario(id: number, version: number, name: string): Promise<WriteOutcome>;
  deleteProposal(id: number, version: number): Promise<WriteOutcome>;
  /** Index and reason of each geometry PostGIS rejects, in input order. */
  geometryProblems(geometries: unknown[]): Promise<{ index: number; problem: string }[]>;
  /** How many of the named features each kind has (for the audit log). */
  kindsOf(ids: number[]): Promise<Record<string, number>>;
  /**
   * Creates, updates and deletes in one scenario, in one transaction: if any update or delete
   * names a stale version (or a feature of another scenario), nothing is written.
   */
  applyBatch(scenarioId: number, ops: BatchOps): Promise<BatchOutcome>;
}

/** Thrown inside a batch transaction to roll it back; carries the conflicts. */
class BatchConflict extends Error {
  constructor(
    readonly conflicts: { id: number; reason: 'stale' | 'missing' | 'other-scenario' }[],
  ) {
    super('batch conflict');
  }
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
    async insertFeature(scenarioId, kind, geojson, fields, sourceId) {
      const [row] = await db.query<{ id: number }>(sql('insert-feature'), [
        scenarioId,
        kind,
        geojson,
        ...values(fields),
        sourceId ?? null,
      ]);
      return Number(row?.id);
    },
    async lineageProblems(proposalId, sourceIds) {
      if (sourceIds.length === 0) return [];
      const ok = new Set(
        (await db.query<{ id: number }>(sql('check-lineage'), [proposalId, sourceIds])).map((r) =>
          Number(r.id),
        ),
      );
      return sourceIds.filter((id) => !ok.has(id));
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
    async kindsOf(ids) {
      if (!ids.length) return {};
      const rows = await db.query<{ kind: string; n: number }>(sql('feature-kinds'), [ids]);
      return Object.fromEntries(rows.map((r) => [r.kind, Number(r.n)]));
    },
    async geometryProblems(geometries) {
      if (geometries.length === 0) return [];
      const rows = await db.query<{ index: number; problem: string }>(
        sql('geometry-problems-batch'),
        [JSON.stringify(geometries)],
      );
      return rows.map((r) => ({ index: Number(r.index), problem: r.problem }));
    },
    async applyBatch(scenarioId, ops) {
      try {
        return await db.transaction(async (tx) => {
          // Every named feature must belong to this scenario and be at the version the user saw.
          const named = [...ops.update, ...ops.delete];
          const conflicts: BatchConflict['conflicts'] = [];
          if (named.length) {
            const rows = await tx.query<{ id: number; version: number; scenario_id: number }>(
              'SELECT id, version, scenario_id FROM feature WHERE id = ANY ($1::bigint[]) FOR UPDATE',
              [named.map((n) => n.id)],
            );
            const byId = new Map(rows.map((r) => [Number(r.id), r]));
            for (const n of named) {
              const row = byId.get(n.id);
              if (!row) conflicts.push({ id: n.id, reason: 'missing' });
              else if (Number(row.scenario_id) !== scenarioId)
                conflicts.push({ id: n.id, reason: 'other-scenario' });
              else if (Number(row.version) !== n.version)
                conflicts.push({ id: n.id, reason: 'stale' });
            }
          }
          if (conflicts.length) throw new BatchConflict(conflicts);
          for (const d of ops.delete) await tx.query(sql('delete-feature'), [d.id, d.version]);
          for (const u of ops.update) {
            const clear = CLEARABLE.filter((k) => u[k] === null);
            const geojson = u.geometry === undefined ? null : JSON.stringify(u.geometry);
            await tx.query(sql('update-feature'), [u.id, u.version, geojson, ...values(u), clear]);
          }
          const created = ops.create.length
            ? await tx.query<{ id: number }>(sql('insert-features-batch'), [
                scenarioId,
                JSON.stringify(ops.create),
              ])
            : [];
          return {
            ok: true as const,
            created: created.map((r) => Number(r.id)),
            updated: ops.update.map((u) => u.id),
            deleted: ops.delete.map((d) => d.id),
          };
        });
      } catch (err) {
        if (err instanceof BatchConflict) return { ok: false, conflicts: err.conflicts };
        throw err;
      }
    },
  };
}
