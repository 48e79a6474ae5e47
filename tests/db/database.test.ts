import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ImportedDistrict } from '../../domain/osm/imported-district';
import { makePostgisCatalog, type Catalog } from '../../server/db/catalog';
import { migrate } from '../../server/db/migrate';
import { saveImportedDistrict } from '../../server/db/save-imported-district';
import { resolve } from 'node:path';
import { openTestDatabase, type TestDatabase } from '../helpers/test-db';

let t: TestDatabase;
let catalog: Catalog;
let districtId: number;

beforeAll(async () => {
  t = await openTestDatabase();
  catalog = makePostgisCatalog(t.db);
  districtId = Math.min(...(await catalog.listDistricts()).map((d) => d.id));
});
afterAll(() => t?.close());

const count = async (sqlText: string, params: unknown[] = []): Promise<number> =>
  Number((await t.db.query<{ n: number }>(sqlText, params))[0]?.n);

describe(`database (${process.env.DATABASE_URL ? 'server PostGIS' : 'PGlite + PostGIS'})`, () => {
  it('is migrated, and migrating again applies nothing', async () => {
    const again = await migrate(t.db, resolve(import.meta.dirname, '../../migrations'));
    expect(again.applied).toEqual([]);
    expect(again.level).toBeGreaterThanOrEqual(1);
  });

  it('has spatial indexes on every geometry column', async () => {
    const rows = await t.db.query<{ indexname: string }>(
      `SELECT indexname FROM pg_indexes WHERE indexdef ILIKE '%USING gist%' ORDER BY indexname`,
    );
    expect(rows.map((r) => r.indexname)).toEqual(
      expect.arrayContaining(['community_geom_gix', 'feature_geom_3857_gix', 'feature_geom_gix']),
    );
  });

  it('stores only valid EPSG:4326 geometry', async () => {
    expect(
      await count(
        `SELECT count(*)::int AS n FROM feature WHERE ST_SRID(geom) <> 4326 OR NOT ST_IsValid(geom)`,
      ),
    ).toBe(0);
    expect(
      await count(
        `SELECT count(*)::int AS n FROM community WHERE ST_SRID(geom) <> 4326 OR NOT ST_IsValid(geom)`,
      ),
    ).toBe(0);
  });

  it('gives every community one baseline and the district one context baseline', async () => {
    const communities = await count(
      `SELECT count(*)::int AS n FROM community WHERE district_id = $1`,
      [districtId],
    );
    const baselines = await count(
      `SELECT count(*)::int AS n FROM scenario WHERE district_id = $1 AND kind = 'baseline' AND community_id IS NOT NULL`,
      [districtId],
    );
    expect(baselines).toBe(communities);
    expect(
      await count(
        `SELECT count(*)::int AS n FROM scenario WHERE district_id = $1 AND kind = 'baseline' AND community_id IS NULL`,
        [districtId],
      ),
    ).toBe(1);
    // A second baseline for the same community is refused by the schema.
    const [c] = await t.db.query<{ id: number }>(
      `SELECT id FROM community WHERE district_id = $1 LIMIT 1`,
      [districtId],
    );
    await expect(
      t.db.query(
        `INSERT INTO scenario (district_id, community_id, kind, name) VALUES ($1, $2, 'baseline', 'x')`,
        [districtId, c!.id],
      ),
    ).rejects.toThrow(/scenario_one_baseline/);
  });

  it('places each building in the baseline of the community that contains it', async () => {
    // Every building in a community baseline lies (by a point on it) inside that community.
    expect(
      await count(
        `SELECT count(*)::int AS n FROM feature f
         JOIN scenario s ON s.district_id = f.district_id AND s.id = f.scenario_id AND s.community_id IS NOT NULL
         JOIN community c ON c.district_id = s.district_id AND c.id = s.community_id
         WHERE f.kind = 'building' AND NOT ST_Intersects(c.geom, ST_PointOnSurface(f.geom))`,
      ),
    ).toBe(0);
  });

  it('copies a baseline into a proposal with per-feature lineage', async () => {
    const [c] = await t.db.query<{ sid: number; n: number }>(
      `SELECT s.id AS sid, count(f.id)::int AS n FROM scenario s JOIN feature f ON f.scenario_id = s.id
       WHERE s.district_id = $1 AND s.kind = 'baseline' AND s.community_id IS NOT NULL
       GROUP BY s.id ORDER BY count(f.id) DESC LIMIT 1`,
      [districtId],
    );
    const proposal = await catalog.createProposal(c!.sid, '方案一 (test)');
    try {
      expect(proposal?.kind).toBe('proposal');
      expect(proposal?.baseScenarioId).toBe(Number(c!.sid));
      const total = Object.values(proposal!.counts).reduce((a, b) => a + b, 0);
      expect(total).toBe(c!.n);
      // Every copy points at a distinct baseline feature of the same kind and geometry.
      expect(
        await count(
          `SELECT count(DISTINCT p.source_id)::int AS n FROM feature p JOIN feature b ON b.id = p.source_id
           WHERE p.scenario_id = $1 AND b.scenario_id = $2 AND b.kind = p.kind AND ST_Equals(b.geom, p.geom)`,
          [proposal!.id, c!.sid],
        ),
      ).toBe(c!.n);
      // Only baselines can seed a proposal.
      expect(await catalog.createProposal(proposal!.id, 'nested')).toBeUndefined();
    } finally {
      await t.db.query(`DELETE FROM scenario WHERE id = $1`, [proposal!.id]);
    }
    expect(
      await count(`SELECT count(*)::int AS n FROM feature WHERE scenario_id = $1`, [proposal!.id]),
    ).toBe(0);
  });

  it('saves an import all or nothing: a bad geometry leaves no half-written district', async () => {
    const before = await count(`SELECT count(*)::int AS n FROM district`);
    const bad: ImportedDistrict = {
      name: 'broken import',
      bbox: [116.3, 39.9, 116.4, 40],
      source: 'test',
      warnings: [],
      communities: [
        {
          name: '测试小区',
          osmRef: 'way/1',
          geometry: {
            type: 'Polygon',
            coordinates: [
              [
                [116.3, 39.9],
                [116.31, 39.9],
                [116.31, 39.91],
                [116.3, 39.9],
              ],
            ],
          },
        },
      ],
      features: [
        {
          kind: 'building',
          osmRef: 'way/2',
          props: {},
          geometry: { type: 'Point', coordinates: [116.305, 39.905] },
        },
        // Not a geometry PostGIS can read: the whole import must roll back.
        {
          kind: 'building',
          osmRef: 'way/3',
          props: {},
          geometry: { type: 'Polygon', coordinates: [[[116.3]]] } as never,
        },
      ],
    };
    await expect(saveImportedDistrict(t.db, bad)).rejects.toThrow();
    expect(await count(`SELECT count(*)::int AS n FROM district`)).toBe(before);
    expect(await count(`SELECT count(*)::int AS n FROM community WHERE name = '测试小区'`)).toBe(0);
  });

  it('repairs a self-intersecting polygon on import instead of storing it invalid', async () => {
    const bowtie: ImportedDistrict = {
      name: 'bowtie import',
      bbox: [116.3, 39.9, 116.4, 40],
      source: 'test',
      warnings: [],
      communities: [],
      features: [
        {
          kind: 'green',
          osmRef: 'way/9',
          props: {},
          // A figure-eight: its two lobes cross at (116.305, 39.905).
          geometry: {
            type: 'Polygon',
            coordinates: [
              [
                [116.3, 39.9],
                [116.31, 39.91],
                [116.31, 39.9],
                [116.3, 39.91],
                [116.3, 39.9],
              ],
            ],
          },
        },
      ],
    };
    const result = await saveImportedDistrict(t.db, bowtie);
    try {
      expect(result.features).toBe(1);
      const [row] = await t.db.query<{ valid: boolean; type: string }>(
        `SELECT ST_IsValid(geom) AS valid, GeometryType(geom) AS type FROM feature WHERE district_id = $1`,
        [result.districtId],
      );
      expect(row).toEqual({ valid: true, type: 'MULTIPOLYGON' });
    } finally {
      await t.db.query(`DELETE FROM district WHERE id = $1`, [result.districtId]);
    }
  });
});
