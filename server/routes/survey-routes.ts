import { randomUUID } from 'node:crypto';
import express, { Router, type Request, type RequestHandler, type Response } from 'express';
import multer from 'multer';
import { z } from 'zod';
import { SURVEY_KINDS } from '../../domain/survey/guess-layer-kind';
import type { AuditNote } from '../auth/audit-log';
import type { AccountStore } from '../auth/account-store';
import { checkScope } from '../auth/authorize';
import { currentUser } from '../auth/session-user';
import type { Catalog } from '../db/catalog';
import type { StagedSummary, SurveyStore } from '../db/survey-store';
import { ApiError, notFound, type Bilingual } from '../http/api-error';
import { parse } from '../http/parse';
import type { SurveyRequest, SurveyRows } from '../survey/build-survey-features';
import type { SurveyScan } from '../survey/scan-survey';
import { sharedSurveyPool, type SurveyPool } from '../work/survey-pool';

/** Survey files: a 小区 DXF is a few MB; shapefile zips of a district stay well below this. */
const MAX_UPLOAD_BYTES = 50 * 1024 * 1024;
const UPLOAD = { zh: '上传的测绘文件', en: 'Survey upload' };
const nothingToImport = () =>
  new ApiError('VALIDATION', {
    zh: '映射后没有可导入的要素',
    en: 'No features to import with this mapping',
  });

const uploadParams = z.object({ uploadId: z.uuid() });
const uploadQuery = z.object({
  fileName: z.string().min(1).max(255).optional(),
  scenarioId: z.coerce.number().int().positive().optional(),
});
const crsSchema = z
  .string()
  .regex(/^(wgs84|gcj02|bd09|local|EPSG:\d{4,5})$/, 'crs: wgs84, gcj02, bd09, local or EPSG:nnnn');
const fieldsSchema = z
  .object({
    name: z.string(),
    levels: z.string(),
    width_m: z.string(),
    households: z.string(),
    category: z.string(),
    height_m: z.string(),
  })
  .partial();
const xy = z.tuple([z.number(), z.number()]);
export const surveyBodySchema = z.object({
  scenarioId: z.number().int().positive(),
  crs: crsSchema,
  units: z.enum(['m', 'mm']).default('m'),
  local: z
    .object({
      helmert: z
        .object({
          dx: z.number(),
          dy: z.number(),
          scale: z.number().positive(),
          rotationDeg: z.number(),
          base: z
            .string()
            .regex(/^EPSG:\d{4,5}$/)
            .optional(),
        })
        .optional(),
      controlPoints: z
        .array(z.object({ source: xy, target: xy }))
        .max(100)
        .optional(),
    })
    .optional(),
  mapping: z.record(
    z.string(),
    z.object({
      kind: z.enum(SURVEY_KINDS),
      category: z.string().max(100).optional(),
      fields: fieldsSchema.optional(),
    }),
  ),
  labels: z.boolean().default(false),
});

function uploadBody(): RequestHandler {
  const multipart = multer({
    storage: multer.memoryStorage(),
    limits: { fileSize: MAX_UPLOAD_BYTES, files: 1 },
  }).single('file');
  const raw = express.raw({ type: () => true, limit: MAX_UPLOAD_BYTES });
  return (req, res, next) => {
    if (!req.is('multipart/form-data')) return raw(req, res, next);
    multipart(req, res, (err?: unknown) => {
      if ((err as { code?: string } | undefined)?.code === 'LIMIT_FILE_SIZE')
        return next(
          new ApiError('PAYLOAD_TOO_LARGE', {
            zh: '测绘文件过大 (上限 50 MB)',
            en: 'The survey file is too large (limit 50 MB)',
          }),
        );
      next(err);
    });
  };
}

function readUpload(
  req: Request,
  fileName: string | undefined,
): { bytes: Buffer; fileName: string } {
  const file = (req as Request & { file?: { buffer: Buffer; originalname: string } }).file;
  if (file)
    return {
      bytes: file.buffer,
      fileName: Buffer.from(file.originalname, 'latin1').toString('utf8'),
    };
  if (!Buffer.isBuffer(req.body) || req.body.length === 0 || !fileName) {
    req.body = {};
    throw new ApiError('BAD_REQUEST', {
      zh: '请上传测绘文件: multipart 字段 file, 或请求体为文件内容并带 ?fileName=',
      en: 'Upload the survey file: multipart field "file", or the raw body with ?fileName=',
    });
  }
  return { bytes: req.body, fileName };
}

/** One survey job's progress, polled by the wizard (GET /survey/progress/:progressId). */
export interface SurveyProgress {
  /** starting: reading the stored upload, checking scope, starting a worker thread;
   * queued: waiting for a GDAL place; reading: GDAL + feature building (done/total features);
   * staging: COPY into the staging table; checking: reproject, validate, repair;
   * writing: the INSERT; done / failed. */
  phase: 'starting' | 'queued' | 'reading' | 'staging' | 'checking' | 'writing' | 'done' | 'failed';
  done: number;
  total: number;
  /** Place in the queue while queued (1 = next). */
  position?: number;
}

/** Progress is kept this long after its last change (the wizard polls every few hundred ms). */
const PROGRESS_TTL_MS = 10 * 60_000;
const progressQuery = z.object({ progress: z.uuid().optional() });
const progressParams = z.object({ progressId: z.uuid() });

/**
 * Jobs' progress in this process, by the id the client chose (?progress=<uuid>) and its user:
 * nobody reads another account's progress. One API process answers the job and its polls; a
 * deployment behind several replicas needs sticky sessions for the bar to move.
 */
class ProgressBoard {
  private readonly jobs = new Map<
    string,
    { userId: number | null; at: number; progress: SurveyProgress }
  >();

  track(id: string | undefined, userId: number | null) {
    const now = Date.now();
    for (const [k, v] of this.jobs) if (now - v.at > PROGRESS_TTL_MS) this.jobs.delete(k);
    const set = (p: Partial<SurveyProgress>) => {
      if (!id) return;
      const prev = this.jobs.get(id)?.progress ?? { phase: 'starting', done: 0, total: 0 };
      const next: SurveyProgress = { ...prev, ...p };
      if (next.phase !== 'queued') delete next.position;
      this.jobs.set(id, { userId, at: Date.now(), progress: next });
    };
    set({ phase: 'starting', done: 0, total: 0 });
    return {
      set,
      hooks: {
        onQueued: (position: number) => set({ phase: 'queued', position }),
        onProgress: (done: number, total: number) => set({ phase: 'reading', done, total }),
      },
    };
  }

  get(id: string, userId: number | null): SurveyProgress | undefined {
    const job = this.jobs.get(id);
    return job && job.userId === userId ? job.progress : undefined;
  }
}

/** An abort signal that fires when the client goes away before its answer is sent. */
function clientGone(res: Response): AbortSignal {
  const abort = new AbortController();
  res.on('close', () => {
    if (!res.writableEnded) abort.abort(new Error('client disconnected'));
  });
  return abort.signal;
}

/**
 * The survey import (issue #11 item 1, docs/survey-import-api.md §1–4): upload a DXF /
 * Shapefile zip / GeoPackage / KML / GeoJSON / CSV (kept 24 h in survey_upload), preview the
 * mapped, reprojected and validated features, commit them in one transaction into a proposal or
 * an empty baseline, and read the office's remembered layer mappings.
 */
export function surveyRoutes(deps: {
  catalog: Catalog;
  survey: SurveyStore;
  accounts: Pick<AccountStore, 'resolveScope'>;
  /** GDAL reads and feature building, off the event loop behind an admission queue. */
  pool?: SurveyPool;
}): Router {
  const { catalog, survey } = deps;
  const pool = deps.pool ?? sharedSurveyPool();
  const board = new ProgressBoard();
  const r = Router();

  // A full queue is refused before a 50 MB body is read (as analyses are, issue 18).
  r.use('/survey/uploads', (req, res, next) => {
    if (req.method !== 'POST' || !pool.full) return next();
    res.set('Connection', 'close');
    next(pool.busyError());
  });

  r.get('/survey/progress/:progressId', (req, res) => {
    const { progressId } = parse(progressParams, req.params);
    const p = board.get(progressId, currentUser(res)?.id ?? null);
    if (!p) throw notFound({ zh: '导入进度', en: 'Import progress' }, progressId);
    res.json(p);
  });

  r.post('/survey/uploads', uploadBody(), async (req, res) => {
    const q = parse(uploadQuery.extend(progressQuery.shape), req.query);
    const { bytes, fileName } = readUpload(req, q.fileName);
    req.body = { fileName, bytes: bytes.length };
    const nearLon = await survey.nearLongitude(q.scenarioId);
    const job = board.track(q.progress, currentUser(res)?.id ?? null);
    let scan: SurveyScan;
    try {
      scan = await pool.scan(bytes, fileName, nearLon, { ...job.hooks, signal: clientGone(res) });
    } catch (err) {
      job.set({ phase: 'failed' });
      throw err;
    }
    job.set({ phase: 'done' });
    const uploadId = randomUUID();
    await survey.saveUpload({
      id: uploadId,
      fileName,
      format: scan.format,
      bytes,
      summary: scan as unknown as Record<string, unknown>,
      createdBy: currentUser(res)?.id ?? null,
    });
    const remembered = await survey.mappings(scan.layers.map((l) => l.name));
    res.locals.audit = {
      entity: 'survey_upload',
      summary: { fileName, format: scan.format, layers: scan.layers.length },
    } satisfies AuditNote;
    res.status(201).json({ uploadId, ...scan, remembered });
  });

  /**
   * Check the request, then read, map and build the features in the survey pool (GDAL, off
   * the event loop); shared by preview and commit. The rows are staged by the store.
   */
  const prepare = async (req: Request, res: Response, job: ReturnType<ProgressBoard['track']>) => {
    const { uploadId } = parse(uploadParams, req.params);
    const body = parse(surveyBodySchema, req.body ?? {});
    const upload = await survey.getUpload(uploadId);
    if (!upload) throw notFound(UPLOAD, uploadId);
    // The target scenario is in the body, out of the permission table's reach: a planner
    // imports only into their own communities, and never into a proposal under review.
    const user = currentUser(res);
    if (user) await checkScope(deps.accounts, 'scenario-edit', body.scenarioId, user);
    const scenario = await catalog.getScenario(body.scenarioId);
    if (!scenario) throw notFound({ zh: '方案', en: 'Scenario' }, body.scenarioId);
    const unknownSrid = (srid: number) =>
      new ApiError('VALIDATION', {
        zh: `PostGIS 不认识坐标系 EPSG:${srid}, 无法转换`,
        en: `PostGIS does not know EPSG:${srid} and cannot reproject from it`,
      });
    const asked = Number(/^EPSG:(\d+)$/.exec(body.local?.helmert?.base ?? body.crs)?.[1]);
    if (asked && !(await survey.knowsSrid(asked))) throw unknownSrid(asked);
    const built = await pool.build(upload.bytes, upload.fileName, body as SurveyRequest, {
      ...job.hooks,
      signal: clientGone(res),
    });
    if (built.srid !== asked && !(await survey.knowsSrid(built.srid)))
      throw unknownSrid(built.srid);
    return { body, scenario, built };
  };

  /** The refused and repaired geometries as the wizard lists them, both languages. */
  const invalidList = (
    staged: StagedSummary['invalid'],
    unusable: SurveyRows['unusable'],
  ): { layer: string; index: number; reason: Bilingual; repaired: boolean }[] => [
    ...staged.map((p) => ({
      layer: p.layer,
      index: p.index,
      reason: { zh: `几何无效: ${p.problem}`, en: `invalid geometry: ${p.problem}` },
      repaired: p.repaired,
    })),
    ...unusable.map((u) => ({ ...u, repaired: false })),
  ];

  /** Run a job: its progress ends done, or failed when it throws. */
  const tracked = async <T>(
    req: Request,
    res: Response,
    fn: (job: ReturnType<ProgressBoard['track']>) => Promise<T>,
  ): Promise<T> => {
    const { progress } = parse(progressQuery, req.query);
    const job = board.track(progress, currentUser(res)?.id ?? null);
    try {
      const value = await fn(job);
      job.set({ phase: 'done' });
      return value;
    } catch (err) {
      job.set({ phase: 'failed' });
      throw err;
    }
  };

  r.post('/survey/uploads/:uploadId/preview', async (req, res) => {
    const answer = await tracked(req, res, async (job) => {
      const p = await prepare(req, res, job);
      job.set({ phase: 'checking' });
      const staged = await survey.preview(p.built);
      const invalid = invalidList(staged.invalid, p.built.unusable);
      return {
        features: { type: 'FeatureCollection', features: staged.features },
        counts: staged.counts,
        invalid,
        refused: invalid.filter((i) => !i.repaired).length,
        residual: p.built.residual,
        bounds: staged.extent ?? p.built.sourceBounds,
      };
    });
    res.json(answer);
  });

  r.post('/survey/uploads/:uploadId/commit', async (req, res) => {
    const { p, outcome } = await tracked(req, res, async (job) => {
      const p = await prepare(req, res, job);
      if (p.built.count === 0) throw nothingToImport();
      const mappings = Object.fromEntries(Object.entries(p.body.mapping));
      const outcome = await survey.commit(
        p.scenario.id,
        p.built,
        mappings,
        currentUser(res)?.id ?? null,
        (phase) => job.set({ phase }),
      );
      if (!outcome.ok) {
        if (outcome.reason === 'missing')
          throw notFound({ zh: '方案', en: 'Scenario' }, p.scenario.id);
        if (outcome.reason === 'empty') throw nothingToImport();
        throw new ApiError('CONFLICT', {
          zh: '现状已有要素: 测绘只能导入到方案, 或导入到尚无要素的新现状',
          en: 'The baseline already has features: import into a proposal, or into a new, empty baseline',
        });
      }
      return { p, outcome };
    });
    const scenarioId = p.scenario.id;
    const refused = invalidList(outcome.invalid, p.built.unusable).filter(
      (i) => !i.repaired,
    ).length;
    res.locals.audit = {
      entity: 'scenario',
      entityId: scenarioId,
      scenarioId,
      communityId: p.scenario.communityId,
      summary: {
        kinds: { created: outcome.counts },
        survey: { uploadId: req.params.uploadId, refused },
      },
    } satisfies AuditNote;
    res.status(201).json({ scenarioId, created: outcome.created, counts: outcome.counts });
  });

  r.get('/survey/mappings', async (_req, res) => {
    res.json(await survey.mappings());
  });

  return r;
}
