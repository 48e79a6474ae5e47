import type { ProjectRules } from '../../domain/standards/rule-override-types';
import type { Database, Executor } from './database';
import { sql, withFeatureJson } from './load-sql';
import { overridesOf, readProjectRules } from './rule-override-store';

/** [west, south, east, north] in degrees. */
export type Bbox = [number, number, number, number];

export interface DistrictSummary {
  id: number;
  name: string;
  nameEn: string | null;
  city: string | null;
  attribution: string;
  communityCount: number;
  bbox: Bbox | null;
}

export interface ScenarioSummary {
  id: number;
  districtId: number;
  communityId: number | null;
  kind: 'baseline' | 'proposal';
  name: string;
  baseScenarioId: number | null;
  version: number;
  createdAt: string;
  updatedAt: string;
}

export interface ScenarioDetail extends ScenarioSummary {
  /** Feature count by kind. */
  counts: Record<string, number>;
}

export interface FeatureQuery {
  kinds?: string[] | undefined;
  bbox?: Bbox | undefined;
}

export interface Health {
  postgis: string;
  migrationLevel: number;
  districts: number;
}

/**
 * What the route handlers see of the database (pg_featureserv's "catalog"): reads return
 * GeoJSON text built by PostGIS, so features are never parsed and re-serialised on the way out.
 */
export interface Catalog {
  health(): Promise<Health>;
  listDistricts(): Promise<DistrictSummary[]>;
  /** FeatureCollection text of communities. */
  communities(filter: {
    districtId?: number;
    bbox?: Bbox;
    communityId?: number;
  }): Promise<{ json: string; count: number }>;
  districtExists(id: number): Promise<boolean>;
  districtFeatures(districtId: number, q: FeatureQuery): Promise<{ json: string; count: number }>;
  getScenario(id: number): Promise<ScenarioDetail | undefined>;
  scenarioFeatures(scenarioId: number, q: FeatureQuery): Promise<{ json: string; count: number }>;
  communityScenarios(communityId: number): Promise<ScenarioSummary[]>;
  /** The scenario's features plus public roads and gates around it: the fire-lane check's input. */
  checkFeatures(scenarioId: number): Promise<{ json: string; count: number }>;
  /** Copy a baseline into a new proposal with per-feature lineage; undefined if no such baseline. */
  createProposal(baselineId: number, name: string): Promise<ScenarioDetail | undefined>;
  // ── rule-overrides (issue 12 §1, migration 014) ──
  /** The district's project context and rule overrides (none for an unknown district). */
  projectRules(districtId: number): Promise<ProjectRules>;
}

const bboxParams = (b?: Bbox): (number | null)[] => (b ? [...b] : [null, null, null, null]);

const featureCollection = (rows: { feature: string }[]): { json: string; count: number } => ({
  json: `{"type":"FeatureCollection","features":[${rows.map((r) => r.feature).join(',')}]}`,
  count: rows.length,
});

interface ScenarioRow extends Omit<ScenarioDetail, 'counts' | 'createdAt' | 'updatedAt'> {
  createdAt: Date | string;
  updatedAt: Date | string;
  counts?: string;
}

const toScenario = (r: ScenarioRow): ScenarioDetail => ({
  id: Number(r.id),
  districtId: Number(r.districtId),
  communityId: r.communityId === null ? null : Number(r.communityId),
  kind: r.kind,
  name: r.name,
  baseScenarioId: r.baseScenarioId === null ? null : Number(r.baseScenarioId),
  version: Number(r.version),
  createdAt: new Date(r.createdAt).toISOString(),
  updatedAt: new Date(r.updatedAt).toISOString(),
  counts: r.counts ? (JSON.parse(r.counts) as Record<string, number>) : {},
});

async function getScenario(
  q: Executor | Database,
  id: number,
): Promise<ScenarioDetail | undefined> {
  const [row] = await q.query<ScenarioRow>(sql('get-scenario'), [id]);
  return row ? toScenario(row) : undefined;
}

export function makePostgisCatalog(db: Database): Catalog {
  return {
    async health() {
      const [row] = await db.query<{ postgis: string; migrationLevel: number; districts: number }>(
        sql('health'),
      );
      return {
        postgis: String(row?.postgis),
        migrationLevel: Number(row?.migrationLevel),
        districts: Number(row?.districts),
      };
    },
    async listDistricts() {
      const rows = await db.query<Omit<DistrictSummary, 'bbox'> & { bbox: string }>(
        sql('list-districts'),
      );
      return rows.map((r) => {
        const bbox = JSON.parse(r.bbox) as (number | null)[];
        return {
          ...r,
          id: Number(r.id),
          communityCount: Number(r.communityCount),
          bbox: bbox.every((v) => typeof v === 'number') ? (bbox as Bbox) : null,
        };
      });
    },
    async communities(filter) {
      const rows = await db.query<{ feature: string }>(sql('list-communities'), [
        filter.districtId ?? null,
        ...bboxParams(filter.bbox),
        filter.communityId ?? null,
      ]);
      return featureCollection(rows);
    },
    async districtExists(id) {
      return (await db.query('SELECT 1 FROM district WHERE id = $1', [id])).length > 0;
    },
    async districtFeatures(districtId, q) {
      const rows = await db.query<{ feature: string }>(withFeatureJson('list-district-features'), [
        districtId,
        q.kinds ?? null,
        ...bboxParams(q.bbox),
      ]);
      return featureCollection(rows);
    },
    getScenario: (id) => getScenario(db, id),
    async scenarioFeatures(scenarioId, q) {
      const rows = await db.query<{ feature: string }>(withFeatureJson('list-scenario-features'), [
        scenarioId,
        q.kinds ?? null,
        ...bboxParams(q.bbox),
      ]);
      return featureCollection(rows);
    },
    // ── rule-overrides (issue 12 §1, migration 014) ──
    async projectRules(districtId) {
      const stored = await readProjectRules(db, districtId);
      return { context: stored?.context ?? 'new-build', overrides: overridesOf(stored) };
    },
    async checkFeatures(scenarioId) {
      return featureCollection(
        await db.query<{ feature: string }>(withFeatureJson('list-check-features'), [scenarioId]),
      );
    },
    async communityScenarios(communityId) {
      const rows = await db.query<ScenarioRow>(sql('list-community-scenarios'), [communityId]);
      return rows.map((r) => {
        const { counts: _counts, ...summary } = toScenario(r);
        return summary;
      });
    },
    async createProposal(baselineId, name) {
      return db.transaction(async (tx) => {
        const [created] = await tx.query<{ id: number; districtId: number }>(
          sql('insert-proposal'),
          [baselineId, name],
        );
        if (!created) return undefined;
        await tx.query(sql('copy-features-with-lineage'), [
          created.districtId,
          baselineId,
          created.id,
        ]);
        return getScenario(tx, Number(created.id));
      });
    },
  };
}
