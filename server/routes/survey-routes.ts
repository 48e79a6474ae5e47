import { randomUUID } from 'node:crypto';
import express, { Router, type Request, type RequestHandler, type Response } from 'express';
import multer from 'multer';
import { z } from 'zod';
import type { Feature } from 'geojson';
import { SURVEY_KINDS } from '../../domain/survey/guess-layer-kind';
import type { AuditNote } from '../auth/audit-log';
import type { AccountStore } from '../auth/account-store';
import { checkScope } from '../auth/authorize';
import { currentUser } from '../auth/session-user';
import type { Catalog } from '../db/catalog';
import type { FeatureStore } from '../db/feature-store';
import type { SurveyCreate, SurveyStore } from '../db/survey-store';
import { ApiError, notFound } from '../http/api-error';
import { parse } from '../http/parse';
import { buildSurveyFeatures, type SurveyRequest } from '../survey/build-survey-features';
import { scanSurvey } from '../survey/scan-survey';

/** Survey files: a 小区 DXF is a few MB; shapefile zips of a district stay well below this. */
const MAX_UPLOAD_BYTES = 50 * 1024 * 1024;
const UPLOAD = { zh: '上传的测绘文件', en: 'Survey upload' };

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

/** Typed feature columns from the preview's properties; the rest goes to props. */
function toCreate(f: Feature): SurveyCreate {
  const { kind, name, category, levels, width_m, height_m, households, layer, index } =
    f.properties as Record<string, unknown>;
  return {
    kind: String(kind),
    geometry: f.geometry,
    name: typeof name === 'string' ? name.slice(0, 200) : undefined,
    category: typeof category === 'string' ? category : undefined,
    levels: typeof levels === 'number' && levels > 0 && levels < 300 ? levels : undefined,
    widthM: typeof width_m === 'number' && width_m > 0 && width_m < 500 ? width_m : undefined,
    heightM: typeof height_m === 'number' && height_m > 0 && height_m < 1000 ? height_m : undefined,
    props: {
      source: 'survey',
      surveyLayer: layer,
      surveyIndex: index,
      ...(typeof households === 'number' ? { households } : {}),
    },
  };
}

const countKinds = (features: Feature[]): Record<string, number> => {
  const out: Record<string, number> = {};
  for (const f of features) {
    const k = String(f.properties?.kind);
    out[k] = (out[k] ?? 0) + 1;
  }
  return out;
};

/**
 * The survey import (issue #11 item 1, docs/survey-import-api.md §1–4): upload a DXF /
 * Shapefile zip / GeoPackage / KML / GeoJSON / CSV (kept 24 h in survey_upload), preview the
 * mapped, reprojected and validated features, commit them in one transaction into a proposal or
 * an empty baseline, and read the office's remembered layer mappings.
 */
export function surveyRoutes(deps: {
  catalog: Catalog;
  store: FeatureStore;
  survey: SurveyStore;
  accounts: Pick<AccountStore, 'resolveScope'>;
}): Router {
  const { catalog, store, survey } = deps;
  const r = Router();

  r.post('/survey/uploads', uploadBody(), async (req, res) => {
    const q = parse(uploadQuery, req.query);
    const { bytes, fileName } = readUpload(req, q.fileName);
    req.body = { fileName, bytes: bytes.length };
    const nearLon = await survey.nearLongitude(q.scenarioId);
    const scan = await scanSurvey(bytes, fileName, nearLon);
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

  /** Read, map, reproject and validate; shared by preview and commit. */
  const prepare = async (req: Request, res: Response) => {
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
    const built = await buildSurveyFeatures(upload.bytes, upload.fileName, body as SurveyRequest);
    // The feature store's own check (PostGIS ST_IsValid), then ST_MakeValid for the invalid.
    const problems = await store.geometryProblems(built.features.map((f) => f.geometry));
    const repaired = await survey.repairGeometries(
      problems.map((p) => built.features[p.index]!.geometry),
    );
    const refusedAt = new Set<number>();
    const invalid = problems.map((p, i) => {
      const f = built.features[p.index]!;
      const fix = repaired[i];
      if (fix) f.geometry = fix as Feature['geometry'];
      else refusedAt.add(p.index);
      return {
        layer: String(f.properties?.layer),
        index: Number(f.properties?.index),
        reason: { zh: `几何无效: ${p.problem}`, en: `invalid geometry: ${p.problem}` },
        repaired: Boolean(fix),
      };
    });
    for (const u of built.unusable) invalid.push({ ...u, repaired: false });
    const features = built.features.filter((_, i) => !refusedAt.has(i));
    return {
      body,
      scenario,
      built,
      features,
      invalid,
      refused: refusedAt.size + built.unusable.length,
    };
  };

  r.post('/survey/uploads/:uploadId/preview', async (req, res) => {
    const p = await prepare(req, res);
    res.json({
      features: { type: 'FeatureCollection', features: p.features },
      counts: countKinds(p.features),
      invalid: p.invalid,
      refused: p.refused,
      residual: p.built.residual,
      bounds: p.built.bounds,
    });
  });

  r.post('/survey/uploads/:uploadId/commit', async (req, res) => {
    const p = await prepare(req, res);
    const scenarioId = p.scenario.id;
    if (p.features.length === 0)
      throw new ApiError('VALIDATION', {
        zh: '映射后没有可导入的要素',
        en: 'No features to import with this mapping',
      });
    const mappings = Object.fromEntries(Object.entries(p.body.mapping));
    const outcome = await survey.commit(
      scenarioId,
      p.features.map(toCreate),
      mappings,
      currentUser(res)?.id ?? null,
    );
    if (!outcome.ok) {
      if (outcome.reason === 'missing') throw notFound({ zh: '方案', en: 'Scenario' }, scenarioId);
      throw new ApiError('CONFLICT', {
        zh: '现状已有要素: 测绘只能导入到方案, 或导入到尚无要素的新现状',
        en: 'The baseline already has features: import into a proposal, or into a new, empty baseline',
      });
    }
    const counts = countKinds(p.features);
    res.locals.audit = {
      entity: 'scenario',
      entityId: scenarioId,
      scenarioId,
      communityId: p.scenario.communityId,
      summary: {
        kinds: { created: counts },
        survey: { uploadId: req.params.uploadId, refused: p.refused },
      },
    } satisfies AuditNote;
    res.status(201).json({ scenarioId, created: outcome.ids.length, counts });
  });

  r.get('/survey/mappings', async (_req, res) => {
    res.json(await survey.mappings());
  });

  return r;
}
