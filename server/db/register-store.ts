import type { InterventionCategory } from '../../domain/model/intervention-categories';
import type { CommunityStage, RenewalStage } from '../../domain/model/renewal-stages';
import type { ReviewState } from '../../domain/review/review-states';
import type { Database } from './database';
import { sql } from './load-sql';

export interface RegisterItem {
  id: number;
  communityId: number;
  name: string;
  category: InterventionCategory;
  quantity: number;
  unit: string;
  budgetWan: number;
  featureIds: number[];
  phase: RenewalStage;
  progressPct: number;
  acceptedOn: string | null;
  version: number;
  createdAt: string;
  updatedAt: string;
}

export type RegisterItemFields = Omit<
  RegisterItem,
  'id' | 'communityId' | 'version' | 'createdAt' | 'updatedAt'
>;

export interface DistrictRegisterRow {
  id: number;
  name: string;
  builtYear: number | null;
  households: number | null;
  buildingCount: number;
  floorAreaSqM: number | null;
  /** null: not set (未设定). */
  stage: CommunityStage;
  communityBudgetWan: number | null;
  baselineId: number | null;
  proposalId: number | null;
  proposalName: string | null;
  reviewState: ReviewState | null;
  /** A point inside the community (the map flies there) and its bbox. */
  lon: number;
  lat: number;
  bbox: [number, number, number, number];
  items: RegisterItem[];
}

export interface ChangeStamp {
  changes: number;
  lastRev: number;
}

/** The renewal register (改造项目清单) of communities, with versioned item writes. */
export interface RegisterStore {
  items(communityId: number): Promise<RegisterItem[]>;
  item(id: number): Promise<RegisterItem | undefined>;
  /** Feature ids that are not features of the community's scenarios. */
  foreignFeatures(communityId: number, featureIds: number[]): Promise<number[]>;
  insert(communityId: number, f: RegisterItemFields): Promise<number | undefined>;
  /** false: missing or stale version. */
  update(id: number, version: number, f: RegisterItemFields): Promise<boolean>;
  remove(id: number, version: number): Promise<boolean>;
  district(districtId: number): Promise<DistrictRegisterRow[]>;
  /**
   * How many write transactions have touched the district, and the newest one's rev
   * (migration 020): the register cache's stamp. Read it BEFORE computing what it keys.
   */
  changeStamp(districtId: number): Promise<ChangeStamp>;
  /** The cached register (JSON text) under this key and stamp, if any. */
  cached(districtId: number, key: string, stamp: ChangeStamp): Promise<string | undefined>;
  /** Keep a computed register (JSON text) under its key and the stamp read before computing. */
  keep(
    districtId: number,
    key: string,
    stamp: ChangeStamp,
    payload: string,
    computeMs: number,
  ): Promise<void>;
}

const withItem = (name: string): string =>
  sql(name).replaceAll(
    '{{ITEM}}',
    sql('register-item-json')
      .replace(/^--.*\n/gm, '')
      .trim(),
  );

const toItem = (text: string | object): RegisterItem => {
  const r = (typeof text === 'string' ? JSON.parse(text) : text) as RegisterItem;
  return {
    ...r,
    id: Number(r.id),
    communityId: Number(r.communityId),
    featureIds: (r.featureIds ?? []).map(Number),
    createdAt: new Date(r.createdAt).toISOString(),
    updatedAt: new Date(r.updatedAt).toISOString(),
  };
};

const params = (f: RegisterItemFields): unknown[] => [
  f.name,
  f.category,
  f.quantity,
  f.unit,
  f.budgetWan,
  f.featureIds,
  f.phase,
  f.progressPct,
  f.acceptedOn,
];

const num = (x: unknown): number | null => (x === null || x === undefined ? null : Number(x));

export function makeRegisterStore(db: Database): RegisterStore {
  return {
    async items(communityId) {
      const rows = await db.query<{ item: string }>(withItem('list-register-items'), [communityId]);
      return rows.map((r) => toItem(r.item));
    },
    async item(id) {
      const [row] = await db.query<{ item: string }>(withItem('get-register-item'), [id]);
      return row ? toItem(row.item) : undefined;
    },
    async foreignFeatures(communityId, featureIds) {
      if (featureIds.length === 0) return [];
      const rows = await db.query<{ id: number }>(sql('check-register-features'), [
        communityId,
        featureIds,
      ]);
      return rows.map((r) => Number(r.id));
    },
    async insert(communityId, f) {
      const [row] = await db.query<{ id: number }>(sql('insert-register-item'), [
        communityId,
        ...params(f),
      ]);
      return row ? Number(row.id) : undefined;
    },
    async update(id, version, f) {
      const rows = await db.query(sql('update-register-item'), [id, version, ...params(f)]);
      return rows.length > 0;
    },
    async remove(id, version) {
      return (await db.query(sql('delete-register-item'), [id, version])).length > 0;
    },
    async district(districtId) {
      const rows = await db.query<
        Omit<DistrictRegisterRow, 'items' | 'bbox'> & {
          items: string;
          bbox: string;
        }
      >(withItem('list-district-register'), [districtId]);
      return rows.map((r) => ({
        ...r,
        id: Number(r.id),
        builtYear: num(r.builtYear),
        households: num(r.households),
        buildingCount: Number(r.buildingCount),
        floorAreaSqM: num(r.floorAreaSqM),
        communityBudgetWan: num(r.communityBudgetWan),
        baselineId: num(r.baselineId),
        proposalId: num(r.proposalId),
        lon: Number(r.lon),
        lat: Number(r.lat),
        bbox: JSON.parse(r.bbox) as [number, number, number, number],
        items: (JSON.parse(r.items) as object[]).map(toItem),
      }));
    },
    async changeStamp(districtId) {
      const [row] = await db.query<ChangeStamp>(sql('district-change-stamp'), [districtId]);
      return { changes: Number(row?.changes ?? 0), lastRev: Number(row?.lastRev ?? 0) };
    },
    async cached(districtId, key, stamp) {
      const [row] = await db.query<{ payload: string }>(sql('get-register-cache'), [
        districtId,
        key,
        stamp.changes,
        stamp.lastRev,
      ]);
      return row?.payload;
    },
    async keep(districtId, key, stamp, payload, computeMs) {
      await db.query(sql('put-register-cache'), [
        districtId,
        key,
        stamp.changes,
        stamp.lastRev,
        payload,
        computeMs,
      ]);
    },
  };
}
