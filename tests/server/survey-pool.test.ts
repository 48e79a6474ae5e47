import { randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makePostgisCatalog } from '../../server/db/catalog';
import { SurveyPool } from '../../server/work/survey-pool';
import { writeBenchDxf, writeBenchShapefile } from '../fixtures/survey/generate-survey-files';
import { loginAs } from '../helpers/login-as';
import { makeTestApp } from '../helpers/test-app';
import { openTestDatabase, type TestDatabase } from '../helpers/test-db';

/**
 * Survey work is bounded (issue 11, review of issue 18): GDAL reads and feature building run in
 * the survey pool's worker threads behind the analyses' admission queue — at most
 * SURVEY_GDAL_MAX at once, SURVEY_MAX_QUEUE waiting, then 503 BUSY — and report progress the
 * wizard polls. Behaviour is asserted (caps, refusals, order of answers), never timings.
 */
let t: TestDatabase;
let dir: string;
let baselineId: number;
const pools: SurveyPool[] = [];
const proposals: number[] = [];
const BIG = 30_000;

/** GDAL processes that are children of this process (the worker threads share its pid). */
function gdalChildren(): number {
  let n = 0;
  for (const pid of readdirSync('/proc')) {
    if (!/^\d+$/.test(pid)) continue;
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      const comm = /\((.*)\)/.exec(stat)?.[1] ?? '';
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (ppid === process.pid && /^(ogr2ogr|ogrinfo|gdaltransform)$/.test(comm)) n++;
    } catch {
      // the process ended while we looked
    }
  }
  return n;
}

const appWith = async (pool: SurveyPool) => {
  pools.push(pool);
  const app = makeTestApp(t.db, { surveyPool: pool }).app;
  const agent = request.agent(app);
  await loginAs(agent, 'planner');
  return { app, agent };
};

beforeAll(async () => {
  t = await openTestDatabase();
  dir = mkdtempSync(join(tmpdir(), 'rpm-survey-pool-'));
  const [row] = await t.db.query<{ id: number }>(
    `SELECT s.id FROM scenario s JOIN community c ON c.id = s.community_id
     WHERE c.name = '静淑苑' AND s.kind = 'baseline'`,
  );
  baselineId = Number(row!.id);
}, 60_000);

afterAll(async () => {
  await Promise.all(pools.map((p) => p.destroy()));
  if (proposals.length)
    await t.db.query('DELETE FROM scenario WHERE id = ANY ($1::bigint[])', [proposals]);
  await t.db.query(`DELETE FROM survey_layer_mapping WHERE layer_name = 'JMD'`);
  await t?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('bounded survey work', () => {
  it('runs at most SURVEY_GDAL_MAX reads, queues SURVEY_MAX_QUEUE, refuses one more with 503 BUSY', async () => {
    const pool = new SurveyPool({ concurrency: 1, maxQueue: 1 });
    const { agent } = await appWith(pool);
    // A DXF is scanned in full (closed polylines and blocks hide in any layer): ~9,000 features.
    const dxf = readFileSync(writeBenchDxf(dir, 1).file);
    const send = () =>
      agent
        .post('/api/survey/uploads?fileName=big.dxf')
        .set('Content-Type', 'application/octet-stream')
        .send(dxf);
    let maxGdal = 0;
    let maxActive = 0;
    const sampler = setInterval(() => {
      maxGdal = Math.max(maxGdal, gdalChildren());
      maxActive = Math.max(maxActive, pool.load.active);
    }, 10);
    try {
      const first = send().then((r) => r);
      await expect.poll(() => pool.load.active, { timeout: 30_000 }).toBe(1);
      const second = send().then((r) => r);
      await expect.poll(() => pool.load.waiting, { timeout: 30_000 }).toBe(1);
      const third = await send();
      expect(third.status).toBe(503);
      expect(third.body.error.code).toBe('BUSY');
      expect(third.headers['retry-after']).toBe('5');
      expect(third.body.error.message).toContain('测绘导入繁忙');
      const [a, b] = await Promise.all([first, second]);
      expect(a.status, a.text).toBe(201);
      expect(b.status, b.text).toBe(201);
      expect(a.body.layers.find((l: { name: string }) => l.name === 'JMD').count).toBe(
        b.body.layers.find((l: { name: string }) => l.name === 'JMD').count,
      );
    } finally {
      clearInterval(sampler);
    }
    expect(maxActive).toBe(1);
    expect(maxGdal).toBeGreaterThanOrEqual(1); // the sampler saw GDAL at work …
    expect(maxGdal).toBeLessThanOrEqual(1); // … and never two at once
    expect(pool.load).toEqual({ active: 0, waiting: 0 });
  }, 180_000);

  it('answers health and reports progress while a big commit runs, then writes all of it', async () => {
    const pool = new SurveyPool({ concurrency: 1, maxQueue: 2 });
    const { app, agent } = await appWith(pool);
    const zip = readFileSync(writeBenchShapefile(dir, BIG));
    const up = await agent
      .post(`/api/survey/uploads?fileName=big.zip&scenarioId=${baselineId}`)
      .set('Content-Type', 'application/octet-stream')
      .send(zip);
    expect(up.status, up.text).toBe(201);
    expect(up.body.layers).toEqual([
      expect.objectContaining({ name: 'JMD', count: BIG, geometryTypes: { Polygon: BIG } }),
    ]);
    expect(up.body.crs.detected).toBe('EPSG:4548');
    const proposal = await makePostgisCatalog(t.db).createProposal(baselineId, '测绘进度');
    proposals.push(proposal!.id);
    const progressId = randomUUID();
    let committed = false;
    const commit = agent
      .post(`/api/survey/uploads/${up.body.uploadId}/commit?progress=${progressId}`)
      .send({
        scenarioId: proposal!.id,
        crs: 'EPSG:4548',
        units: 'm',
        mapping: { JMD: { kind: 'building', fields: { name: 'MC', levels: 'CS' } } },
      })
      .then((r) => {
        committed = true;
        return r;
      });
    const seen: { phase: string; done: number; total: number }[] = [];
    await expect
      .poll(
        async () => {
          const p = await agent.get(`/api/survey/progress/${progressId}`);
          if (p.status === 200) seen.push(p.body);
          return p.body.phase;
        },
        { timeout: 60_000, interval: 20 },
      )
      .toBe('reading');
    // The features are built in a worker thread: the event loop answers in the meantime.
    const health = await agent.get('/api/health');
    expect(health.status).toBe(200);
    expect(committed).toBe(false);
    const res = await commit;
    expect(res.status, res.text).toBe(201);
    expect(res.body.created).toBe(BIG);
    expect(res.body.counts).toEqual({ building: BIG });
    const last = await agent.get(`/api/survey/progress/${progressId}`).expect(200);
    expect(last.body).toEqual({ phase: 'done', done: BIG, total: BIG });
    expect(seen.every((p) => p.total === 0 || p.total === BIG)).toBe(true);
    const [n] = await t.db.query<{ n: number; levels: number }>(
      `SELECT count(*)::int AS n, max(levels)::int AS levels FROM feature
       WHERE scenario_id = $1 AND props ->> 'source' = 'survey'`,
      [proposal!.id],
    );
    expect(n).toEqual({ n: BIG, levels: 18 });
    // Nobody else reads this account's progress, not even an admin of the same app.
    const admin = request.agent(app);
    await loginAs(admin, 'admin');
    expect((await admin.get(`/api/survey/progress/${progressId}`)).status).toBe(404);
  }, 300_000);
});
