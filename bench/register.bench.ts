/**
 * `npm run bench:register`: the district register as a cached lookup (issue 13 item 2,
 * migration 020) against today's recomputation, side by side in one run, on both engines.
 *
 * District: Monaco (data/monaco.osm.pbf, every residential area a community), imported once
 * into the bench database; each community gets a proposal with 3 added stalls so the register
 * computes ledgers, fire lanes and coverage from proposals, as a district in planning does.
 *   - recompute: computeDistrictRegister + JSON.stringify (what GET /register did until now);
 *   - cached: cachedDistrictRegister on an unchanged district (stamp + lookup, JSON text);
 *   - first read after an edit: one stall moved, then cachedDistrictRegister (stamp, miss,
 *     compute, keep): what the next reader pays once.
 * BENCH_READS (default 20) reads per measure; BENCH_DATABASE_URL for the server database.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Database } from '../server/db/database';
import { makePostgisCatalog } from '../server/db/catalog';
import { makeRegisterStore } from '../server/db/register-store';
import { cachedDistrictRegister } from '../server/register/cached-district-register';
import { computeDistrictRegister } from '../server/register/compute-district-register';
import {
  MONACO,
  ensureDistrict,
  openPgliteBenchDatabase,
  openServerBenchDatabase,
} from './lib/bench-database';
import { median, percentile, printTable, type Row } from './lib/stats';

const READS = Number(process.env.BENCH_READS ?? 20);
const ASOF = '2026-12-01';

async function planEveryCommunity(db: Database, districtId: number): Promise<number> {
  const [{ n } = { n: 0 }] = await db.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM scenario WHERE district_id = $1 AND kind = 'proposal'`,
    [districtId],
  );
  if (Number(n) > 0) return Number(n);
  // One proposal per community (a copy of its baseline) with 3 stalls at the community's point.
  await db.transaction(async (tx) => {
    await tx.query(
      `INSERT INTO scenario (district_id, community_id, kind, name, base_scenario_id)
       SELECT b.district_id, b.community_id, 'proposal', '方案 bench', b.id
       FROM scenario b WHERE b.district_id = $1 AND b.kind = 'baseline'
         AND b.community_id IS NOT NULL`,
      [districtId],
    );
    await tx.query(
      `INSERT INTO feature (district_id, scenario_id, kind, geom, name, category, width_m, levels,
                            height_m, capacity, props, source_id)
       SELECT f.district_id, p.id, f.kind, f.geom, f.name, f.category, f.width_m, f.levels,
              f.height_m, f.capacity, f.props, f.id
       FROM scenario p JOIN feature f ON f.district_id = p.district_id
         AND f.scenario_id = p.base_scenario_id
       WHERE p.district_id = $1 AND p.kind = 'proposal'`,
      [districtId],
    );
    await tx.query(
      `INSERT INTO feature (district_id, scenario_id, kind, category, geom)
       SELECT p.district_id, p.id, 'parking_stall', 'standard',
              ST_Translate(ST_MakeEnvelope(0, 0, 2.5e-5, 4.5e-5, 4326),
                           ST_X(ST_PointOnSurface(c.geom)) + g * 3e-5, ST_Y(ST_PointOnSurface(c.geom)))
       FROM scenario p JOIN community c ON c.district_id = p.district_id AND c.id = p.community_id
       CROSS JOIN generate_series(0, 2) g
       WHERE p.district_id = $1 AND p.kind = 'proposal'`,
      [districtId],
    );
  });
  const [{ m } = { m: 0 }] = await db.query<{ m: number }>(
    `SELECT count(*)::int AS m FROM scenario WHERE district_id = $1 AND kind = 'proposal'`,
    [districtId],
  );
  return Number(m);
}

const time = async (fn: () => Promise<unknown>): Promise<number[]> => {
  const out: number[] = [];
  for (let i = 0; i < READS; i++) {
    const t0 = performance.now();
    await fn();
    out.push(performance.now() - t0);
  }
  return out;
};

async function run(db: Database, label: string): Promise<Row[]> {
  const districtId = await ensureDistrict(db, MONACO);
  const proposals = await planEveryCommunity(db, districtId);
  const deps = { catalog: makePostgisCatalog(db), register: makeRegisterStore(db) };
  const [{ n: communities } = { n: 0 }] = await db.query<{ n: number }>(
    'SELECT count(*)::int AS n FROM community WHERE district_id = $1',
    [districtId],
  );
  console.log(`${label}: ${communities} communities, ${proposals} proposals`);

  const recompute = await time(async () =>
    JSON.stringify(await computeDistrictRegister(deps, districtId, ASOF)),
  );
  await cachedDistrictRegister(deps, districtId, ASOF); // warm
  let hits = 0;
  const cached = await time(async () => {
    if ((await cachedDistrictRegister(deps, districtId, ASOF)).hit) hits++;
  });
  const [stall] = await db.query<{ id: number }>(
    `SELECT id FROM feature WHERE district_id = $1 AND kind = 'parking_stall' ORDER BY id LIMIT 1`,
    [districtId],
  );
  const afterEdit = await time(async () => {
    await db.query(`UPDATE feature SET geom = ST_Translate(geom, 1e-7, 0) WHERE id = $1`, [
      stall!.id,
    ]);
    const r = await cachedDistrictRegister(deps, districtId, ASOF);
    if (r.hit) throw new Error('a read after an edit was served from the cache');
  });
  const p50 = median(recompute);
  const rows: Row[] = [
    {
      measure: `${label}: recompute (today), p50 / p95`,
      value: `${p50.toFixed(1)} / ${percentile(recompute, 95).toFixed(1)} ms`,
      baseline: '',
      ratio: undefined,
      target: '',
      met: undefined,
    },
    {
      measure: `${label}: cached read, p50 (${hits}/${READS} hits)`,
      value: `${median(cached).toFixed(2)} ms`,
      baseline: `${p50.toFixed(1)} ms`,
      ratio: median(cached) / p50,
      target: '≤ 0.05×',
      met: median(cached) / p50 <= 0.05 && hits === READS,
    },
    {
      measure: `${label}: first read after an edit (edit + miss + compute + keep), p50`,
      value: `${median(afterEdit).toFixed(1)} ms`,
      baseline: `${p50.toFixed(1)} ms`,
      ratio: median(afterEdit) / p50,
      target: '≤ 1.2× (the stamp and keep cost little)',
      met: median(afterEdit) / p50 <= 1.2,
    },
  ];
  return rows;
}

const rows: Row[] = [];
{
  const db = await openServerBenchDatabase();
  try {
    rows.push(...(await run(db, 'PostgreSQL')));
  } finally {
    await db.close();
  }
}
{
  const dir = mkdtempSync(join(tmpdir(), 'rpm-bench-register-'));
  const db = await openPgliteBenchDatabase(dir);
  try {
    rows.push(...(await run(db, 'PGlite')));
  } finally {
    await db.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
printTable(`District register, ${READS} reads per measure (one run)`, rows);
