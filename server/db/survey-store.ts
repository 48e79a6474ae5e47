import type { Feature, Geometry } from 'geojson';
import { STAGE_COLUMNS } from '../survey/build-survey-features';
import type { Database, Executor } from './database';
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
  /** Whether PostGIS knows the SRID (spatial_ref_sys), so ST_Transform can reproject from it. */
  knowsSrid(srid: number): Promise<boolean>;
  /**
   * Stage the rows, then answer what a commit would write (the preview), writing nothing:
   * the features in WGS84, counts per kind, extent, and the invalid geometries.
   */
  preview(rows: StagedRows): Promise<StagedSummary & { features: Feature[] }>;
  /** Longitude of a scenario's community centre, else of all communities (the office's area). */
  nearLongitude(scenarioId?: number): Promise<number | undefined>;
  /**
   * One transaction: refuse a baseline that already has features; COPY the rows into a
   * staging table; reproject, check and repair them in one set-based pass; insert the valid
   * and repaired ones with one INSERT … SELECT; remember the layer mappings. Anything that
   * throws rolls all of it back. `onStep` hears each step (for the progress endpoint).
   */
  commit(
    scenarioId: number,
    rows: StagedRows,
    mappings: Record<string, unknown>,
    userId: number | null,
    onStep?: (step: 'staging' | 'checking' | 'writing') => void,
  ): Promise<
    | ({ ok: true; created: number } & StagedSummary)
    | { ok: false; reason: 'missing' | 'baseline-not-empty' | 'empty' }
  >;
}

/** A survey's features as the worker built them (server/survey/build-survey-features.ts). */
export interface StagedRows {
  /** COPY text rows in STAGE_COLUMNS order. */
  copy: Uint8Array;
  /** SRID of their GeoJSON geometry. */
  srid: number;
}

export interface StagedSummary {
  counts: Record<string, number>;
  /** WGS84 extent of what will be written, null when nothing will. */
  extent: [number, number, number, number] | null;
  invalid: { layer: string; index: number; problem: string; repaired: boolean }[];
}

class Refused extends Error {
  constructor(readonly reason: 'missing' | 'baseline-not-empty' | 'empty') {
    super(reason);
  }
}

const COPY_STAGE = `COPY survey_stage (${STAGE_COLUMNS.join(', ')}) FROM STDIN`;

/** COPY the rows in, then reproject, check and repair them (survey-stage*.sql). */
async function stage(
  tx: Executor,
  rows: StagedRows,
  onStep: (step: 'staging' | 'checking') => void = () => {},
): Promise<StagedSummary> {
  onStep('staging');
  await tx.exec(sql('survey-stage'));
  await tx.copyFrom(COPY_STAGE, rows.copy);
  onStep('checking');
  await tx.query(sql('survey-stage-fix'), [rows.srid]);
  const [row] = await tx.query<{ summary: string }>(sql('survey-stage-summary'));
  return JSON.parse(row!.summary) as StagedSummary;
}

/** Preview properties as the wizard reads them (kind, typed fields, layer and index). */
function previewFeature(r: Record<string, unknown>): Feature {
  const properties: Record<string, unknown> = { kind: r.kind };
  for (const k of ['name', 'category', 'levels', 'width_m', 'height_m', 'households'])
    if (r[k] !== null && r[k] !== undefined)
      properties[k] =
        typeof r[k] === 'string' && k !== 'name' && k !== 'category' ? Number(r[k]) : r[k];
  properties.layer = r.layer;
  properties.index = Number(r.idx);
  return { type: 'Feature', geometry: JSON.parse(String(r.geometry)) as Geometry, properties };
}

/** Thrown to end a preview's transaction: the staging tables go, nothing else was written. */
class PreviewDone extends Error {
  constructor(readonly value: StagedSummary & { features: Feature[] }) {
    super('preview');
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
    async commit(scenarioId, rows, mappings, userId, onStep = () => {}) {
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
          const summary = await stage(tx, rows, onStep);
          if (!Object.keys(summary.counts).length) throw new Refused('empty');
          onStep('writing');
          const [ins] = await tx.query<{ n: number }>(sql('survey-stage-insert'), [scenarioId]);
          for (const [layer, mapping] of Object.entries(mappings)) {
            await tx.query(sql('survey-remember-mapping'), [
              layer,
              JSON.stringify(mapping),
              userId,
            ]);
          }
          return { ok: true as const, created: Number(ins!.n), ...summary };
        });
      } catch (err) {
        if (err instanceof Refused) return { ok: false, reason: err.reason };
        throw err;
      }
    },
    async preview(rows) {
      try {
        await db.transaction(async (tx) => {
          const summary = await stage(tx, rows);
          const features = (await tx.query(sql('survey-stage-features'))).map(previewFeature);
          throw new PreviewDone({ ...summary, features });
        });
      } catch (err) {
        if (err instanceof PreviewDone) return err.value;
        throw err;
      }
      throw new Error('unreachable');
    },
    async knowsSrid(srid) {
      const rows = await db.query('SELECT 1 FROM spatial_ref_sys WHERE srid = $1', [srid]);
      return rows.length > 0;
    },
    async nearLongitude(scenarioId) {
      const [row] = await db.query<{ lon: number | null }>(sql('survey-near-longitude'), [
        scenarioId ?? null,
      ]);
      return row?.lon === null || row?.lon === undefined ? undefined : Number(row.lon);
    },
  };
}
