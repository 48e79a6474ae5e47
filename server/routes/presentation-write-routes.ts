import { countFeaturesByKind } from '../../domain/model/count-features-by-kind';
import { Router, type Response } from 'express';
import type { FeatureCollection } from 'geojson';
import { z } from 'zod';
import { convertCrs } from '../../domain/geo/convert-crs';
import type { Catalog } from '../db/catalog';
import type { FeatureStore } from '../db/feature-store';
import type { Database } from '../db/database';
import { makeStoryStore, type StoryOutcome } from '../db/story-store';
import { currentUser } from '../auth/session-user';
import { ApiError, notFound } from '../http/api-error';
import { featureCollectionSchema } from '../http/feature-collection-schema';
import { idParams, idSchema, issue, parse } from '../http/parse';
import { batchSchema, MAX_BATCH_OPS, versionSchema } from './edit-routes';
import { crsSchema } from './presentation-read-routes';

const STORY = { zh: '演示', en: 'Story' };
const SCENARIO = { zh: '方案', en: 'Scenario' };
/** Most views one story may hold: a talk of an hour at one view a minute, with room to spare. */
export const MAX_STORY_VIEWS = 200;

const finite = (min: number, max: number) => z.number().finite().min(min).max(max);

export const storyViewSchema = z.object({
  camera: z.object({
    center: z.tuple([finite(-180, 180), finite(-90, 90)], {
      error: () => issue('center 应为 [经度, 纬度]', 'center must be [longitude, latitude]'),
    }),
    zoom: finite(0, 24),
    bearing: finite(-360, 360).default(0),
    pitch: finite(0, 85).default(0),
  }),
  layers: z.array(z.string().max(40)).max(40).default([]),
  scenarioId: idSchema.nullable().default(null),
  compareMode: z.enum(['none', 'swipe', 'side']).default('none'),
  caption: z
    .string()
    .max(2000, issue('说明不超过2000字', 'a caption is at most 2000 characters'))
    .default(''),
});

const title = z
  .string()
  .trim()
  .min(1, issue('演示标题不能为空', 'title must not be empty'))
  .max(200, issue('演示标题不超过200字', 'title must be at most 200 characters'));

const views = z
  .array(storyViewSchema)
  .max(
    MAX_STORY_VIEWS,
    issue(
      `一个演示最多 ${MAX_STORY_VIEWS} 个视图`,
      `a story holds at most ${MAX_STORY_VIEWS} views`,
    ),
  );

export const createStorySchema = z.object({
  districtId: idSchema,
  communityId: idSchema.nullable().default(null),
  title,
  views,
});

export const replaceStorySchema = z.object({
  version: z.number().int().positive(issue('需要提供版本号 version', 'version is required')),
  title,
  views,
});

/** Typed columns an imported feature may carry; any other property goes to `props`. */
const TYPED = ['name', 'category', 'widthM', 'levels', 'heightM', 'capacity'] as const;
const IGNORED = new Set(['id', 'kind', 'sourceId', 'scenarioId', 'version', 'props', 'osmRef']);

/** One imported feature as a batch create: kind and typed columns, other properties as tags. */
const toCreate = (f: FeatureCollection['features'][number]) => {
  const p = (f.properties ?? {}) as Record<string, unknown>;
  const props: Record<string, unknown> = {
    ...((p['props'] as Record<string, unknown> | undefined) ?? {}),
  };
  for (const [k, v] of Object.entries(p))
    if (!IGNORED.has(k) && !(TYPED as readonly string[]).includes(k)) props[k] = v;
  const typed = Object.fromEntries(TYPED.flatMap((k) => (p[k] == null ? [] : [[k, p[k]]])));
  return { kind: p['kind'], geometry: f.geometry, ...typed, props };
};

function refused(outcome: Extract<StoryOutcome, { ok: false }>, id?: number): ApiError {
  if (outcome.reason === 'scenario') {
    return new ApiError(
      'VALIDATION',
      {
        zh: `方案 ${outcome.scenarioIds?.join(', ')} 不存在或不属于此片区: 演示未保存`,
        en: `scenario ${outcome.scenarioIds?.join(', ')} does not exist in this district: the story was not saved`,
      },
      { scenarioIds: outcome.scenarioIds },
    );
  }
  if (outcome.reason === 'missing') return notFound(STORY, id ?? '');
  return new ApiError('CONFLICT', {
    zh: '演示已被他人修改: 您的修改未保存, 请刷新后重新应用',
    en: 'The story was changed by someone else: your edit was not saved; reload and apply it again',
  });
}

/**
 * Every write of issue 7 in one router (so one role check can guard them): stories (create,
 * replace, delete; each one transaction) and GeoJSON imports into a proposal, converted from
 * GCJ-02 / BD-09 to WGS84 and saved all or nothing.
 */
export function presentationWriteRoutes(deps: {
  catalog: Catalog;
  store: FeatureStore;
  db: Database;
}): Router {
  const { catalog, store } = deps;
  const stories = makeStoryStore(deps.db);
  const r = Router();

  r.post('/stories', async (req, res) => {
    const body = parse(createStorySchema, req.body ?? {});
    if (!(await catalog.districtExists(body.districtId)))
      throw notFound({ zh: '片区', en: 'District' }, body.districtId);
    if (
      body.communityId !== null &&
      (await stories.communityDistrict(body.communityId)) !== body.districtId
    )
      throw notFound({ zh: '此片区的小区', en: 'Community in this district' }, body.communityId);
    const outcome = await stories.create({ ...body, createdBy: currentUser(res)?.id ?? null });
    if (!outcome.ok) throw refused(outcome);
    res.status(201).json(outcome.story);
  });

  /**
   * Only the author of a story or an admin changes or deletes it (issue 18); anyone who may
   * save stories can copy it (POST /stories/:id/copy) and change the copy.
   */
  const mustOwn = async (id: number, res: Response): Promise<void> => {
    const story = await stories.get(id);
    if (!story) throw notFound(STORY, id);
    const user = currentUser(res);
    if (user?.role === 'admin' || (user && story.createdBy === user.id)) return;
    throw new ApiError('FORBIDDEN', {
      zh: '只有演示的作者或管理员可以修改或删除它; 可以复制一份再修改',
      en: 'Only the author of a story or an admin may change or delete it; copy it to change a copy',
    });
  };

  r.post('/stories/:id/copy', async (req, res) => {
    const { id } = parse(idParams, req.params);
    const story = await stories.get(id);
    if (!story) throw notFound(STORY, id);
    const title = `${story.title} (副本)`.slice(0, 200);
    const outcome = await stories.create({
      districtId: story.districtId,
      communityId: story.communityId,
      title,
      views: story.views,
      createdBy: currentUser(res)?.id ?? null,
    });
    if (!outcome.ok) throw refused(outcome);
    res.status(201).json(outcome.story);
  });

  r.put('/stories/:id', async (req, res) => {
    const { id } = parse(idParams, req.params);
    await mustOwn(id, res);
    const body = parse(replaceStorySchema, req.body ?? {});
    const outcome = await stories.replace(id, body.version, body);
    if (!outcome.ok) {
      const err = refused(outcome, id);
      if (err.code === 'CONFLICT')
        throw new ApiError(err.code, err.text, { current: await stories.get(id) });
      throw err;
    }
    res.json(outcome.story);
  });

  r.delete('/stories/:id', async (req, res) => {
    const { id } = parse(idParams, req.params);
    await mustOwn(id, res);
    const { version } = parse(versionSchema, req.query);
    const outcome = await stories.delete(id, version);
    if (!outcome.ok) throw refused({ ok: false, reason: outcome.reason ?? 'missing' }, id);
    res.status(204).end();
  });

  /**
   * Body: a GeoJSON FeatureCollection whose features carry `properties.kind`; `?crs=gcj02|bd09`
   * when its coordinates come from a Chinese web map. Added to a proposal as new features.
   */
  r.post('/scenarios/:id/import', async (req, res) => {
    const { id } = parse(idParams, req.params);
    const { crs } = parse(z.object({ crs: crsSchema.default('wgs84') }), req.query);
    const fc = parse(
      featureCollectionSchema(MAX_BATCH_OPS, { zh: '导入', en: 'imported features' }),
      req.body ?? {},
    ) as FeatureCollection;
    const scenario = await catalog.getScenario(id);
    if (!scenario) throw notFound(SCENARIO, id);
    if (scenario.kind !== 'proposal') {
      throw new ApiError('BASELINE_READ_ONLY', {
        zh: '只能导入到方案中, 现状为只读',
        en: 'Import into a proposal; the baseline is read-only',
      });
    }
    if (fc.features.length === 0) {
      throw new ApiError('VALIDATION', {
        zh: '导入文件中没有要素',
        en: 'The file has no features to import',
      });
    }
    const wgs84 = convertCrs(fc, crs, 'wgs84');
    const ops = parse(batchSchema, { create: wgs84.features.map(toCreate) });
    const problems = await store.geometryProblems(ops.create.map((c) => c.geometry));
    if (problems.length) {
      const first = problems[0]!;
      throw new ApiError(
        'INVALID_GEOMETRY',
        {
          zh: `第 ${first.index + 1} 个要素的几何图形无效: ${first.problem}; 共 ${problems.length} 个问题, 未导入任何内容`,
          en: `Feature ${first.index + 1} has an invalid geometry: ${first.problem}; ${problems.length} problem(s), nothing imported`,
        },
        { problems },
      );
    }
    const result = await store.applyBatch(id, ops);
    if (!result.ok) throw new ApiError('CONFLICT', { zh: '导入失败', en: 'Import failed' });
    res.locals.audit = { summary: { kinds: { created: countFeaturesByKind(ops.create) } } };
    res.status(201).json({ scenarioId: id, crs, created: result.created });
  });

  return r;
}
