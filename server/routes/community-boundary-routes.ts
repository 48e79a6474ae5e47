import { Router, type Response } from 'express';
import { z } from 'zod';
import type { AuditNote } from '../auth/audit-log';
import { currentUser } from '../auth/session-user';
import {
  BoundaryRefusal,
  type Actor,
  type BoundaryChange,
  type CommunityBoundaryStore,
} from '../db/community-boundary-store';
import type { FeatureStore } from '../db/feature-store';
import { ApiError, notFound } from '../http/api-error';
import { boundarySchema, splitLineSchema } from '../http/community-geometry-schema';
import { idParams, idSchema, issue, parse } from '../http/parse';
import type { TileService } from '../tiles/tile-service';

const COMMUNITY = { zh: '小区', en: 'Community' };
const DISTRICT = { zh: '片区', en: 'District' };
const FEATURE = { zh: '要素', en: 'Feature' };

const name = z.string().trim().min(1, issue('小区名称不能为空', 'name must not be empty')).max(200);
const version = z.number().int().positive(issue('需要提供版本号 version', 'version is required'));
/** true: compute the change and its before/after figures, write nothing (the confirm dialog). */
const dryRun = z.boolean().optional();

export const createCommunitySchema = z.object({ name, geometry: boundarySchema, dryRun });
export const patchCommunitySchema = z
  .object({ version, name: name.optional(), geometry: boundarySchema.optional(), dryRun })
  .refine(
    (b) => b.name !== undefined || b.geometry !== undefined,
    issue('请提供新名称 name 或新红线 geometry', 'give a new name or a new boundary geometry'),
  );
export const splitCommunitySchema = z.object({
  version,
  line: splitLineSchema,
  /** Name of the new part (the smaller one); the larger keeps the id and name. */
  name: name.optional(),
  dryRun,
});
export const mergeCommunitiesSchema = z
  .object({
    /** The first keeps its id, name (unless `name`), proposals and register; the rest join it. */
    ids: z
      .array(idSchema)
      .min(2, issue('至少选择两个小区', 'choose at least two communities'))
      .max(50),
    versions: z.array(version),
    name: name.optional(),
    dryRun,
  })
  .refine(
    (b) => new Set(b.ids).size === b.ids.length,
    issue('小区不能重复', 'ids must be distinct'),
  )
  .refine(
    (b) => b.versions.length === b.ids.length,
    issue('versions 须与 ids 一一对应', 'versions must match ids one to one'),
  );
export const promoteFeatureSchema = z.object({
  featureId: idSchema,
  name: name.optional(),
  dryRun,
});

const actorOf = (res: Response): Actor => {
  const user = currentUser(res);
  // The permission table lets only signed-in planners and admins here.
  return { id: user?.id ?? 0, role: user?.role ?? 'anonymous' };
};

/** A refusal from the store as the API's bilingual error. */
function toApiError(r: BoundaryRefusal['reason']): ApiError {
  switch (r.code) {
    case 'missing':
      return notFound({ district: DISTRICT, community: COMMUNITY, feature: FEATURE }[r.what], r.id);
    case 'stale':
      return new ApiError(
        'CONFLICT',
        {
          zh: '小区已被他人修改: 您的修改未保存也未丢失, 请查看最新版本后重新应用',
          en: 'The community was changed by someone else: your edit was not saved and is kept; review the latest version and apply it again',
        },
        { current: r.current },
      );
    case 'not-assigned':
      return new ApiError(
        'FORBIDDEN',
        {
          zh: `您未被分配到小区 ${r.communityIds.join(', ')}, 不能改变其红线或要素归属`,
          en: `You are not assigned to community ${r.communityIds.join(', ')} and may not change its boundary or features`,
        },
        { communityIds: r.communityIds },
      );
    case 'other-district':
      return new ApiError(
        'VALIDATION',
        {
          zh: `小区 ${r.communityIds.join(', ')} 不属于此片区`,
          en: `Community ${r.communityIds.join(', ')} is not in this district`,
        },
        { communityIds: r.communityIds },
      );
    case 'not-polygon':
      return new ApiError('VALIDATION', {
        zh: `要素 ${r.featureId} 不是面, 不能转为小区`,
        en: `Feature ${r.featureId} is not a polygon and cannot become a community`,
      });
    case 'split-pieces':
      return new ApiError(
        'INVALID_GEOMETRY',
        {
          zh: `分割线须从红线外穿过小区到红线外, 把它分成两部分 (现在得到 ${r.pieces} 部分)`,
          en: `The split line must cross the community from outside to outside, cutting it into two parts (it gives ${r.pieces})`,
        },
        { pieces: r.pieces },
      );
    case 'not-adjacent':
      return new ApiError(
        'INVALID_GEOMETRY',
        {
          zh: `只能合并相邻或重叠的小区 (合并后为 ${r.parts} 块互不相连的面)`,
          en: `Only adjacent or overlapping communities can be merged (the union has ${r.parts} separate parts)`,
        },
        { parts: r.parts },
      );
    case 'absorbed-proposals':
      return new ApiError(
        'COMMUNITY_HAS_PROPOSALS',
        {
          zh: `小区 ${r.communityIds.join(', ')} 已有方案, 合并会丢失它们: 请把它放在第一位 (保留其方案), 或先删除其方案`,
          en: `Community ${r.communityIds.join(', ')} has proposals that a merge would drop: put it first (it keeps its proposals) or delete them first`,
        },
        { communityIds: r.communityIds },
      );
    case 'proposals': {
      const locked = r.conflicts.filter((c) => c.reason === 'locked');
      const ids = [...new Set(r.conflicts.map((c) => c.proposalId))];
      return new ApiError(
        'COMMUNITY_HAS_PROPOSALS',
        locked.length
          ? {
              zh: `方案 ${ids.join(', ')} 正在审查或已审批, 其小区的要素不能改变归属`,
              en: `Proposal ${ids.join(', ')} is under review or approved: its community's features cannot change community`,
            }
          : {
              zh: `方案 ${ids.join(', ')} 修改或删除了将移出该小区的 ${r.conflicts.length} 个要素: 为免丢失这些工作, 未做任何修改`,
              en: `Proposal ${ids.join(', ')} changed or deleted ${r.conflicts.length} feature(s) that would leave its community: nothing was changed, so that work is not lost`,
            },
        { conflicts: r.conflicts },
      );
    }
  }
}

/**
 * Community boundaries (红线, issue 17): draw a new community, edit or rename one, split it by a
 * line, merge several, promote a polygon feature. extract → validate → store (one transaction)
 * → respond with before/after figures; `dryRun` previews without writing.
 */
export function communityBoundaryRoutes(deps: {
  boundaries: CommunityBoundaryStore;
  store: FeatureStore;
  tiles: TileService;
}): Router {
  const { boundaries, store, tiles } = deps;
  const r = Router();

  async function checkGeometry(geometry: unknown): Promise<string> {
    const text = JSON.stringify(geometry);
    const problem = await store.geometryProblem(text);
    if (problem) {
      throw new ApiError('INVALID_GEOMETRY', {
        zh: `红线几何无效 (如自相交): ${problem}`,
        en: `Invalid boundary geometry (e.g. self-intersecting): ${problem}`,
      });
    }
    return text;
  }

  async function checkDistrict(districtId: number, actor: Actor): Promise<void> {
    const access = await boundaries.districtAccess(districtId, actor);
    if (access === undefined) throw notFound(DISTRICT, districtId);
    if (!access) {
      throw new ApiError('FORBIDDEN', {
        zh: '您未被分配到该片区的任何小区, 不能在此新建小区',
        en: 'You are not assigned to any community of this district and may not add one here',
      });
    }
  }

  async function respond(
    res: Response,
    status: number,
    change: () => Promise<BoundaryChange>,
  ): Promise<void> {
    let result: BoundaryChange;
    try {
      result = await change();
    } catch (err) {
      if (err instanceof BoundaryRefusal) throw toApiError(err.reason);
      throw err;
    }
    if (!result.dryRun) tiles.invalidate();
    const first = result.communities[0];
    res.locals.audit = {
      entity: 'community',
      entityId: first?.id,
      communityId: first?.id ?? null,
      summary: {
        dryRun: result.dryRun,
        communities: result.communities.map((c) => c.id),
        moved: result.moved,
        before: result.before.map((c) => ({
          id: c.id,
          buildings: c.buildingCount,
          households: c.households,
        })),
        after: result.after.map((c) => ({
          id: c.id,
          buildings: c.buildingCount,
          households: c.households,
        })),
      },
    } satisfies AuditNote;
    res.status(result.dryRun ? 200 : status).json(result);
  }

  r.post('/districts/:id/communities', async (req, res) => {
    const { id } = parse(idParams, req.params);
    const body = parse(createCommunitySchema, req.body ?? {});
    const actor = actorOf(res);
    await checkDistrict(id, actor);
    const geometry = await checkGeometry(body.geometry);
    await respond(res, 201, () =>
      boundaries.create({ districtId: id, name: body.name, geometry, dryRun: body.dryRun }, actor),
    );
  });

  r.post('/districts/:id/communities/promote', async (req, res) => {
    const { id } = parse(idParams, req.params);
    const body = parse(promoteFeatureSchema, req.body ?? {});
    const actor = actorOf(res);
    await checkDistrict(id, actor);
    await respond(res, 201, async () => {
      const polygon = await boundaries.polygonOf(body.featureId, id);
      parse(boundarySchema, JSON.parse(polygon.geometry));
      return boundaries.create(
        {
          districtId: id,
          name: body.name ?? polygon.name ?? `红线 ${body.featureId}`,
          geometry: polygon.geometry,
          dryRun: body.dryRun,
        },
        actor,
      );
    });
  });

  r.post('/districts/:id/communities/merge', async (req, res) => {
    const { id } = parse(idParams, req.params);
    const body = parse(mergeCommunitiesSchema, req.body ?? {});
    const actor = actorOf(res);
    await checkDistrict(id, actor);
    await respond(res, 200, () => boundaries.merge({ districtId: id, ...body }, actor));
  });

  r.patch('/communities/:id', async (req, res) => {
    const { id } = parse(idParams, req.params);
    const body = parse(patchCommunitySchema, req.body ?? {});
    const geometry = body.geometry === undefined ? undefined : await checkGeometry(body.geometry);
    await respond(res, 200, () =>
      boundaries.patch(
        { id, version: body.version, name: body.name, geometry, dryRun: body.dryRun },
        actorOf(res),
      ),
    );
  });

  r.post('/communities/:id/split', async (req, res) => {
    const { id } = parse(idParams, req.params);
    const body = parse(splitCommunitySchema, req.body ?? {});
    const line = await checkGeometry(body.line);
    await respond(res, 201, () =>
      boundaries.split(
        { id, version: body.version, line, name: body.name, dryRun: body.dryRun },
        actorOf(res),
      ),
    );
  });

  return r;
}
