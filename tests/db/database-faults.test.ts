import net from 'node:net';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../server/db/database';
import { openDatabase } from '../../server/db/open-database';
import { isDatabaseUnavailable } from '../../server/http/error-handler';
import { makeTestApp } from '../helpers/test-app';

// The server database goes away mid-session (issue 13 item 5): the app keeps running, answers
// 503 DB_UNAVAILABLE in both languages while it is gone, writes nothing half, and recovers by
// itself once it is back. The outage is real: the app talks to PostgreSQL through a TCP proxy
// that this test stops (every connection cut, the port refusing) and starts again on the same
// port, as a restart of the database server looks from the app.

const url = process.env.DATABASE_URL;

/** A TCP proxy to the database that can be stopped (connections cut) and started again. */
function makeProxy(target: URL) {
  const sockets = new Set<net.Socket>();
  let server: net.Server | undefined;
  let port = 0;
  const start = () =>
    new Promise<number>((ok) => {
      server = net.createServer((client) => {
        const upstream = net.connect(Number(target.port || 5432), target.hostname);
        sockets.add(client).add(upstream);
        const drop = () => {
          client.destroy();
          upstream.destroy();
        };
        client.on('error', drop).on('close', drop);
        upstream.on('error', drop).on('close', drop);
        client.pipe(upstream).pipe(client);
      });
      server.listen(port, '127.0.0.1', () => {
        port = (server!.address() as net.AddressInfo).port;
        ok(port);
      });
    });
  const stop = () =>
    new Promise<void>((ok) => {
      for (const s of sockets) s.destroy();
      sockets.clear();
      if (!server) return ok();
      server.close(() => ok());
    });
  return {
    start,
    stop,
    urlVia: (p: number) => Object.assign(new URL(target), { port: String(p) }),
  };
}

describe.skipIf(!url)('server PostgreSQL going away and coming back', () => {
  const target = new URL(url ?? 'postgres://x@127.0.0.1:5432/x');
  const proxy = makeProxy(target);
  let db: Database;
  let direct: Database;

  beforeAll(async () => {
    const port = await proxy.start();
    db = await openDatabase({ databaseUrl: proxy.urlVia(port).toString() });
    direct = await openDatabase({ databaseUrl: url! });
    await direct.exec(
      'CREATE TABLE IF NOT EXISTS fault_probe (id serial PRIMARY KEY, note text NOT NULL)',
    );
    await direct.exec('TRUNCATE fault_probe');
  });
  afterAll(async () => {
    await direct?.exec('DROP TABLE IF EXISTS fault_probe');
    await db?.close().catch(() => undefined);
    await direct?.close();
    await proxy.stop();
  });

  it('idle connections cut by the server do not end the process; the next query reconnects', async () => {
    // Several connections open and idle in the pool.
    await Promise.all([1, 2, 3, 4].map(() => db.query('SELECT pg_sleep(0.05)')));
    await proxy.stop();
    // The pool's idle clients see their sockets close ('error' on the pool).
    await new Promise((r) => setTimeout(r, 200));
    await proxy.start();
    const [row] = await db.query<{ n: number }>('SELECT 41 + 1 AS n');
    expect(Number(row!.n)).toBe(42);
  });

  it('while it is gone: 503 DB_UNAVAILABLE with Retry-After in zh and en; after: 200 without a restart', async () => {
    const { app } = makeTestApp(db);
    await request(app).get('/api/districts').expect(200);
    await proxy.stop();
    const zh = await request(app).get('/api/districts').expect(503);
    expect(zh.body.error.code).toBe('DB_UNAVAILABLE');
    expect(zh.body.error.message).toMatch(/数据库暂时不可用/);
    expect(zh.headers['retry-after']).toBe('5');
    const en = await request(app).get('/api/districts').set('Accept-Language', 'en').expect(503);
    expect(en.body.error.message).toMatch(/database is unavailable/);
    // Health says so too, rather than hanging or crashing.
    expect((await request(app).get('/api/health')).status).toBeGreaterThanOrEqual(500);
    await proxy.start();
    await expect
      .poll(async () => (await request(app).get('/api/districts')).status, { timeout: 10_000 })
      .toBe(200);
  });

  it('a write whose connection dies mid-transaction is not half-written, and is reported as the outage', async () => {
    let failure: unknown;
    await db
      .transaction(async (tx) => {
        await tx.query(`INSERT INTO fault_probe (note) VALUES ('first half')`);
        await proxy.stop();
        await tx.query(`INSERT INTO fault_probe (note) VALUES ('second half')`);
      })
      .catch((err: unknown) => (failure = err));
    expect(failure).toBeDefined();
    expect(isDatabaseUnavailable(failure)).toBe(true);
    await proxy.start();
    const rows = await direct.query<{ note: string }>('SELECT note FROM fault_probe');
    expect(rows).toEqual([]);
    // And the same pool writes again.
    await db.transaction(async (tx) => {
      await tx.query(`INSERT INTO fault_probe (note) VALUES ('after')`);
    });
    expect(
      (await direct.query<{ note: string }>('SELECT note FROM fault_probe')).map((r) => r.note),
    ).toEqual(['after']);
  });
});
