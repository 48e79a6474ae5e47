import { RULES } from '../../domain/standards/rules';
import type { Database, Executor } from './database';
import { sql } from './load-sql';

/** Who asks: planners may change only communities they are assigned to; admins any. */
export interface Actor {
  id: number;
  role: string;
}

/** A community's figures before or after a boundary change. */
export interface CommunityCounts {
  id: number;
  name: string;
  version: number;
  buildingCount: number;
  households: number | null;
  floorAreaSqM: number | null;
  /** Baseline features of the community. */
  features: number;
}

export interface BoundaryChange {
  /** The communities the operation produced or kept (the survivor first), after the change. */
  communities: CommunityCounts[];
  /** Every community whose features changed (the operation's own and neighbours), before. */
  before: CommunityCounts[];
  /** The same communities after (absent: deleted by a merge; new: created). */
  after: CommunityCounts[];
  /** Baseline features that changed community (or moved to or from the district context). */
  moved: number;
  /** Of those moved into / out of the district context baseline. */
  movedToContext: number;
  movedFromContext: number;
  dryRun: boolean;
}

/** Why a boundary change was refused; nothing was written. */
export type RefusalReason =
  | { code: 'missing'; what: 'district' | 'community' | 'feature'; id: number }
  | { code: 'stale'; current: CommunityCounts[] }
  | { code: 'not-assigned'; communityIds: number[] }
  | { code: 'other-district'; communityIds: number[] }
  | { code: 'not-polygon'; featureId: number }
  | { code: 'split-pieces'; pieces: number }
  | { code: 'not-adjacent'; parts: number }
  | { code: 'absorbed-proposals'; communityIds: number[] }
  | {
      code: 'proposals';
      conflicts: {
        proposalId: number;
        name: string;
        reviewState: string;
        featureId: number | null;
        reason: 'locked' | 'modified' | 'deleted';
      }[];
    };

export class BoundaryRefusal extends Error {
  constructor(readonly reason: RefusalReason) {
    super(`boundary change refused: ${reason.code}`);
  }
}

/** Thrown at the end of a dry run to roll the transaction back with its result. */
class DryRun extends Error {
  constructor(readonly result: BoundaryChange) {
    super('dry run');
  }
}

interface Locked {
  id: number;
  districtId: number;
  name: string;
  version: number;
  geometry: string;
}

interface Move {
  id: number;
  fromScenario: number;
  fromCommunity: number | null;
  toScenario: number;
  toCommunity: number | null;
  kind: string;
}

export interface CreateInput {
  districtId: number;
  name: string;
  /** GeoJSON (Multi)Polygon text, already valid. */
  geometry: string;
  dryRun?: boolean;
}

export interface PatchInput {
  id: number;
  version: number;
  name?: string | undefined;
  geometry?: string | undefined;
  dryRun?: boolean;
}

/**
 * Community boundary (红线) changes: draw, edit, rename, split, merge, promote a polygon. Each is
 * ONE transaction that writes the boundaries, re-places the affected baseline features by the
 * import's rule (smallest community containing ST_PointOnSurface, else the district context),
 * keeps open proposals consistent with their lineage, and re-counts buildings, floor area and
 * households. A refusal (stale version, not assigned, proposal work in the way) writes nothing.
 */
export interface CommunityBoundaryStore {
  /** Whether the district exists (undefined) and the actor may draw in it. */
  districtAccess(districtId: number, actor: Actor): Promise<boolean | undefined>;
  create(input: CreateInput, actor: Actor): Promise<BoundaryChange>;
  patch(input: PatchInput, actor: Actor): Promise<BoundaryChange>;
  split(
    input: { id: number; version: number; line: string; name?: string; dryRun?: boolean },
    actor: Actor,
  ): Promise<BoundaryChange>;
  merge(
    input: {
      districtId: number;
      ids: number[];
      versions: number[];
      name?: string;
      dryRun?: boolean;
    },
    actor: Actor,
  ): Promise<BoundaryChange>;
  /** The feature's polygon (GeoJSON text) and name, or why it cannot be promoted. */
  polygonOf(
    featureId: number,
    districtId: number,
  ): Promise<{ geometry: string; name: string | null }>;
}

const num = (v: unknown): number => Number(v);
const toCounts = (r: Record<string, unknown>): CommunityCounts => ({
  id: num(r.id),
  name: String(r.name),
  version: num(r.version),
  buildingCount: num(r.buildingCount),
  households: r.households === null ? null : num(r.households),
  floorAreaSqM: r.floorAreaSqM === null ? null : num(r.floorAreaSqM),
  features: num(r.features),
});

async function counts(tx: Executor, ids: number[]): Promise<CommunityCounts[]> {
  if (ids.length === 0) return [];
  return (await tx.query<Record<string, unknown>>(sql('community-counts'), [ids])).map(toCounts);
}

async function lock(tx: Executor, ids: number[]): Promise<Locked[]> {
  const rows = await tx.query<Locked>(sql('lock-communities'), [ids]);
  return rows.map((r) => ({
    ...r,
    id: num(r.id),
    districtId: num(r.districtId),
    version: num(r.version),
  }));
}

/** Lock the communities and check they exist and are at the versions the user saw. */
async function lockAtVersions(tx: Executor, ids: number[], versions: number[]): Promise<Locked[]> {
  const rows = await lock(tx, ids);
  const missing = ids.find((id) => !rows.some((r) => r.id === id));
  if (missing !== undefined)
    throw new BoundaryRefusal({ code: 'missing', what: 'community', id: missing });
  const stale = ids.some((id, i) => rows.find((r) => r.id === id)!.version !== versions[i]);
  if (stale) throw new BoundaryRefusal({ code: 'stale', current: await counts(tx, ids) });
  return ids.map((id) => rows.find((r) => r.id === id)!);
}

async function requireAssigned(tx: Executor, ids: number[], actor: Actor): Promise<void> {
  if (actor.role === 'admin' || ids.length === 0) return;
  const rows = await tx.query<{ id: number }>(sql('unassigned-communities'), [ids, actor.id]);
  if (rows.length) {
    throw new BoundaryRefusal({ code: 'not-assigned', communityIds: rows.map((r) => num(r.id)) });
  }
}

/**
 * Re-place the baseline features the change affects, refusing when a planner is not assigned
 * to a community that would lose or gain features, or when proposal work stands in the way;
 * then re-count every community involved. Returns the moves.
 */
async function rebalance(
  tx: Executor,
  p: {
    districtId: number;
    changed: number[];
    deleting: number[];
    created: number[];
    oldGeometries: string[];
    actor: Actor;
  },
): Promise<{ moves: Move[]; touched: number[] }> {
  const moves = (
    await tx.query<Move>(sql('plan-feature-moves'), [
      p.districtId,
      p.changed,
      p.deleting,
      `[${p.oldGeometries.join(',')}]`,
    ])
  ).map((m) => ({
    ...m,
    id: num(m.id),
    fromScenario: num(m.fromScenario),
    toScenario: num(m.toScenario),
    fromCommunity: m.fromCommunity === null ? null : num(m.fromCommunity),
    toCommunity: m.toCommunity === null ? null : num(m.toCommunity),
  }));
  const touched = [
    ...new Set([
      ...p.changed,
      ...moves.flatMap((m) => [m.fromCommunity, m.toCommunity].filter((c) => c !== null)),
    ]),
  ].sort((a, b) => a - b);
  await requireAssigned(
    tx,
    touched.filter((c) => !p.created.includes(c)),
    p.actor,
  );
  if (moves.length) {
    const movesJson = JSON.stringify(
      moves.map((m) => ({ id: m.id, fromScenario: m.fromScenario, toScenario: m.toScenario })),
    );
    const conflicts = await tx.query<Record<string, unknown>>(sql('move-conflicts'), [
      p.districtId,
      movesJson,
    ]);
    if (conflicts.length) {
      throw new BoundaryRefusal({
        code: 'proposals',
        conflicts: conflicts.map((c) => ({
          proposalId: num(c.proposalId),
          name: String(c.name),
          reviewState: String(c.reviewState),
          featureId: c.featureId === null ? null : num(c.featureId),
          reason: c.reason as 'locked' | 'modified' | 'deleted',
        })),
      });
    }
    await tx.query(sql('apply-feature-moves'), [p.districtId, movesJson]);
  }
  const buildingsMoved = [
    ...new Set(
      moves
        .filter((m) => m.kind === 'building')
        .flatMap((m) => [m.fromCommunity, m.toCommunity].filter((c) => c !== null)),
    ),
  ];
  const recount = touched.filter((c) => !p.deleting.includes(c));
  await tx.query(sql('update-community-counts'), [
    recount,
    RULES.importEstimates.defaultLevels.value,
    RULES.importEstimates.floorAreaPerHouseholdSqM.value,
    [...buildingsMoved, ...p.created],
  ]);
  return { moves, touched };
}

function summary(
  moves: Move[],
  before: CommunityCounts[],
  after: CommunityCounts[],
  own: number[],
  dryRun: boolean,
): BoundaryChange {
  return {
    communities: own.map((id) => after.find((a) => a.id === id)!).filter(Boolean),
    before,
    after,
    moved: moves.length,
    movedToContext: moves.filter((m) => m.toCommunity === null).length,
    movedFromContext: moves.filter((m) => m.fromCommunity === null).length,
    dryRun,
  };
}

export function makeCommunityBoundaryStore(db: Database): CommunityBoundaryStore {
  /** One transaction; a dry run computes everything and rolls back. */
  async function run(
    dryRun: boolean | undefined,
    fn: (tx: Executor) => Promise<BoundaryChange>,
  ): Promise<BoundaryChange> {
    try {
      return await db.transaction(async (tx) => {
        const result = await fn(tx);
        if (dryRun) throw new DryRun(result);
        return result;
      });
    } catch (err) {
      if (err instanceof DryRun) return err.result;
      throw err;
    }
  }

  /** Before-figures of the communities a change may touch, then the change, then after. */
  async function finish(
    tx: Executor,
    beforeCounts: Map<number, CommunityCounts>,
    rebalanced: { moves: Move[]; touched: number[] },
    own: number[],
    dryRun: boolean,
  ): Promise<BoundaryChange> {
    // beforeCounts was read before any write: neighbours found by the plan have theirs too.
    const ids = [...new Set([...rebalanced.touched, ...own])].sort((a, b) => a - b);
    const after = await counts(tx, ids);
    const before = ids.flatMap((id) => (beforeCounts.has(id) ? [beforeCounts.get(id)!] : []));
    return summary(rebalanced.moves, before, after, own, dryRun);
  }

  /** Figures of every community of the district before the change (districts are small). */
  async function districtCounts(
    tx: Executor,
    districtId: number,
  ): Promise<Map<number, CommunityCounts>> {
    const rows = await tx.query<{ id: number }>(sql('district-community-ids'), [districtId]);
    return new Map(
      (
        await counts(
          tx,
          rows.map((r) => num(r.id)),
        )
      ).map((c) => [c.id, c]),
    );
  }

  async function create(tx: Executor, input: CreateInput, actor: Actor, dryRun: boolean) {
    const before = await districtCounts(tx, input.districtId);
    const [row] = await tx.query<{ id: number }>(sql('insert-drawn-community'), [
      input.districtId,
      input.name,
      input.geometry,
    ]);
    const id = num(row?.id);
    if (actor.role === 'planner') {
      await tx.query(sql('copy-community-assignments'), [null, id, actor.id]);
    }
    const r = await rebalance(tx, {
      districtId: input.districtId,
      changed: [id],
      deleting: [],
      created: [id],
      oldGeometries: [],
      actor,
    });
    return finish(tx, before, r, [id], dryRun);
  }

  return {
    async districtAccess(districtId, actor) {
      const [row] = await db.query<{ assigned: boolean }>(sql('district-assignment'), [
        districtId,
        actor.id,
      ]);
      if (!row) return undefined;
      return actor.role === 'admin' || row.assigned;
    },

    create: (input, actor) => run(input.dryRun, (tx) => create(tx, input, actor, !!input.dryRun)),

    patch: (input, actor) =>
      run(input.dryRun, async (tx) => {
        const [c] = await lockAtVersions(tx, [input.id], [input.version]);
        const before = await districtCounts(tx, c!.districtId);
        if (input.geometry === undefined) {
          await tx.query(sql('rename-community'), [input.id, input.name]);
          const after = await counts(tx, [input.id]);
          return summary([], [before.get(input.id)!], after, [input.id], !!input.dryRun);
        }
        await tx.query(sql('update-community-boundary'), [
          input.id,
          input.geometry,
          input.name ?? null,
        ]);
        const r = await rebalance(tx, {
          districtId: c!.districtId,
          changed: [input.id],
          deleting: [],
          created: [],
          oldGeometries: [c!.geometry],
          actor,
        });
        return finish(tx, before, r, [input.id], !!input.dryRun);
      }),

    split: (input, actor) =>
      run(input.dryRun, async (tx) => {
        const [c] = await lockAtVersions(tx, [input.id], [input.version]);
        const pieces = await tx.query<{ geometry: string }>(sql('split-community-geometry'), [
          input.id,
          input.line,
        ]);
        if (pieces.length !== 2) {
          throw new BoundaryRefusal({ code: 'split-pieces', pieces: pieces.length });
        }
        const before = await districtCounts(tx, c!.districtId);
        await tx.query(sql('update-community-boundary'), [input.id, pieces[0]!.geometry, null]);
        const [row] = await tx.query<{ id: number }>(sql('insert-drawn-community'), [
          c!.districtId,
          input.name ?? `${c!.name} 二区`,
          pieces[1]!.geometry,
        ]);
        const created = num(row?.id);
        await tx.query(sql('copy-community-assignments'), [
          input.id,
          created,
          actor.role === 'planner' ? actor.id : null,
        ]);
        const r = await rebalance(tx, {
          districtId: c!.districtId,
          changed: [input.id, created],
          deleting: [],
          created: [created],
          oldGeometries: [c!.geometry],
          actor,
        });
        return finish(tx, before, r, [input.id, created], !!input.dryRun);
      }),

    merge: (input, actor) =>
      run(input.dryRun, async (tx) => {
        const locked = await lockAtVersions(tx, input.ids, input.versions);
        const foreign = locked.filter((c) => c.districtId !== input.districtId).map((c) => c.id);
        if (foreign.length)
          throw new BoundaryRefusal({ code: 'other-district', communityIds: foreign });
        await requireAssigned(tx, input.ids, actor);
        const [survivor, ...absorbed] = input.ids as [number, ...number[]];
        const withProposals = await tx.query<{ id: number }>(sql('communities-with-proposals'), [
          absorbed,
        ]);
        if (withProposals.length) {
          throw new BoundaryRefusal({
            code: 'absorbed-proposals',
            communityIds: withProposals.map((r) => num(r.id)),
          });
        }
        const [union] = await tx.query<{ geometry: string; parts: number }>(
          sql('merge-community-geometry'),
          [input.ids],
        );
        if (num(union?.parts) !== 1) {
          throw new BoundaryRefusal({ code: 'not-adjacent', parts: num(union?.parts) });
        }
        const before = await districtCounts(tx, input.districtId);
        await tx.query(sql('update-community-boundary'), [
          survivor,
          union!.geometry,
          input.name ?? null,
        ]);
        const r = await rebalance(tx, {
          districtId: input.districtId,
          changed: input.ids,
          deleting: absorbed,
          created: [],
          oldGeometries: locked.map((c) => c.geometry),
          actor,
        });
        await tx.query(sql('absorb-communities'), [survivor, absorbed]);
        const result = await finish(tx, before, r, [survivor], !!input.dryRun);
        return { ...result, after: result.after.filter((a) => !absorbed.includes(a.id)) };
      }),

    async polygonOf(featureId, districtId) {
      const [row] = await db.query<{
        districtId: number;
        name: string | null;
        geometry: string | null;
      }>(sql('polygon-feature'), [featureId]);
      if (!row || num(row.districtId) !== districtId) {
        throw new BoundaryRefusal({ code: 'missing', what: 'feature', id: featureId });
      }
      if (!row.geometry) throw new BoundaryRefusal({ code: 'not-polygon', featureId });
      return { geometry: row.geometry, name: row.name };
    },
  };
}
