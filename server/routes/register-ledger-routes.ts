import { randomBytes } from 'node:crypto';
import express, { Router, type Request, type RequestHandler } from 'express';
import multer from 'multer';
import { z } from 'zod';
import { planLedgerImport } from '../../domain/ledger/plan-ledger-import';
import type { AuditNote } from '../auth/audit-log';
import { currentUser } from '../auth/session-user';
import type { Catalog } from '../db/catalog';
import type { LedgerStore } from '../db/ledger-store';
import type { RegisterStore } from '../db/register-store';
import { ApiError, notFound } from '../http/api-error';
import { prefersEnglish } from '../http/error-handler';
import { idParams, parse } from '../http/parse';
import { buildRegisterWorkbook } from '../ledger/build-register-workbook';
import { readLedgerFile } from '../ledger/read-ledger-file';
import { registerItemsCsv } from '../ledger/register-items-csv';
import { districtRegisterOf } from '../register/cached-district-register';

const DISTRICT = { zh: '片区', en: 'District' };
/** A ledger of a district is a few hundred kB; 20 MB leaves room for embedded images. */
const MAX_UPLOAD_BYTES = 20 * 1024 * 1024;
/** How long a preview waits for its confirmation. */
const PREVIEW_TTL_SECONDS = 30 * 60;

const tokenParams = z.object({
  id: idParams.shape.id,
  token: z.string().regex(/^[0-9a-f]{32}$/, 'token must be 32 hex digits'),
});
const exportQuery = z.object({
  asOf: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/)
    .optional(),
  lang: z.enum(['zh', 'en']).optional(),
});

const today = (): string => new Date().toISOString().slice(0, 10);

/** The uploaded bytes: multipart/form-data (field "file") or the raw request body. */
function uploadBody(): RequestHandler[] {
  const multipart = multer({
    storage: multer.memoryStorage(),
    limits: { fileSize: MAX_UPLOAD_BYTES, files: 1 },
  }).single('file');
  const raw = express.raw({ type: () => true, limit: MAX_UPLOAD_BYTES });
  return [
    (req, res, next) => {
      if (!req.is('multipart/form-data')) return raw(req, res, next);
      multipart(req, res, (err?: unknown) => {
        if ((err as { code?: string } | undefined)?.code === 'LIMIT_FILE_SIZE')
          return next(
            new ApiError('PAYLOAD_TOO_LARGE', {
              zh: '台账文件过大 (上限 20 MB)',
              en: 'The ledger file is too large (limit 20 MB)',
            }),
          );
        next(err);
      });
    },
  ];
}

/** X-File-Name is URI-encoded (header values are Latin-1); a bare name is kept as it is. */
const decodeFileName = (header: string): string => {
  try {
    return decodeURIComponent(header);
  } catch {
    return header;
  }
};

/**
 * The file of the request; the body is then replaced by a short description of it, which the
 * audit log records (never the bytes).
 */
function uploaded(req: Request): { bytes: Buffer; fileName: string | null } {
  const got = readUpload(req);
  req.body = { fileName: got.fileName, bytes: got.bytes.length };
  return got;
}

function readUpload(req: Request): { bytes: Buffer; fileName: string | null } {
  const file = (req as Request & { file?: { buffer: Buffer; originalname: string } }).file;
  if (file) {
    // Browsers send multipart file names as UTF-8 bytes that multer reads as latin1.
    const name = Buffer.from(file.originalname, 'latin1').toString('utf8');
    return { bytes: file.buffer, fileName: name };
  }
  if (!Buffer.isBuffer(req.body) || req.body.length === 0) {
    req.body = {};
    throw new ApiError('BAD_REQUEST', {
      zh: '请上传台账文件 (.xlsx 或 .csv): 请求体为文件内容, 或 multipart 字段 file',
      en: 'Upload the ledger (.xlsx or .csv): as the request body, or as multipart field "file"',
    });
  }
  const header = req.get('X-File-Name');
  return { bytes: req.body, fileName: header ? decodeFileName(header).slice(0, 255) : null };
}

/**
 * The district register in and out of Excel (issue #11 item 2): export as .xlsx (typed cells,
 * number formats, totals rows with SUM formulas and cached values); import an .xlsx or CSV
 * ledger as a preview stored server-side (matches, unmatched rows, conflicts old → new, cell
 * errors), then commit the preview in one transaction. Officials (reviewer) and admins write the
 * community figures; planners the items of their assigned communities; admins both.
 */
export function registerLedgerRoutes(deps: {
  catalog: Catalog;
  register: RegisterStore;
  ledger: LedgerStore;
}): Router {
  const { ledger, catalog } = deps;
  const r = Router();

  const district = async (id: number) => {
    const d = (await catalog.listDistricts()).find((x) => x.id === id);
    if (!d) throw notFound(DISTRICT, id);
    return d;
  };

  r.get('/districts/:id/register.xlsx', async (req, res) => {
    const { id } = parse(idParams, req.params);
    const { asOf = today(), lang } = parse(exportQuery, req.query);
    const d = await district(id);
    const [register, communities, items] = await Promise.all([
      districtRegisterOf(deps, id, asOf),
      ledger.communities(id),
      ledger.items(id),
    ]);
    const wb = buildRegisterWorkbook({
      districtName: d.name,
      register,
      communities,
      items,
      lang: lang ?? (prefersEnglish(req) ? 'en' : 'zh'),
      source: `${d.attribution}; GET /api/districts/${id}/register.xlsx`,
    });
    const bytes = Buffer.from(await wb.xlsx.writeBuffer());
    const file = `register-${id}-${asOf}.xlsx`;
    res
      .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
      .setHeader(
        'Content-Disposition',
        `attachment; filename="${file}"; filename*=UTF-8''${encodeURIComponent(`${d.name} 改造台账 ${asOf}.xlsx`)}`,
      )
      .send(bytes);
  });

  r.get('/districts/:id/register-items.csv', async (req, res) => {
    const { id } = parse(idParams, req.params);
    await district(id);
    const [communities, items] = await Promise.all([ledger.communities(id), ledger.items(id)]);
    res
      .type('text/csv; charset=utf-8')
      .setHeader('Content-Disposition', `attachment; filename="register-items-${id}.csv"`)
      .send(registerItemsCsv(communities, items));
  });

  r.post('/districts/:id/register/import', ...uploadBody(), async (req, res) => {
    const { id } = parse(idParams, req.params);
    const user = currentUser(res)!;
    await district(id);
    const { bytes, fileName } = uploaded(req);
    const file = await readLedgerFile(bytes, fileName);
    const [communities, items, assigned] = await Promise.all([
      ledger.communities(id),
      ledger.items(id),
      user.role === 'planner' ? ledger.assignedCommunities(id, user.id) : Promise.resolve([]),
    ]);
    const { preview, plan } = planLedgerImport({
      sheets: file.sheets,
      communities,
      items,
      may: {
        communityFigures: user.role === 'reviewer' || user.role === 'admin',
        itemsOf: user.role === 'admin' ? 'all' : user.role === 'planner' ? assigned : [],
      },
    });
    if (preview.sheets.length === 0)
      throw new ApiError(
        'UNREADABLE_FILE',
        {
          zh: '文件中没有可识别的台账表: 需要含「小区名称」或「小区编码」及其他台账字段 (户数、楼栋数、投资…) 的表头行',
          en: 'no ledger table found: a header row needs 小区名称 / community or 小区编码 / code and other ledger columns (households, buildings, budget …)',
        },
        { ignoredSheets: preview.ignoredSheets },
      );
    const token = randomBytes(16).toString('hex');
    const { expiresAt } = await ledger.savePreview({
      districtId: id,
      token,
      userId: user.id,
      fileName,
      preview,
      plan,
      ttlSeconds: PREVIEW_TTL_SECONDS,
    });
    res.locals.audit = {
      entity: 'register_import',
      summary: { fileName, format: file.format, preview: preview.summary },
    } satisfies AuditNote;
    res
      .status(201)
      .json({ token, expiresAt, districtId: id, fileName, format: file.format, ...preview });
  });

  r.post('/districts/:id/register/import/:token/commit', async (req, res) => {
    const { id, token } = parse(tokenParams, req.params);
    const user = currentUser(res)!;
    const outcome = await ledger.commit(id, token, { id: user.id, admin: user.role === 'admin' });
    if (!outcome.ok) {
      switch (outcome.reason) {
        case 'missing':
        case 'not-yours':
          throw new ApiError('NOT_FOUND', {
            zh: `未找到导入预览 ${token}`,
            en: `Import preview ${token} not found`,
          });
        case 'expired':
          throw new ApiError('IMPORT_EXPIRED', {
            zh: '导入预览已过期 (30 分钟): 请重新上传台账',
            en: 'The import preview has expired (30 minutes): upload the ledger again',
          });
        case 'committed':
          throw new ApiError('IMPORT_STALE', {
            zh: '该导入已经提交过',
            en: 'This import has already been committed',
          });
        case 'stale':
          throw new ApiError(
            'IMPORT_STALE',
            {
              zh: '预览之后台账数据已被修改: 未写入任何内容, 请重新上传台账查看最新差异',
              en: 'The register changed after the preview: nothing was written; upload the ledger again to see the current differences',
            },
            { stale: outcome.stale },
          );
      }
    }
    const s = outcome.preview.summary;
    const summary = {
      communitiesUpdated: outcome.plan.communities.length,
      itemsInserted: outcome.plan.itemInserts.length,
      itemsUpdated: outcome.plan.itemUpdates.length,
      changes: s.changes,
      conflicts: s.conflicts,
    };
    res.locals.audit = {
      entity: 'register_import',
      summary: { token, ...summary },
    } satisfies AuditNote;
    res.json({ committed: true, districtId: id, token, ...summary });
  });

  return r;
}
