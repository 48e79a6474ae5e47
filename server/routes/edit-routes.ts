import { Router, type Request } from 'express';
import { z } from 'zod';
import { FEATURE_KINDS } from '../../domain/model/feature-kinds';
import { countFeaturesByKind } from '../../domain/model/count-features-by-kind';
import type { AuditNote } from '../auth/audit-log';
import type { Catalog } from '../db/catalog';
import type { FeatureStore, WriteOutcome } from '../db/feature-store';
import { ApiError, notFound, type Bilingual } from '../http/api-error';
import { geometrySchema } from '../http/geometry-schema';
import { idParams, issue, parse } from '../http/parse';
import type { TileService } from '../tiles/tile-service';

const FEATURE = { zh: '要素', en: 'Feature' };
const SCENARIO = { zh: '方案', en: 'Scenario' };

const fields = {
  name: z.string().trim().max(200).nullable().optional(),
  category: z.string().trim().max(64).nullable().optional(),
  widthM: z.number().positive().lt(500).nullable().optional(),
  levels: z.number().int().positive().lt(300).nullable().optional(),
  heightM: z.number().positive().lt(1000).nullable().optional(),
  capacity: z.number().int().min(0).nullable().optional(),
  props: z.record(z.string(), z.unknown()).optional(),
};

export const createFeatureSchema = z.object({
  kind: z.enum(FEATURE_KINDS, { message: `kind must be one of ${FEATURE_KINDS.join(', ')}` }),
  geometry: geometrySchema,
  /** Proposals only: restore a copy of this baseline feature (e.g. undoing a delete). */
  sourceId: z.number().int().positive().optional(),
  ...fields,
});

const version = z.number().int().positive(issue('需要提供版本号 version', 'version is required'));

export const updateFeatureSchema = z.object({
  version,
  geometry: geometrySchema.optional(),
  ...fields,
});
export const versionSchema = z.object({ version: z.coerce.number().int().positive() });
/** Most operations one batch may carry: a lot of a few hundred stalls fits many times over. */
export const MAX_BATCH_OPS = 2000;

export const batchSchema = z
  .object({
    create: z.array(createFeatureSchema).default([]),
    update: z
      .array(z.object({ id: z.number().int().positive(), ...updateFeatureSchema.shape }))
      .default([]),
    delete: z.array(z.object({ id: z.number().int().positive(), version })).default([]),
  })
  .refine(
    (b) => b.create.length + b.update.length + b.delete.length <= MAX_BATCH_OPS,
    issue(
      `单次批量操作不超过 ${MAX_BATCH_OPS} 项, 请分批提交`,
      `at most ${MAX_BATCH_OPS} operations per batch; split it`,
    ),
  );

export const renameScenarioSchema = z.object({
  version,
  name: z.string().trim().min(1, issue('方案名称不能为空', 'name must not be empty')).max(200),
});

/** `?baseline=edit`: the user explicitly chose to edit the 现状 baseline. */
const editsBaseline = (req: Request): boolean => req.query.baseline === 'edit';

const readOnlyBaseline = (): ApiError =>
  new ApiError('BASELINE_READ_ONLY', {
    zh: '现状方案为只读: 请在方案中修改, 或明确选择“编辑现状”',
    en: 'The baseline is read-only: edit a proposal, or choose "edit baseline" explicitly',
  });

const stale = (what: Bilingual, current: unknown): ApiError =>
  new ApiError(
    'CONFLICT',
    {
      zh: `${what.zh}已被他人修改: 您的修改未保存也未丢失, 请查看最新版本后重新应用`,
      en: `${what.en} was changed by someone else: your edit was not saved and is kept; review the latest version and apply it again`,
    },
    { current },
  );

/** Writes to scenarios and features: validate → check baseline → write with version → respond. */
export function editRoutes(deps: {
  catalog: Catalog;
  store: FeatureStore;
  tiles: TileService;
}): Router {
  const { catalog, store, tiles } = deps;
  const r = Router();

  async function checkGeometry(geometry: unknown): Promise<string> {
    const text = JSON.stringify(geometry);
    const problem = await store.geometryProblem(text);
    if (problem) {
      throw new ApiError('INVALID_GEOMETRY', {
        zh: `几何图形无效 (如自相交): ${problem}`,
        en: `Invalid geometry (e.g. self-intersecting): ${problem}`,
      });
    }
    return text;
  }

  /** Restored copies must name features of the proposal's baseline that have no copy yet. */
  async function checkLineage(
    scenario: { id: number; kind: string },
    sourceIds: number[],
  ): Promise<void> {
    if (sourceIds.length === 0) return;
    const bad =
      scenario.kind === 'baseline'
        ? sourceIds
        : await store.lineageProblems(scenario.id, sourceIds);
    if (bad.length) {
      throw new ApiError(
        'VALIDATION',
        {
          zh: `sourceId ${bad.join(', ')} 不是本方案现状中的要素, 或已有副本`,
          en: `sourceId ${bad.join(', ')} is not a feature of this proposal's baseline, or already has a copy`,
        },
        { sourceIds: bad },
      );
    }
  }

  async function resolve(
    outcome: WriteOutcome,
    what: Bilingual,
    id: number,
    current: () => Promise<unknown>,
  ) {
    if (outcome.ok) return;
    if (outcome.reason === 'missing') throw notFound(what, id);
    throw stale(what, await current());
  }

  const currentFeature = (id: number) => async () => {
    const f = await store.getFeature(id);
    return f ? (JSON.parse(f.json) as unknown) : null;
  };

  r.post('/scenarios/:id/features', async (req, res) => {
    const { id } = parse(idParams, req.params);
    const body = parse(createFeatureSchema, req.body ?? {});
    const scenario = await catalog.getScenario(id);
    if (!scenario) throw notFound(SCENARIO, id);
    if (scenario.kind === 'baseline' && !editsBaseline(req)) throw readOnlyBaseline();
    const { kind, geometry, sourceId, ...rest } = body;
    await checkLineage(scenario, sourceId === undefined ? [] : [sourceId]);
    const created = await store.insertFeature(
      id,
      kind,
      await checkGeometry(geometry),
      rest,
      sourceId,
    );
    if (scenario.kind === 'baseline') tiles.invalidate();
    res
      .status(201)
      .type('application/geo+json')
      .send((await store.getFeature(created))?.json);
  });

  r.post('/scenarios/:id/features/batch', async (req, res) => {
    const { id } = parse(idParams, req.params);
    const body = parse(batchSchema, req.body ?? {});
    const scenario = await catalog.getScenario(id);
    if (!scenario) throw notFound(SCENARIO, id);
    if (scenario.kind === 'baseline' && !editsBaseline(req)) throw readOnlyBaseline();
    const geometries = [
      ...body.create.map((c) => c.geometry),
      ...body.update.flatMap((u) => (u.geometry ? [u.geometry] : [])),
    ];
    await checkLineage(
      scenario,
      body.create.flatMap((c) => (c.sourceId === undefined ? [] : [c.sourceId])),
    );
    const problems = await store.geometryProblems(geometries);
    if (problems.length) {
      const first = problems[0]!;
      throw new ApiError(
        'INVALID_GEOMETRY',
        {
          zh: `第 ${first.index + 1} 个几何图形无效 (如自相交): ${first.problem}; 共 ${problems.length} 个问题, 未保存任何内容`,
          en: `Geometry ${first.index + 1} is invalid (e.g. self-intersecting): ${first.problem}; ${problems.length} problem(s), nothing saved`,
        },
        { problems },
      );
    }
    // The history tells what a batch did by kind ("18 个车位（停车场）"): the kinds of updated and
    // deleted features are read before the batch removes them.
    const [updatedKinds, deletedKinds] = await Promise.all([
      store.kindsOf(body.update.map((u) => u.id)),
      store.kindsOf(body.delete.map((d) => d.id)),
    ]);
    const result = await store.applyBatch(id, body);
    if (!result.ok) {
      throw new ApiError(
        'CONFLICT',
        {
          zh: `${result.conflicts.length} 个要素已被他人修改或不属于此方案: 整批未保存, 您的修改仍保留, 请刷新后重新应用`,
          en: `${result.conflicts.length} feature(s) changed meanwhile or belong to another scenario: nothing in the batch was saved; your edits are kept — reload and apply them again`,
        },
        { conflicts: result.conflicts },
      );
    }
    if (scenario.kind === 'baseline') tiles.invalidate();
    const lot = body.create.findIndex((c) => c.kind === 'parking_area');
    const note: AuditNote = {
      summary: {
        kinds: {
          created: countFeaturesByKind(body.create),
          updated: updatedKinds,
          deleted: deletedKinds,
        },
        // What the history's link opens: the new lot, else the first new feature.
        focusId: result.created[lot >= 0 ? lot : 0] ?? result.updated[0] ?? null,
      },
    };
    res.locals.audit = note;
    res.status(200).json(result);
  });

  r.patch('/features/:id', async (req, res) => {
    const { id } = parse(idParams, req.params);
    const body = parse(updateFeatureSchema, req.body ?? {});
    const existing = await store.getFeature(id);
    if (!existing) throw notFound(FEATURE, id);
    if (existing.scenarioKind === 'baseline' && !editsBaseline(req)) throw readOnlyBaseline();
    const { version: seen, geometry, ...rest } = body;
    const text = geometry ? await checkGeometry(geometry) : undefined;
    await resolve(await store.updateFeature(id, seen, text, rest), FEATURE, id, currentFeature(id));
    if (existing.scenarioKind === 'baseline') tiles.invalidate();
    res.type('application/geo+json').send((await store.getFeature(id))?.json);
  });

  r.delete('/features/:id', async (req, res) => {
    const { id } = parse(idParams, req.params);
    const { version: seen } = parse(versionSchema, req.query);
    const existing = await store.getFeature(id);
    if (!existing) throw notFound(FEATURE, id);
    if (existing.scenarioKind === 'baseline' && !editsBaseline(req)) throw readOnlyBaseline();
    await resolve(await store.deleteFeature(id, seen), FEATURE, id, currentFeature(id));
    if (existing.scenarioKind === 'baseline') tiles.invalidate();
    const kind = (JSON.parse(existing.json) as { properties?: { kind?: unknown } }).properties
      ?.kind;
    const note: AuditNote = { summary: { kind } };
    res.locals.audit = note;
    res.status(204).end();
  });

  r.patch('/scenarios/:id', async (req, res) => {
    const { id } = parse(idParams, req.params);
    const body = parse(renameScenarioSchema, req.body ?? {});
    await resolve(await store.renameScenario(id, body.version, body.name), SCENARIO, id, () =>
      catalog.getScenario(id),
    );
    res.json(await catalog.getScenario(id));
  });

  r.delete('/scenarios/:id', async (req, res) => {
    const { id } = parse(idParams, req.params);
    const { version: seen } = parse(versionSchema, req.query);
    const scenario = await catalog.getScenario(id);
    if (!scenario) throw notFound(SCENARIO, id);
    if (scenario.kind === 'baseline') {
      throw new ApiError('BASELINE_READ_ONLY', {
        zh: '现状方案不能删除',
        en: 'A baseline cannot be deleted',
      });
    }
    await resolve(await store.deleteProposal(id, seen), SCENARIO, id, () =>
      catalog.getScenario(id),
    );
    res.status(204).end();
  });

  return r;
}
