import type { Database } from './database';
import { sql } from './load-sql';

export interface SurveyUploadRow {
  id: string;
  fileName: string;
  format: string;
  bytes: Buffer;
  summary: Record<string, unknown>;
  createdBy: number | null;
}

/** Survey uploads (24 h) and the office's remembered layer mappings (migration 007). */
export interface SurveyStore {
  saveUpload(u: Omit<SurveyUploadRow, 'bytes'> & { bytes: Buffer }): Promise<void>;
  /** The upload, unless unknown or expired. */
  getUpload(id: string): Promise<SurveyUploadRow | undefined>;
  mappings(layerNames?: string[]): Promise<Record<string, unknown>>;
  repairGeometries(geometries: unknown[]): Promise<(unknown | null)[]>;
  /** Longitude of a scenario's community centre, else of all communities (the office's area). */
  nearLongitude(scenarioId?: number): Promise<number | undefined>;
  /**
   * One transaction: refuse a baseline that already has features, insert every feature (in
   * chunks, so a file of 100k features never builds one giant statement), remember the layer
   * mappings. Anything that throws rolls all of it back.
   */
  commit(
    scenarioId: number,
    creates: SurveyCreate[],
    mappings: Record<string, unknown>,
    userId: number | null,
  ): Promise<{ ok: true; ids: number[] } | { ok: false; reason: 'missing' | 'baseline-not-empty' }>;
}

export interface SurveyCreate {
  kind: string;
  geometry: unknown;
  name?: string | undefined;
  category?: string | undefined;
  levels?: number | undefined;
  widthM?: number | undefined;
  heightM?: number | undefined;
  props?: Record<string, unknown>;
}

/** Rows per INSERT … SELECT FROM json_array_elements (same cap as an edit batch). */
const CHUNK = 2000;

class Refused extends Error {
  constructor(readonly reason: 'missing' | 'baseline-not-empty') {
    super(reason);
  }
}

export function makeSurveyStore(db: Database): SurveyStore {
  return {
    async saveUpload(u) {
      await db.query('DELETE FROM survey_upload WHERE expires_at < now()');
      await db.query(
        `INSERT INTO survey_upload (id, file_name, format, bytes, summary, created_by)
         VALUES ($1, $2, $3, $4, $5::jsonb, $6)`,
        [u.id, u.fileName, u.format, u.bytes, JSON.stringify(u.summary), u.createdBy],
      );
    },
    async getUpload(id) {
      const [row] = await db.query<{
        id: string;
        file_name: string;
        format: string;
        bytes: Uint8Array;
        summary: Record<string, unknown> | string;
        created_by: number | null;
      }>(
        `SELECT id::text, file_name, format, bytes, summary, created_by
         FROM survey_upload WHERE id = $1::uuid AND expires_at > now()`,
        [id],
      );
      if (!row) return undefined;
      return {
        id: row.id,
        fileName: row.file_name,
        format: row.format,
        bytes: Buffer.from(row.bytes),
        summary: typeof row.summary === 'string' ? JSON.parse(row.summary) : row.summary,
        createdBy: row.created_by === null ? null : Number(row.created_by),
      };
    },
    async mappings(layerNames) {
      const rows = await db.query<{ layer_name: string; mapping: unknown }>(
        layerNames
          ? 'SELECT layer_name, mapping FROM survey_layer_mapping WHERE layer_name = ANY ($1::text[]) ORDER BY layer_name'
          : 'SELECT layer_name, mapping FROM survey_layer_mapping ORDER BY layer_name',
        layerNames ? [layerNames] : [],
      );
      return Object.fromEntries(
        rows.map((r) => [
          r.layer_name,
          typeof r.mapping === 'string' ? JSON.parse(r.mapping) : r.mapping,
        ]),
      );
    },
    async commit(scenarioId, creates, mappings, userId) {
      try {
        return await db.transaction(async (tx) => {
          const [s] = await tx.query<{ kind: string }>(
            'SELECT kind FROM scenario WHERE id = $1 FOR UPDATE',
            [scenarioId],
          );
          if (!s) throw new Refused('missing');
          if (s.kind === 'baseline') {
            const [has] = await tx.query('SELECT 1 FROM feature WHERE scenario_id = $1 LIMIT 1', [
              scenarioId,
            ]);
            if (has) throw new Refused('baseline-not-empty');
          }
          const ids: number[] = [];
          for (let i = 0; i < creates.length; i += CHUNK) {
            const rows = await tx.query<{ id: number }>(sql('insert-features-batch'), [
              scenarioId,
              JSON.stringify(creates.slice(i, i + CHUNK)),
            ]);
            ids.push(...rows.map((r) => Number(r.id)));
          }
          for (const [layer, mapping] of Object.entries(mappings)) {
            await tx.query(sql('survey-remember-mapping'), [
              layer,
              JSON.stringify(mapping),
              userId,
            ]);
          }
          return { ok: true as const, ids };
        });
      } catch (err) {
        if (err instanceof Refused) return { ok: false, reason: err.reason };
        throw err;
      }
    },
    async nearLongitude(scenarioId) {
      const [row] = await db.query<{ lon: number | null }>(sql('survey-near-longitude'), [
        scenarioId ?? null,
      ]);
      return row?.lon === null || row?.lon === undefined ? undefined : Number(row.lon);
    },
    async repairGeometries(geometries) {
      if (!geometries.length) return [];
      const rows = await db.query<{ index: number; repaired: string | null }>(
        sql('survey-repair-geometries'),
        [JSON.stringify(geometries)],
      );
      return rows.map((r) => (r.repaired ? JSON.parse(r.repaired) : null));
    },
  };
}
