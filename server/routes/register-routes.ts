import { Router, type Response } from 'express';
import { z } from 'zod';
import { INTERVENTION_CATEGORIES } from '../../domain/model/intervention-categories';
import { RENEWAL_STAGES } from '../../domain/model/renewal-stages';
import { summarizeRegister } from '../../domain/renewal/summarize-register';
import { releaseFunds } from '../../domain/renewal/release-funds';
import type { AuditNote } from '../auth/audit-log';
import type { Catalog } from '../db/catalog';
import type { RegisterItem, RegisterStore } from '../db/register-store';
import { ApiError, notFound } from '../http/api-error';
import { idParams, issue, parse } from '../http/parse';
import { cachedDistrictRegister, districtRegisterOf } from '../register/cached-district-register';
import { registerCsv } from '../register/register-csv';

const ITEM = { zh: '改造项目', en: 'Register item' };
const COMMUNITY = { zh: '小区', en: 'Community' };
const DISTRICT = { zh: '片区', en: 'District' };

const date = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, issue('日期格式应为 YYYY-MM-DD', 'date must be YYYY-MM-DD'));

export const registerItemSchema = z
  .object({
    name: z.string().trim().min(1, issue('项目名称不能为空', 'name must not be empty')).max(200),
    category: z.enum(INTERVENTION_CATEGORIES, {
      message: `category must be one of ${INTERVENTION_CATEGORIES.join(', ')}`,
    }),
    quantity: z.number().min(0).max(1e9),
    unit: z.string().trim().min(1).max(20),
    budgetWan: z.number().min(0, issue('预算不能为负', 'budgetWan must be ≥ 0')).max(1e9),
    featureIds: z.array(z.number().int().positive()).max(5000).default([]),
    phase: z.enum(RENEWAL_STAGES).default('publicity'),
    progressPct: z.number().min(0).max(100).default(0),
    acceptedOn: date.nullable().default(null),
  })
  .refine(
    (b) => b.acceptedOn === null || (b.phase === 'acceptance' && b.progressPct === 100),
    issue(
      '竣工验收日期要求阶段为“竣工验收”且进度 100%',
      'acceptedOn requires phase "acceptance" and 100 % progress',
    ),
  );

const updateItemSchema = z
  .object({
    version: z.number().int().positive(issue('需要提供版本号 version', 'version is required')),
  })
  .and(registerItemSchema);

const versionQuery = z.object({ version: z.coerce.number().int().positive() });
const asOfQuery = z.object({ asOf: date.optional() });

const today = (): string => new Date().toISOString().slice(0, 10);

const withFunds = (item: RegisterItem, asOf: string) => ({
  ...item,
  funds: releaseFunds({ ...item, asOf }),
});

const stale = (current: unknown): ApiError =>
  new ApiError(
    'CONFLICT',
    {
      zh: '该项目已被他人修改: 您的修改未保存也未丢失, 请查看最新版本后重新应用',
      en: 'The item was changed by someone else: your edit was not saved and is kept; review the latest version and apply it again',
    },
    { current },
  );

const note = (res: Response, n: AuditNote): void => {
  res.locals.audit = n;
};

/**
 * The renewal register (issue #6): a community's intervention items with category, quantity,
 * budget, linked map features, phase, progress and funds released; the district register with
 * per-community metrics (JSON and CSV for Excel). Writes are versioned like feature edits.
 */
export function registerRoutes(deps: { catalog: Catalog; register: RegisterStore }): Router {
  const { register } = deps;
  const r = Router();

  async function checkFeatures(communityId: number, featureIds: number[]): Promise<void> {
    const bad = await register.foreignFeatures(communityId, featureIds);
    if (bad.length) {
      throw new ApiError(
        'VALIDATION',
        {
          zh: `要素 ${bad.join(', ')} 不属于该小区的现状或方案`,
          en: `feature ${bad.join(', ')} is not in this community's baseline or proposals`,
        },
        { featureIds: bad },
      );
    }
  }

  r.get('/communities/:id/register', async (req, res) => {
    const { id } = parse(idParams, req.params);
    const { asOf = today() } = parse(asOfQuery, req.query);
    if ((await deps.catalog.communities({ communityId: id })).count === 0)
      throw notFound(COMMUNITY, id);
    const items = await register.items(id);
    res.json({
      communityId: id,
      asOf,
      items: items.map((i) => withFunds(i, asOf)),
      summary: summarizeRegister(items, asOf),
    });
  });

  r.post('/communities/:id/register/items', async (req, res) => {
    const { id } = parse(idParams, req.params);
    const body = parse(registerItemSchema, req.body ?? {});
    await checkFeatures(id, body.featureIds);
    const created = await register.insert(id, body);
    if (created === undefined) throw notFound(COMMUNITY, id);
    const item = (await register.item(created))!;
    note(res, { entity: 'register_item', entityId: created, communityId: id });
    res.status(201).json(withFunds(item, today()));
  });

  r.patch('/register/items/:id', async (req, res) => {
    const { id } = parse(idParams, req.params);
    const { version, ...body } = parse(updateItemSchema, req.body ?? {});
    const existing = await register.item(id);
    if (!existing) throw notFound(ITEM, id);
    await checkFeatures(existing.communityId, body.featureIds);
    if (!(await register.update(id, version, body))) throw stale(await register.item(id));
    note(res, {
      entity: 'register_item',
      entityId: id,
      communityId: existing.communityId,
      summary: {
        from: {
          version: existing.version,
          phase: existing.phase,
          progressPct: existing.progressPct,
        },
      },
    });
    res.json(withFunds((await register.item(id))!, today()));
  });

  r.delete('/register/items/:id', async (req, res) => {
    const { id } = parse(idParams, req.params);
    const { version } = parse(versionQuery, req.query);
    const existing = await register.item(id);
    if (!existing) throw notFound(ITEM, id);
    if (!(await register.remove(id, version))) throw stale(existing);
    note(res, { entity: 'register_item', entityId: id, communityId: existing.communityId });
    res.status(204).end();
  });

  const districtRegister = async (districtId: number, asOf: string) => {
    if (!(await deps.catalog.districtExists(districtId))) throw notFound(DISTRICT, districtId);
    return districtRegisterOf(deps, districtId, asOf);
  };

  // A lookup in register_cache unless the district changed since it was kept (migration 020);
  // X-Register-Cache says which, X-Register-Compute-Ms what computing it took.
  r.get('/districts/:id/register', async (req, res) => {
    const { id } = parse(idParams, req.params);
    const { asOf = today() } = parse(asOfQuery, req.query);
    if (!(await deps.catalog.districtExists(id))) throw notFound(DISTRICT, id);
    const cached = await cachedDistrictRegister(deps, id, asOf);
    res.setHeader('X-Register-Cache', cached.hit ? 'hit' : 'miss');
    if (cached.computeMs !== null)
      res.setHeader('X-Register-Compute-Ms', cached.computeMs.toFixed(1));
    res.type('application/json').send(cached.json);
  });

  r.get('/districts/:id/register.csv', async (req, res) => {
    const { id } = parse(idParams, req.params);
    const { asOf = today() } = parse(asOfQuery, req.query);
    const csv = registerCsv(await districtRegister(id, asOf));
    res
      .type('text/csv; charset=utf-8')
      .setHeader('Content-Disposition', `attachment; filename="register-${id}-${asOf}.csv"`)
      .send(csv);
  });

  return r;
}
