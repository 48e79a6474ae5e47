import { Router, type Response } from 'express';
import { z } from 'zod';
import type { Catalog } from '../db/catalog';
import type { Database } from '../db/database';
import { notFound } from '../http/api-error';
import { bboxSchema, featureQuerySchema, idParams, idSchema, issue, parse } from '../http/parse';

const sendGeoJson = (res: Response, fc: { json: string; count: number }): void => {
  res.type('application/geo+json').setHeader('X-Feature-Count', String(fc.count));
  res.send(fc.json);
};

const DISTRICT = { zh: '片区', en: 'District' };
const COMMUNITY = { zh: '小区', en: 'Community' };
const SCENARIO = { zh: '方案', en: 'Scenario' };

export const communityQuerySchema = z.object({
  district: idSchema.optional(),
  bbox: bboxSchema.optional(),
});

export const proposalBodySchema = z.object({
  name: z
    .string()
    .trim()
    .min(1, issue('方案名称不能为空', 'name must not be empty'))
    .max(200, issue('方案名称不超过200字', 'name must be at most 200 characters')),
});

/** Read routes over the catalog: districts, communities, scenarios and their features. */
export function catalogRoutes(deps: { catalog: Catalog; db: Database }): Router {
  const { catalog } = deps;
  const r = Router();

  r.get('/health', async (_req, res) => {
    const h = await catalog.health();
    res.json({ ok: true, engine: deps.db.engine, ...h });
  });

  r.get('/districts', async (_req, res) => {
    res.json(await catalog.listDistricts());
  });

  r.get('/districts/:id/features', async (req, res) => {
    const { id } = parse(idParams, req.params);
    const q = parse(featureQuerySchema, req.query);
    if (!(await catalog.districtExists(id))) throw notFound(DISTRICT, id);
    sendGeoJson(res, await catalog.districtFeatures(id, { kinds: q.kind, bbox: q.bbox }));
  });

  r.get('/communities', async (req, res) => {
    const q = parse(communityQuerySchema, req.query);
    if (q.district !== undefined && !(await catalog.districtExists(q.district)))
      throw notFound(DISTRICT, q.district);
    sendGeoJson(
      res,
      await catalog.communities({
        ...(q.district === undefined ? {} : { districtId: q.district }),
        ...(q.bbox ? { bbox: q.bbox } : {}),
      }),
    );
  });

  r.get('/communities/:id', async (req, res) => {
    const { id } = parse(idParams, req.params);
    const fc = await catalog.communities({ communityId: id });
    if (fc.count === 0) throw notFound(COMMUNITY, id);
    const parsed = JSON.parse(fc.json) as { features: unknown[] };
    res.type('application/geo+json').json(parsed.features[0]);
  });

  r.get('/communities/:id/scenarios', async (req, res) => {
    const { id } = parse(idParams, req.params);
    const list = await catalog.communityScenarios(id);
    if (list.length === 0) throw notFound(COMMUNITY, id);
    res.json(list);
  });

  r.get('/scenarios/:id', async (req, res) => {
    const { id } = parse(idParams, req.params);
    const s = await catalog.getScenario(id);
    if (!s) throw notFound(SCENARIO, id);
    res.json(s);
  });

  r.get('/scenarios/:id/features', async (req, res) => {
    const { id } = parse(idParams, req.params);
    const q = parse(featureQuerySchema, req.query);
    if (!(await catalog.getScenario(id))) throw notFound(SCENARIO, id);
    sendGeoJson(res, await catalog.scenarioFeatures(id, { kinds: q.kind, bbox: q.bbox }));
  });

  r.post('/scenarios/:id/proposals', async (req, res) => {
    const { id } = parse(idParams, req.params);
    const body = parse(proposalBodySchema, req.body ?? {});
    const base = await catalog.getScenario(id);
    if (!base || base.kind !== 'baseline')
      throw notFound({ zh: '现状方案', en: 'Baseline scenario' }, id);
    const created = await catalog.createProposal(id, body.name);
    res.status(201).json(created);
  });

  return r;
}
