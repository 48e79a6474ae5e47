import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assignCommunities } from '../../domain/coverage/assign-communities';
import { buildWalkingNetwork } from '../../domain/coverage/build-walking-network';
import { computeCoverageState } from '../../domain/coverage/compute-coverage-state';
import { importedDistrictToCoverageInput } from '../../domain/coverage/imported-district-to-coverage-input';
import type { CoverageState, WalkingNetwork } from '../../domain/coverage/types';
import { osmToImportedDistrict } from '../../domain/osm/osm-to-imported-district';
import { osmXmlToElements } from '../../domain/osm/osm-xml-to-elements';
import type { Executor } from '../../server/db/database';
import { openDatabase } from '../../server/db/open-database';
import { fc, line, point } from '../domain/coverage/build';
import { openTestDatabase, type TestDatabase } from '../helpers/test-db';

/**
 * The coverage engine against SQL on the SAME graph (its edges and node ids, loaded into a temp
 * table that is dropped at commit): on any database, a recursive-CTE shortest path on a small
 * graph; on server PostgreSQL with the pgRouting extension (Debian postgresql-15-pgrouting),
 * pgr_drivingDistance from every facility of a category (equicost) and pgr_dijkstraCost, on the
 * whole demo district. Distances agree to 1e-6 m and the reached node sets are identical.
 */

const DATABASE_URL = process.env.DATABASE_URL || undefined;

/** Whether the server database can have pgRouting (PGlite cannot). */
const pgroutingAvailable = async (): Promise<boolean> => {
  if (!DATABASE_URL) return false;
  const db = await openDatabase({ databaseUrl: DATABASE_URL });
  try {
    const rows = await db.query(`SELECT 1 FROM pg_available_extensions WHERE name = 'pgrouting'`);
    return rows.length > 0;
  } finally {
    await db.close();
  }
};
const HAS_PGROUTING = await pgroutingAvailable();

/** Loads the network's edges as coverage_edges (id, source, target, cost); node ids are +1. */
const loadEdges = async (tx: Executor, net: WalkingNetwork): Promise<void> => {
  await tx.exec(
    `CREATE TEMP TABLE coverage_edges (id bigint, source bigint, target bigint, cost float8)
     ON COMMIT DROP`,
  );
  const ids = Array.from({ length: net.edgeCount }, (_, e) => e + 1);
  await tx.query(
    `INSERT INTO coverage_edges
     SELECT * FROM unnest($1::bigint[], $2::bigint[], $3::bigint[], $4::float8[])`,
    [
      ids,
      Array.from(net.edgeU, (n) => n + 1),
      Array.from(net.edgeV, (n) => n + 1),
      Array.from(net.edgeLengthM),
    ],
  );
};

let t: TestDatabase;
beforeAll(async () => {
  t = await openTestDatabase();
});
afterAll(() => t?.close());

describe(`coverage vs a recursive-CTE shortest path (${DATABASE_URL ? 'server PostgreSQL' : 'PGlite'})`, () => {
  //  (0,200)──(100,200)o──(200,200)──(300,200)
  //     │                                │
  //  (0,0)────(100,0)─────(200,0)k───(300,0)      plus a detached path at y = 400
  const net = buildWalkingNetwork({
    network: fc([
      line([
        [0, 0],
        [100, 0],
        [200, 0],
        [300, 0],
      ]),
      line([
        [0, 200],
        [100, 200],
        [200, 200],
        [300, 200],
      ]),
      line([
        [0, 0],
        [0, 200],
      ]),
      line([
        [300, 0],
        [300, 200],
      ]),
      line([
        [0, 400],
        [100, 400],
      ]),
    ]),
    origins: fc([point(100, 200, {}, 'o'), point(50, 400, {}, 'island')]),
    facilities: fc([
      point(200, 0, { category: 'kindergarten' }),
      point(0, 0, { category: 'kindergarten' }),
    ]),
  });
  const state = computeCoverageState(net, { categories: ['kindergarten'] });

  it('gives every node the same distance to its nearest kindergarten', async () => {
    const sources = net.facilities.flatMap((f) => f.seeds.map((s) => s.node + 1));
    const rows = await t.db.transaction(async (tx) => {
      await loadEdges(tx, net);
      return tx.query<{ node: number; cost: number }>(
        `WITH RECURSIVE e(s, t, w) AS (
           SELECT source, target, cost FROM coverage_edges
           UNION ALL SELECT target, source, cost FROM coverage_edges
         ), walk(node, cost) AS (
           SELECT unnest($1::bigint[]), 0::float8
           UNION
           SELECT e.t, walk.cost + e.w FROM walk JOIN e ON e.s = walk.node
           WHERE walk.cost + e.w <= $2
         )
         SELECT node::int AS node, min(cost) AS cost FROM walk GROUP BY node ORDER BY node`,
        [sources, 1000],
      );
    });
    const field = state.fields.kindergarten!;
    const reached = Array.from(field.distM.keys()).filter((n) => field.distM[n]! < Infinity);
    expect(rows.map((r) => Number(r.node) - 1)).toEqual(reached);
    for (const r of rows) {
      expect(Math.abs(Number(r.cost) - field.distM[Number(r.node) - 1]!)).toBeLessThan(1e-6);
    }
    // o walks 100 m east and 200 m round the west end: 0 → (0,0) kindergarten: 100 + 200 = 300.
    expect(field.distM[net.origins[0]!.node]).toBeCloseTo(300, 5);
    expect(field.distM[net.origins[1]!.node]).toBe(Infinity);
  });
});

describe.runIf(HAS_PGROUTING)(
  'coverage vs pgRouting on the demo district (server PostgreSQL)',
  () => {
    let net: WalkingNetwork;
    let state: CoverageState;
    beforeAll(async () => {
      const district = osmToImportedDistrict(
        osmXmlToElements(
          readFileSync(join(import.meta.dirname, '../../data/beijing-haidian-cau.osm'), 'utf8'),
        ),
        { name: '海淀区 清华东路片区', source: 'beijing-haidian-cau.osm' },
      );
      const input = importedDistrictToCoverageInput(district);
      net = buildWalkingNetwork({
        network: input.network,
        origins: assignCommunities(input.origins, input.communities!),
        facilities: input.facilities,
      });
      state = computeCoverageState(net);
      await t.db.exec('CREATE EXTENSION IF NOT EXISTS pgrouting');
    });

    /** node → agg_cost of pgr_drivingDistance from every start (node ids of the engine). */
    const drivingDistance = async (
      tx: Executor,
      starts: number[],
      equicost: boolean,
    ): Promise<Map<number, number>> => {
      const rows = await tx.query<{ node: number; agg_cost: number }>(
        `SELECT node, min(agg_cost) AS agg_cost FROM pgr_drivingDistance(
         'SELECT id, source, target, cost FROM coverage_edges', $1::bigint[], 1e12,
         directed => false, equicost => $2) GROUP BY node`,
        [starts.map((n) => n + 1), equicost],
      );
      return new Map(rows.map((r) => [Number(r.node) - 1, Number(r.agg_cost)]));
    };

    it('pgr_drivingDistance from every facility of a category: same reached nodes and distances', async () => {
      // equicost => false returns every start's tree; the minimum per node is the exact
      // multi-source distance. equicost => true (one tree per node, pgRouting 3.4.2) reaches the
      // same nodes but sometimes keeps a farther start (e.g. 1385.56 m where pgr_dijkstraCost
      // from the other start gives 1371.18 m): it is checked as an upper bound only.
      const categories = state.options.categories.filter((c) =>
        state.fields[c]!.facilities.some((f) => f.seeds.length > 0),
      );
      expect(categories.length).toBeGreaterThan(10);
      await t.db.transaction(async (tx) => {
        await loadEdges(tx, net);
        for (const c of categories) {
          const field = state.fields[c]!;
          const starts = [...new Set(field.facilities.flatMap((f) => f.seeds.map((s) => s.node)))];
          const exact = await drivingDistance(tx, starts, false);
          const equicost = await drivingDistance(tx, starts, true);
          let reached = 0;
          for (let n = 0; n < net.nodeCount; n++) {
            const d = field.distM[n]!;
            if (d === Infinity) {
              expect(exact.has(n), `${c} node ${n}`).toBe(false);
              continue;
            }
            reached++;
            expect(Math.abs(exact.get(n)! - d), `${c} node ${n}`).toBeLessThan(1e-6);
            expect(equicost.get(n)!, `${c} node ${n} (equicost)`).toBeGreaterThan(d - 1e-6);
          }
          expect(exact.size).toBe(reached);
          expect(equicost.size).toBe(reached);
        }
      });
    });

    it('pgr_dijkstraCost from every kindergarten to every building: the minimum matches', async () => {
      const field = state.fields.kindergarten!;
      const starts = field.facilities.flatMap((f) => f.seeds.map((s) => s.node + 1));
      const ends = net.origins.filter((o) => o.node >= 0).map((o) => o.node + 1);
      const rows = await t.db.transaction(async (tx) => {
        await loadEdges(tx, net);
        return tx.query<{ node: number; cost: number }>(
          `SELECT end_vid AS node, min(agg_cost) AS cost FROM pgr_dijkstraCost(
           'SELECT id, source, target, cost FROM coverage_edges', $1::bigint[], $2::bigint[],
           directed => false) GROUP BY end_vid`,
          [starts, ends],
        );
      });
      expect(rows.length).toBeGreaterThan(100);
      for (const r of rows) {
        expect(Math.abs(Number(r.cost) - field.distM[Number(r.node) - 1]!)).toBeLessThan(1e-6);
      }
      const reachable = ends.filter((n) => field.distM[n - 1]! < Infinity);
      expect(rows.length).toBe(new Set(reachable).size);
    });

    it('leaves no table behind', async () => {
      const rows = await t.db.query(`SELECT 1 FROM pg_tables WHERE tablename = 'coverage_edges'`);
      expect(rows).toEqual([]);
    });
  },
);
