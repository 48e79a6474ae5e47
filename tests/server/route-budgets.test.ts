import { request as httpRequest, type ClientRequest } from 'node:http';
import type { AddressInfo, Server } from 'node:net';
import type { Express } from 'express';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RouteBudgets } from '../../server/http/route-budgets';
import { DEMO_LOGIN } from '../helpers/login-as';
import { makeTestApp } from '../helpers/test-app';
import { openTestDatabase, type TestDatabase } from '../helpers/test-db';

/**
 * Issue 18 item 2: map reads and heavy routes have separate concurrency budgets. With one slot
 * and one queue place per group, a third heavy request is shed with 503 + Retry-After while the
 * map answers, and a third map read is shed while heavy work goes on. Held slots come from real
 * requests (an import whose body is still arriving; tiles waiting on a busy database), so
 * nothing here depends on timings.
 */
let t: TestDatabase;
let app: Express;
let server: Server;
let base: string;
let cookie: string;
let proposal: number;
let districtId: number;
const isPg = Boolean(process.env.DATABASE_URL);

const gates = () => (app.locals.routeBudgets as RouteBudgets).gates;

const stall = JSON.stringify({
  type: 'FeatureCollection',
  features: [
    {
      type: 'Feature',
      properties: { kind: 'parking_stall' },
      geometry: {
        type: 'Polygon',
        coordinates: [
          [
            [116.343, 40.0038],
            [116.3430293, 40.0038],
            [116.3430293, 40.0038477],
            [116.343, 40.0038477],
            [116.343, 40.0038],
          ],
        ],
      },
    },
  ],
});

beforeAll(async () => {
  t = await openTestDatabase();
  app = makeTestApp(t.db, {
    routeBudgets: { mapConcurrency: 1, mapMaxQueue: 1, heavyConcurrency: 1, heavyMaxQueue: 1 },
  }).app;
  server = app.listen(0, '127.0.0.1');
  await new Promise((ok) => server.once('listening', ok));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const login = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(DEMO_LOGIN.admin),
  });
  cookie = login.headers.getSetCookie()[0]!.split(';')[0]!;
  const [row] = await t.db.query<{ baseline: number; district: number }>(
    `SELECT s.id AS baseline, c.district_id AS district FROM community c
       JOIN scenario s ON s.community_id = c.id AND s.kind = 'baseline' WHERE c.name = '双泉嘉苑'`,
  );
  districtId = Number(row!.district);
  const created = await fetch(`${base}/api/scenarios/${row!.baseline}/proposals`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie },
    body: JSON.stringify({ name: '并发预算' }),
  });
  proposal = ((await created.json()) as { id: number }).id;
});

afterAll(async () => {
  await new Promise((ok) => server?.close(ok));
  await t?.db.query('DELETE FROM scenario WHERE id = $1', [proposal]);
  await t?.close();
});

/** An import whose body is sent only in part: it holds its heavy slot until told to finish. */
function slowImport(): {
  req: ClientRequest;
  finish: () => void;
  answered: Promise<number | 'dropped'>;
} {
  const req = httpRequest(`${base}/api/scenarios/${proposal}/import`, {
    method: 'POST',
    headers: {
      cookie,
      'content-type': 'application/geo+json',
      'content-length': Buffer.byteLength(stall),
    },
  });
  const answered = new Promise<number | 'dropped'>((ok) => {
    req.on('response', (res) => {
      res.resume();
      ok(res.statusCode ?? 0);
    });
    req.on('error', () => ok('dropped'));
  });
  req.write(stall.slice(0, 20));
  return { req, finish: () => req.end(stall.slice(20)), answered };
}

async function until(what: string, check: () => boolean | Promise<boolean>): Promise<void> {
  const end = Date.now() + 20_000;
  while (Date.now() < end) {
    if (await check()) return;
    await new Promise((ok) => setTimeout(ok, 20));
  }
  throw new Error(`timed out waiting for: ${what}`);
}

const featureCount = async () =>
  (
    await t.db.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM feature WHERE scenario_id = $1',
      [proposal],
    )
  )[0]!.n;

describe('per-route concurrency budgets (issue 18)', () => {
  it('sheds heavy requests past their queue with 503 + Retry-After while the map answers', async () => {
    const before = await featureCount();
    const a = slowImport();
    await until('A holds the heavy slot', () => gates().heavy.active === 1);
    const b = slowImport();
    await until('B waits', () => gates().heavy.waiting === 1);

    // A third heavy request of any kind is shed at once, body unread, in either language.
    const shed = await fetch(`${base}/api/scenarios/${proposal}/import`, {
      method: 'POST',
      headers: { cookie, 'content-type': 'application/geo+json' },
      body: stall,
    });
    expect(shed.status).toBe(503);
    expect(shed.headers.get('retry-after')).toBe('10');
    const body = (await shed.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toBe('BUSY');
    expect(body.error.message).toContain('繁忙');
    const en = await fetch(`${base}/api/districts/${districtId}/register`, {
      headers: { 'accept-language': 'en' },
    });
    expect(en.status).toBe(503);
    expect(((await en.json()) as { error: { message: string } }).error.message).toMatch(
      /Heavy requests .* are busy \(1 in progress, 1 waiting\); retry in 10 s/,
    );

    // The map has its own budget.
    expect((await fetch(`${base}/api/tiles/baseline/15/26970/12400.mvt`)).status).toBe(200);
    expect((await fetch(`${base}/api/districts`)).status).toBe(200);
    expect(gates().map.active).toBe(0);

    // A gives up: B takes the slot and completes; the shed import wrote nothing.
    a.req.destroy();
    await until('B admitted', () => gates().heavy.active === 1 && gates().heavy.waiting === 0);
    b.finish();
    expect(await b.answered).toBe(201);
    expect(await a.answered).toBe('dropped');
    expect(await featureCount()).toBe(before + 1);
    await until('heavy idle', () => gates().heavy.active === 0);
  }, 60_000);

  it('sheds map reads past their own queue while the database is held', async () => {
    // Hold the engine so tile builds wait: a lock on PostgreSQL, an open transaction on PGlite.
    let release: () => Promise<void>;
    if (isPg) {
      const locker = new pg.Client({ connectionString: process.env.DATABASE_URL });
      await locker.connect();
      await locker.query('BEGIN');
      await locker.query('LOCK TABLE feature IN ACCESS EXCLUSIVE MODE');
      release = async () => {
        await locker.query('ROLLBACK');
        await locker.end();
      };
    } else {
      let open!: () => void;
      const gate = new Promise<void>((ok) => (open = ok));
      let entered!: () => void;
      const inside = new Promise<void>((ok) => (entered = ok));
      const held = t.db.transaction(async (tx) => {
        await tx.query('SELECT 1');
        entered();
        await gate;
      });
      await inside;
      release = async () => {
        open();
        await held;
      };
    }
    try {
      // Two tiles never built before: one builds (waiting on the database), one queues.
      const first = fetch(`${base}/api/tiles/baseline/16/53940/24800.mvt`);
      await until('first tile admitted', () => gates().map.active === 1);
      const second = fetch(`${base}/api/tiles/baseline/16/53941/24800.mvt`);
      await until('second tile queued', () => gates().map.waiting === 1);
      const third = await fetch(`${base}/api/tiles/baseline/16/53942/24800.mvt`);
      expect(third.status).toBe(503);
      expect(third.headers.get('retry-after')).toBe('1');
      expect(((await third.json()) as { error: { message: string } }).error.message).toContain(
        '地图读取繁忙',
      );
      // Health is in no group: it answers whatever the map's budget.
      if (isPg) expect((await fetch(`${base}/api/health`)).status).toBe(200);
      await release();
      expect((await first).status).toBe(200);
      expect((await second).status).toBe(200);
    } finally {
      await release().catch(() => undefined);
    }
  }, 60_000);
});
