import type { Database, Executor } from './database';
import { sql } from './load-sql';

export type CompareMode = 'none' | 'swipe' | 'side';

/** One saved view of a story: where the camera is, what is shown, and what the presenter says. */
export interface StoryView {
  camera: { center: [number, number]; zoom: number; bearing: number; pitch: number };
  layers: string[];
  scenarioId: number | null;
  compareMode: CompareMode;
  caption: string;
}

export interface Story {
  id: number;
  districtId: number;
  communityId: number | null;
  title: string;
  version: number;
  /** The account that made it (null: made before authorship was recorded, or account gone). */
  createdBy: number | null;
  createdAt: string;
  updatedAt: string;
  views: StoryView[];
}

export interface StorySummary {
  id: number;
  districtId: number;
  communityId: number | null;
  title: string;
  version: number;
  updatedAt: string;
  viewCount: number;
}

export interface StoryDraft {
  /** The account that makes it. */
  createdBy?: number | null;
  districtId: number;
  communityId: number | null;
  title: string;
  views: StoryView[];
}

export type StoryOutcome =
  | { ok: true; story: Story }
  | { ok: false; reason: 'stale' | 'missing' | 'scenario'; scenarioIds?: number[] };

/** Stories (saved sequences of views) and their writes: all or nothing, with versions. */
export interface StoryStore {
  list(districtId?: number): Promise<StorySummary[]>;
  get(id: number): Promise<Story | undefined>;
  /** The district of a community, or undefined if there is no such community. */
  communityDistrict(communityId: number): Promise<number | undefined>;
  create(draft: StoryDraft): Promise<StoryOutcome>;
  /** Replace title and views if `version` is current. */
  replace(
    id: number,
    version: number,
    draft: Pick<StoryDraft, 'title' | 'views'>,
  ): Promise<StoryOutcome>;
  delete(id: number, version: number): Promise<{ ok: boolean; reason?: 'stale' | 'missing' }>;
}

/** Rolls a story transaction back with the reason the write was refused. */
class Refused extends Error {
  constructor(readonly outcome: Extract<StoryOutcome, { ok: false }>) {
    super(outcome.reason);
  }
}

async function getStory(q: Executor | Database, id: number): Promise<Story | undefined> {
  const [row] = await q.query<{ story: string }>(sql('get-story'), [id]);
  if (!row) return undefined;
  const s = JSON.parse(row.story) as Story;
  return {
    ...s,
    id: Number(s.id),
    districtId: Number(s.districtId),
    communityId: s.communityId === null ? null : Number(s.communityId),
    createdBy: s.createdBy === null || s.createdBy === undefined ? null : Number(s.createdBy),
    createdAt: new Date(s.createdAt).toISOString(),
    updatedAt: new Date(s.updatedAt).toISOString(),
    views: s.views.map((v) => ({
      ...v,
      scenarioId: v.scenarioId === null ? null : Number(v.scenarioId),
    })),
  };
}

/** Writes the views of a story in place of its old ones; refuses scenarios of other districts. */
async function writeViews(
  tx: Executor,
  districtId: number,
  storyId: number,
  views: StoryView[],
): Promise<void> {
  const wanted = [...new Set(views.flatMap((v) => (v.scenarioId === null ? [] : [v.scenarioId])))];
  if (wanted.length) {
    const found = new Set(
      (
        await tx.query<{ id: number }>(sql('story-scenarios-in-district'), [districtId, wanted])
      ).map((r) => Number(r.id)),
    );
    const bad = wanted.filter((id) => !found.has(id));
    if (bad.length) throw new Refused({ ok: false, reason: 'scenario', scenarioIds: bad });
  }
  await tx.query(sql('delete-story-views'), [districtId, storyId]);
  if (views.length === 0) return;
  await tx.query(sql('insert-story-views'), [
    districtId,
    storyId,
    views.map((v) => v.camera.center[0]),
    views.map((v) => v.camera.center[1]),
    views.map((v) => v.camera.zoom),
    views.map((v) => v.camera.bearing),
    views.map((v) => v.camera.pitch),
    JSON.stringify(views.map((v) => v.layers)),
    views.map((v) => v.scenarioId),
    views.map((v) => v.compareMode),
    views.map((v) => v.caption),
  ]);
}

async function refusable(fn: () => Promise<StoryOutcome>): Promise<StoryOutcome> {
  try {
    return await fn();
  } catch (err) {
    if (err instanceof Refused) return err.outcome;
    throw err;
  }
}

export function makeStoryStore(db: Database): StoryStore {
  return {
    async list(districtId) {
      const rows = await db.query<StorySummary & { updatedAt: Date | string }>(
        sql('list-stories'),
        [districtId ?? null],
      );
      return rows.map((r) => ({
        ...r,
        id: Number(r.id),
        districtId: Number(r.districtId),
        communityId: r.communityId === null ? null : Number(r.communityId),
        version: Number(r.version),
        viewCount: Number(r.viewCount),
        updatedAt: new Date(r.updatedAt).toISOString(),
      }));
    },
    get: (id) => getStory(db, id),
    async communityDistrict(communityId) {
      const [row] = await db.query<{ districtId: number }>(sql('community-district'), [
        communityId,
      ]);
      return row ? Number(row.districtId) : undefined;
    },
    create: (draft) =>
      refusable(() =>
        db.transaction(async (tx) => {
          const [row] = await tx.query<{ id: number }>(sql('insert-story'), [
            draft.districtId,
            draft.communityId,
            draft.title,
            draft.createdBy ?? null,
          ]);
          const id = Number(row!.id);
          await writeViews(tx, draft.districtId, id, draft.views);
          return { ok: true, story: (await getStory(tx, id))! };
        }),
      ),
    replace: (id, version, draft) =>
      refusable(() =>
        db.transaction(async (tx) => {
          const [row] = await tx.query<{ id: number; districtId: number }>(sql('update-story'), [
            id,
            version,
            draft.title,
          ]);
          if (!row) {
            const exists = await getStory(tx, id);
            throw new Refused({ ok: false, reason: exists ? 'stale' : 'missing' });
          }
          await writeViews(tx, Number(row.districtId), id, draft.views);
          return { ok: true, story: (await getStory(tx, id))! };
        }),
      ),
    async delete(id, version) {
      const rows = await db.query(sql('delete-story'), [id, version]);
      if (rows.length) return { ok: true };
      return { ok: false, reason: (await getStory(db, id)) ? 'stale' : 'missing' };
    },
  };
}
