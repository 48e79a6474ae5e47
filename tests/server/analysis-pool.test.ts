import express from 'express';
import request from 'supertest';
import { afterAll, describe, expect, it } from 'vitest';
import { MAX_VERTICES } from '../../server/http/geometry-schema';
import { errorHandler } from '../../server/http/error-handler';
import { coverageRoutes } from '../../server/routes/coverage-routes';
import { AnalysisPool } from '../../server/work/analysis-pool';
import { fc, gridLines, line, point } from '../domain/coverage/build';

/**
 * Issue 18: analyses run in worker threads behind an admission queue with a time budget, after
 * a cheap vertex check, so one heavy or hostile request never stops the event loop.
 */
const pools: AnalysisPool[] = [];
const appWith = (pool: AnalysisPool) =>
  express()
    .use(express.json({ limit: '20mb' }))
    .get('/api/health', (_req, res) => {
      res.json({ ok: true });
    })
    .use('/api', coverageRoutes(pool))
    .use(errorHandler);
const poolOf = (o: Partial<AnalysisPool['options']>) => {
  const p = new AnalysisPool({ threads: 1, budgetMs: 60_000, maxQueue: 4, ...o });
  pools.push(p);
  return p;
};

afterAll(async () => {
  await Promise.all(pools.map((p) => p.destroy()));
});

const ISO = '/api/analysis/walking-isochrones';
const COVERAGE = '/api/analysis/coverage';
// Coverage on a 150 × 150 street grid (300 lines, 45,000 vertices) with 2,500 buildings: well
// under a second of work, more in a fresh worker thread (which loads the domain first).
const heavy = {
  network: fc(gridLines(150, 150, 20)),
  origins: fc(
    Array.from({ length: 2500 }, (_, i) =>
      point((i % 50) * 55 + 7, Math.floor(i / 50) * 55 + 7, { households: 10 }, `b${i}`),
    ),
  ),
  facilities: fc([point(1500, 1500, { category: 'kindergarten' }, 'kg')]),
  options: { categories: ['kindergarten'] },
};

describe('analysis routes under heavy and hostile input (issue 18)', () => {
  it('refuses a footway above the feature vertex cap before any work, in both languages', async () => {
    const app = appWith(poolOf({}));
    const coords = Array.from(
      { length: MAX_VERTICES + 1 },
      (_, i) => [i * 0.1, Math.sin(i) * 0.1] as const,
    );
    const body = { network: fc([line(coords)]), at: [116.35, 40.0] };
    const zh = await request(app).post(ISO).send(body).expect(400);
    expect(zh.body.error.code).toBe('VALIDATION');
    expect(zh.body.error.message).toContain(`${MAX_VERTICES + 1} 个顶点`);
    const en = await request(app).post(ISO).set('Accept-Language', 'en').send(body).expect(400);
    expect(en.body.error.message).toContain(`at most ${MAX_VERTICES}`);
  });

  it('answers health while two heavy analyses run', async () => {
    const app = appWith(poolOf({ threads: 1 }));
    const order: string[] = [];
    const analyses = [1, 2].map((k) =>
      request(app)
        .post(COVERAGE)
        .send(heavy)
        .then((r) => {
          expect(r.status).toBe(200);
          order.push(`analysis ${k}`);
        }),
    );
    await new Promise((r) => setTimeout(r, 50));
    const health = await request(app).get('/api/health').expect(200);
    order.push('health');
    expect(health.body.ok).toBe(true);
    await Promise.all(analyses);
    // Had the analyses run on the event loop, health would have waited for both.
    expect(order[0]).toBe('health');
    expect(order).toHaveLength(3);
  });

  it('stops an analysis past its budget with 422 TOO_COMPLEX, and the pool serves the next', async () => {
    const pool = poolOf({ budgetMs: 5 });
    const app = appWith(pool);
    const res = await request(app).post(COVERAGE).send(heavy).expect(422);
    expect(res.body.error.code).toBe('TOO_COMPLEX');
    expect(res.body.error.message).toContain('时间预算');
    expect(pool.load).toEqual({ active: 0, waiting: 0 });
  });

  it('sheds past the queue limit with 503 and Retry-After', async () => {
    const pool = poolOf({ threads: 1, maxQueue: 1 });
    const app = appWith(pool);
    const first = request(app)
      .post(COVERAGE)
      .send(heavy)
      .then((r) => r.status);
    const second = request(app)
      .post(COVERAGE)
      .send(heavy)
      .then((r) => r.status);
    await expect.poll(() => pool.load, { timeout: 30_000 }).toEqual({ active: 1, waiting: 1 });
    const third = await request(app).post(COVERAGE).set('Accept-Language', 'en').send(heavy);
    expect(third.status).toBe(503);
    expect(third.headers['retry-after']).toBe('5');
    expect(third.body.error.code).toBe('BUSY');
    expect(third.body.error.message).toContain('retry in 5 s');
    expect(await Promise.all([first, second])).toEqual([200, 200]);
  });
});
