import { request as httpRequest, type ClientRequest } from 'node:http';
import type { AddressInfo, Server } from 'node:net';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { StatementAbandoned } from '../../server/db/request-signal';
import { makeTestApp } from '../helpers/test-app';
import { openTestDatabase, type TestDatabase } from '../helpers/test-db';

/**
 * Issue 18 item 2: a request whose client disconnected is abandoned all the way down. On
 * PostgreSQL its running statement is cancelled (pg_cancel_backend) and leaves
 * pg_stat_activity; on PGlite, which runs one statement at a time, its queued statements are
 * skipped. Observed through the database, not through timings.
 */
let t: TestDatabase;
let server: Server;
let base: string;
let districtId: number;
const isPg = Boolean(process.env.DATABASE_URL);

beforeAll(async () => {
  t = await openTestDatabase();
  const { app } = makeTestApp(t.db);
  server = app.listen(0, '127.0.0.1');
  await new Promise((ok) => server.once('listening', ok));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const [row] = await t.db.query<{ id: number }>('SELECT min(id)::int AS id FROM district');
  districtId = row!.id;
});

afterAll(async () => {
  await new Promise((ok) => server?.close(ok));
  await t?.close();
});

/** Start a GET and keep the socket, to drop it like a closed browser tab. */
function startGet(path: string): { req: ClientRequest; answered: Promise<number | 'dropped'> } {
  const req = httpRequest(`${base}${path}`);
  const answered = new Promise<number | 'dropped'>((ok) => {
    req.on('response', (res) => {
      res.resume();
      ok(res.statusCode ?? 0);
    });
    req.on('error', () => ok('dropped'));
  });
  req.end();
  return { req, answered };
}

async function until(what: string, check: () => Promise<boolean>, seconds = 20): Promise<void> {
  const end = Date.now() + seconds * 1000;
  while (Date.now() < end) {
    if (await check()) return;
    await new Promise((ok) => setTimeout(ok, 50));
  }
  throw new Error(`timed out waiting for: ${what}`);
}

describe('abandoning a request whose client went away (issue 18)', () => {
  it('rejects a statement whose signal fires, and skips one that has not started', async () => {
    const before = { ...t.db.abandoned };
    const stop = new AbortController();
    // The first statement holds the engine; the second waits its turn and is abandoned.
    const first = t.db.query(isPg ? 'SELECT pg_sleep(30)' : 'SELECT pg_sleep(0.2)', [], {
      signal: isPg ? stop.signal : undefined,
    });
    const second = t.db.query("SELECT set_config('rpm.probe', 'ran', false)", [], {
      signal: stop.signal,
    });
    if (isPg) {
      await until('pg_sleep running', async () => {
        const rows = await t.db.query(
          `SELECT 1 FROM pg_stat_activity
            WHERE datname = current_database() AND state = 'active' AND query = 'SELECT pg_sleep(30)'`,
        );
        return rows.length > 0;
      });
    }
    stop.abort(new Error('client disconnected'));
    if (isPg) {
      await expect(first).rejects.toBeInstanceOf(StatementAbandoned);
      const rows = await t.db.query(
        `SELECT 1 FROM pg_stat_activity
          WHERE datname = current_database() AND query = 'SELECT pg_sleep(30)' AND state = 'active'`,
      );
      expect(rows).toEqual([]);
      expect(t.db.abandoned.cancelled).toBeGreaterThan(before.cancelled);
      // On PostgreSQL the second statement had its own connection: it ran or was cancelled.
      await second.catch(() => undefined);
    } else {
      await first;
      await expect(second).rejects.toBeInstanceOf(StatementAbandoned);
      expect(t.db.abandoned.skipped).toBe(before.skipped + 1);
      const [probe] = await t.db.query<{ v: string | null }>(
        "SELECT current_setting('rpm.probe', true) AS v",
      );
      expect(probe!.v ?? '').not.toBe('ran');
    }
  }, 60_000);

  it.runIf(isPg)(
    'cancels the district register on PostgreSQL when its client disconnects',
    async () => {
      const before = t.db.abandoned.cancelled;
      // Another session holds the feature table, so the register's statement waits on it.
      const locker = new pg.Client({ connectionString: process.env.DATABASE_URL });
      await locker.connect();
      try {
        await locker.query('BEGIN');
        await locker.query('LOCK TABLE feature IN ACCESS EXCLUSIVE MODE');
        const waiting = () =>
          t.db.query<{ pid: number }>(
            `SELECT pid FROM pg_stat_activity
              WHERE datname = current_database() AND state = 'active'
                AND wait_event_type = 'Lock' AND pid <> $1`,
            [(locker as unknown as { processID: number }).processID],
          );
        const { req, answered } = startGet(`/api/districts/${districtId}/register`);
        await until('the register waits on the lock', async () => (await waiting()).length > 0);
        req.destroy();
        expect(await answered).toBe('dropped');
        // Still locked: the statement can only have left by being cancelled.
        await until('the waiting statement is gone', async () => (await waiting()).length === 0);
        expect(t.db.abandoned.cancelled).toBeGreaterThan(before);
      } finally {
        await locker.query('ROLLBACK');
        await locker.end();
      }
      // The server goes on serving.
      const res = await fetch(`${base}/api/districts/${districtId}/register`);
      expect(res.status).toBe(200);
    },
    60_000,
  );

  it.runIf(!isPg)(
    'skips the district register’s queued statements on PGlite when its client disconnects',
    async () => {
      const before = t.db.abandoned.skipped;
      // A transaction holds PGlite, so the register's statements wait for it.
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
      const a = startGet(`/api/districts/${districtId}/register`);
      const b = startGet(`/api/districts/${districtId}/register`);
      // Give both requests time to reach the database (their first statements queue there).
      await new Promise((ok) => setTimeout(ok, 500));
      b.req.destroy();
      // B's statement is skipped from the queue at once, with PGlite still held.
      await until('B skipped while PGlite is busy', async () => t.db.abandoned.skipped > before);
      a.req.destroy();
      open();
      await held;
      // A's first statement ran (it had been handed to PGlite); its next one was skipped.
      await until('A stopped between statements', async () => t.db.abandoned.skipped > before + 1);
      expect(await a.answered).toBe('dropped');
      expect(await b.answered).toBe('dropped');
      const res = await fetch(`${base}/api/districts/${districtId}/register`);
      expect(res.status).toBe(200);
    },
    60_000,
  );
});
