import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { osmToImportedDistrict } from '../../domain/osm/osm-to-imported-district';
import { osmXmlToElements } from '../../domain/osm/osm-xml-to-elements';
import { RULES } from '../../domain/standards/rules';
import { importOsmFile } from '../../server/import/import-osm-file';
import { makeTestApp } from '../helpers/test-app';
import { openTestDatabase, type TestDatabase } from '../helpers/test-db';

const data = (file: string): string =>
  fileURLToPath(new URL(`../../data/${file}`, import.meta.url));

let t: TestDatabase;
const created: number[] = [];
beforeAll(async () => {
  t = await openTestDatabase();
}, 60_000);
afterAll(async () => {
  for (const id of created) await t.db.query('DELETE FROM district WHERE id = $1', [id]);
  await t.close();
});

const kindCounts = async (districtId: number): Promise<Record<string, number>> => {
  const rows = await t.db.query<{ kind: string; n: number }>(
    'SELECT kind, count(*)::int AS n FROM feature WHERE district_id = $1 GROUP BY kind',
    [districtId],
  );
  return Object.fromEntries(rows.map((r) => [r.kind, Number(r.n)]));
};

const communities = (districtId: number) =>
  t.db.query<{ name: string; name_basis: string | null; osm_ref: string; building_count: number }>(
    `SELECT name, name_basis, osm_ref, building_count FROM community
     WHERE district_id = $1 ORDER BY osm_ref`,
    [districtId],
  );

/** The district's stored extent, [west, south, east, north]. */
const storedExtent = async (districtId: number): Promise<number[]> => {
  const [e] = await t.db.query<{ w: number; s: number; e: number; n: number }>(
    `SELECT ST_XMin(geom) AS w, ST_YMin(geom) AS s, ST_XMax(geom) AS e, ST_YMax(geom) AS n
     FROM district WHERE id = $1`,
    [districtId],
  );
  return [Number(e?.w), Number(e?.s), Number(e?.e), Number(e?.n)];
};

const communitiesInsideExtent = async (districtId: number): Promise<boolean> => {
  const [r] = await t.db.query<{ ok: boolean }>(
    `SELECT bool_and(ST_Covers(d.geom, c.geom)) AS ok
     FROM district d JOIN community c ON c.district_id = d.id WHERE d.id = $1`,
    [districtId],
  );
  return r?.ok === true;
};

describe('streaming import (osmium) into the database', () => {
  it('imports the demo extract: 11 residential areas give 11 communities, as in memory', async () => {
    const r = await importOsmFile(t.db, data('beijing-haidian-cau.osm'), { name: 'CAU 流式' });
    created.push(r.districtId);
    expect(r.communities).toBe(11);
    expect(r.features).toBe(688);
    expect(r.dropped).toBe(0);
    // The extent is the communities' (whole: four of them run past the file's <bounds>
    // 116.34403, 39.99767, 116.35974, 40.00888) and the other features' cut to <bounds>.
    expect(r.bbox).toEqual([116.3427531, 39.9964857, 116.3619599, 40.0107452]);
    expect(await storedExtent(r.districtId)).toEqual(r.bbox);
    expect(await communitiesInsideExtent(r.districtId)).toBe(true);
    const rows = await communities(r.districtId);
    expect(rows.filter((c) => c.name_basis !== null).map((c) => [c.osm_ref, c.name])).toEqual([
      ['way/609225889', '石板房南路南侧居住区'],
    ]);
    // The same features per kind as the in-memory converter (osmtogeojson) finds.
    const memory = osmToImportedDistrict(
      osmXmlToElements(readFileSync(data('beijing-haidian-cau.osm'), 'utf8')),
      { name: 'm', source: 'm' },
    );
    const expected: Record<string, number> = {};
    for (const f of memory.features) expected[f.kind] = (expected[f.kind] ?? 0) + 1;
    expect(await kindCounts(r.districtId)).toEqual(expected);
    expect(r.warnings.map((w) => [w.rule, w.osmRef])).toEqual([
      ['building-on-point', 'node/3722962720'],
      ['incomplete-in-extract', 'relation/14400092'],
    ]);
    // Each building sits in exactly the baseline of the community that contains it.
    const [placed] = await t.db.query<{ n: number }>(
      `SELECT sum(building_count)::int AS n FROM community WHERE district_id = $1`,
      [r.districtId],
    );
    expect(Number(placed?.n)).toBe(105);
  }, 120_000);

  it('gives every unnamed area of beijing-bupt.osm a provisional name from its nearest road', async () => {
    const r = await importOsmFile(t.db, data('beijing-bupt.osm'));
    created.push(r.districtId);
    expect((await communities(r.districtId)).map((c) => [c.name, c.name_basis])).toEqual([
      ['西土城路东侧居住区', 'road'],
      ['师大北路北侧居住区', 'road'],
      ['杏坛路西侧居住区', 'road'],
    ]);
    const { app } = makeTestApp(t.db);
    const list = await request(app).get(`/api/communities?district=${r.districtId}`);
    const props = (list.body as { features: { properties: Record<string, unknown> }[] }).features
      .map((f) => [f.properties.name, f.properties.nameProvisional, f.properties.nameBasis])
      .sort();
    expect(props).toEqual([
      ['师大北路北侧居住区', true, 'road'],
      ['杏坛路西侧居住区', true, 'road'],
      ['西土城路东侧居住区', true, 'road'],
    ]);
    const csv = await request(app).get(`/api/districts/${r.districtId}/import-warnings.csv`);
    expect(csv.status).toBe(200);
    expect(csv.headers['content-type']).toMatch(/text\/csv/);
    expect(csv.text.split('\r\n')).toEqual([
      '\uFEFFrule,action,osm_ref,name,detail',
      'building-on-point,skipped,node/4017485636,游泳馆,"building tagged on a point (no footprint), skipped"',
      'building-on-point,skipped,node/4017485637,球类馆,"building tagged on a point (no footprint), skipped"',
      'building-on-point,skipped,node/4017491039,北京邮电大学出版社,"building tagged on a point (no footprint), skipped"',
      '',
    ]);
    expect((await request(app).get('/api/districts/999999/import-warnings.csv')).status).toBe(404);
  }, 120_000);

  it('stores the extent of the communities, not the file bounds they run past (beijing-bupt.osm)', async () => {
    // <bounds> reach 39.96377 N; a residential outline runs on to 39.9648685 N, about 120 m
    // further north (111.32 km per degree of latitude). It is not cut.
    const r = await importOsmFile(t.db, data('beijing-bupt.osm'), { name: 'BUPT extent' });
    created.push(r.districtId);
    const extent = await storedExtent(r.districtId);
    expect(extent).toEqual([116.34886, 39.95668, 116.35519, 39.9648685]);
    expect(r.bbox).toEqual(extent);
    expect(await communitiesInsideExtent(r.districtId)).toBe(true);
    const pastBoundsM = (extent[3]! - 39.96377) * 111_320;
    expect(pastBoundsM).toBeGreaterThan(110);
    expect(pastBoundsM).toBeLessThan(130);
  }, 120_000);

  it('clips to --bbox: extent the box and its communities, features outside it gone', async () => {
    const bbox: [number, number, number, number] = [116.345, 39.998, 116.352, 40.004];
    const r = await importOsmFile(t.db, data('beijing-haidian-cau.osm'), {
      bbox,
      contextBufferM: 0,
    });
    created.push(r.districtId);
    // Communities crossing the box are kept whole (osmium's smart strategy), and so is the
    // extent around them; the other features are cut to the box.
    expect(r.bbox).toEqual([116.3428935, 39.9964857, 116.3559289, 40.0064807]);
    expect(await storedExtent(r.districtId)).toEqual(r.bbox);
    expect(await communitiesInsideExtent(r.districtId)).toBe(true);
    expect(r.features).toBeLessThan(688);
    expect(r.features).toBeGreaterThan(100);
    const [outside] = await t.db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM feature
       WHERE district_id = $1 AND NOT ST_Intersects(geom, ST_MakeEnvelope($2, $3, $4, $5, 4326))`,
      [r.districtId, ...bbox],
    );
    expect(Number(outside?.n)).toBe(0);
  }, 120_000);

  it('keeps the walking network and facilities within 1 km beyond the clip as context only', async () => {
    const bbox: [number, number, number, number] = [116.345, 39.998, 116.352, 40.004];
    const envelope = 'ST_MakeEnvelope($2, $3, $4, $5, 4326)';
    const bare = await importOsmFile(t.db, data('beijing-haidian-cau.osm'), {
      bbox,
      contextBufferM: 0,
    });
    created.push(bare.districtId);
    const r = await importOsmFile(t.db, data('beijing-haidian-cau.osm'), { bbox });
    created.push(r.districtId);
    expect(RULES.importContext.bufferM.value).toBe(1000);
    // The same communities, buildings and households: the buffer adds context, not 小区.
    // (way/860342589, an area beside the box's north-west corner whose bounding box overlaps
    // the box, arrives whole in the grown extract: the exact test keeps it out.)
    const stats = (id: number) =>
      t.db.query<{ osm_ref: string; building_count: number; households: number }>(
        `SELECT osm_ref, building_count, households FROM community WHERE district_id = $1
         ORDER BY osm_ref`,
        [id],
      );
    expect(await stats(r.districtId)).toEqual(await stats(bare.districtId));
    expect(r.bbox).toEqual(bare.bbox);
    // Beyond the clip: only roads, footways and facilities, marked, none past 1 km.
    const outside = await t.db.query<{ kind: string; n: number; marked: number; far: number }>(
      `SELECT kind, count(*)::int AS n,
              count(*) FILTER (WHERE props->>'context' = 'buffer')::int AS marked,
              count(*) FILTER (WHERE NOT ST_DWithin(geom::geography, ${envelope}::geography, 1000))::int AS far
       FROM feature WHERE district_id = $1 AND NOT ST_Intersects(geom, ${envelope})
       GROUP BY kind ORDER BY kind`,
      [r.districtId, ...bbox],
    );
    expect(outside.map((o) => o.kind)).toEqual(['facility', 'footway', 'road']);
    for (const o of outside) {
      expect(o.n).toBeGreaterThan(0);
      expect(o.marked).toBe(o.n);
      expect(o.far).toBe(0);
    }
    // Inside the clip nothing changed.
    const inside = (id: number) =>
      t.db.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM feature WHERE district_id = $1 AND ST_Intersects(geom, ${envelope})
           AND NOT props ? 'context'`,
        [id, ...bbox],
      );
    expect(await inside(r.districtId)).toEqual(await inside(bare.districtId));
    expect(r.features).toBe(bare.features + outside.reduce((a, o) => a + o.n, 0));
  }, 120_000);

  it('cancelled (SIGINT aborts the signal) leaves no half district', async () => {
    const before = await t.db.query<{ n: number }>('SELECT count(*)::int AS n FROM district');
    const controller = new AbortController();
    const running = importOsmFile(t.db, data('beijing-haidian-cau.osm'), {
      name: 'cancelled',
      signal: controller.signal,
      batchSize: 100,
    });
    // Abort while osmium streams (the district row is already inserted, in the transaction).
    setTimeout(() => controller.abort(new Error('cancelled')), 300);
    await expect(running).rejects.toThrow();
    const after = await t.db.query<{ n: number }>('SELECT count(*)::int AS n FROM district');
    expect(Number(after[0]?.n)).toBe(Number(before[0]?.n));
    const [left] = await t.db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM district WHERE name = 'cancelled'`,
    );
    expect(Number(left?.n)).toBe(0);
  }, 120_000);
});
