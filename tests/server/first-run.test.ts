import { execFileSync } from 'node:child_process';
import { request as httpRequest } from 'node:http';
import { createServer } from 'node:net';
import { afterAll, describe, expect, it } from 'vitest';
import { makeEmptyDatabase, type EmptyDatabase } from '../helpers/empty-database';
import { spawnServer, type SpawnedServer } from '../helpers/spawn-server';

/**
 * Processes of process group `pgid` still alive (zombies excluded: in a container whose PID 1
 * does not reap, an exited helper such as tsx's esbuild service stays listed as defunct).
 */
function livingInGroup(pgid: number): string[] {
  let out: string;
  try {
    out = execFileSync('ps', ['-o', 'pid=,stat=,args=', '-g', String(pgid)], { encoding: 'utf8' });
  } catch {
    return []; // ps exits 1 when the group is empty
  }
  return out
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l && !/^\d+\s+Z/.test(l));
}

/** Can this process listen on the port now (nothing else holds it)? */
const portIsFree = (port: number): Promise<boolean> =>
  new Promise((ok) => {
    const probe = createServer();
    probe.once('error', () => ok(false));
    probe.listen(port, '127.0.0.1', () => probe.close(() => ok(true)));
  });

/** POST a JSON body in two parts, `gapMs` apart, calling `between` after the first part. */
function slowPost(
  url: string,
  body: unknown,
  between: () => void,
  gapMs: number,
): Promise<{ status: number; text: string }> {
  const text = JSON.stringify(body);
  const half = Math.floor(text.length / 2);
  return new Promise((ok, fail) => {
    const req = httpRequest(
      url,
      {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(text) },
      },
      (res) => {
        let data = '';
        res.on('data', (c: Buffer) => (data += c.toString()));
        res.on('end', () => ok({ status: res.statusCode ?? 0, text: data }));
      },
    );
    req.on('error', fail);
    req.write(text.slice(0, half));
    setTimeout(() => {
      between();
      setTimeout(() => req.end(text.slice(half)), gapMs);
    }, 200);
  });
}

const json = (body: unknown, lang = 'zh-CN'): RequestInit => ({
  method: 'POST',
  headers: { 'Content-Type': 'application/json', 'Accept-Language': lang },
  body: JSON.stringify(body),
});

/**
 * A new office's first start (issue #17): an empty database and no demo file. The server prints
 * a one-time setup link; the link creates the first admin once and only once; the admin signs
 * in; SIGTERM to `npm run serve` (what `npm start` runs after its build) drains a request in
 * flight, closes the database and exits 0; the port is free and no process of the group is
 * left; the database reopens with the admin in it.
 */
describe('first run: setup link, then a clean stop', () => {
  let empty: EmptyDatabase | undefined;
  let server: SpawnedServer | undefined;

  afterAll(async () => {
    if (server && server.child.exitCode === null && server.child.pid)
      process.kill(-server.child.pid, 'SIGKILL');
    await empty?.drop();
  });

  it('prints a link that makes the first admin once, then stops cleanly on SIGTERM', async () => {
    empty = await makeEmptyDatabase('firstrun');
    server = spawnServer({ ...empty.env, SHUTDOWN_TIMEOUT_S: '20' });
    const [, base, token] = await server.waitFor(
      /(http:\/\/127\.0\.0\.1:\d+)\/setup\?token=([A-Za-z0-9_-]{43})/,
    );
    await server.waitFor(/Renewal planning map ready/);
    const port = Number(new URL(base!).port);

    expect((await fetch(`${base}/api/health`)).status).toBe(200);
    expect(await (await fetch(`${base}/api/setup`)).json()).toEqual({ setupNeeded: true });
    const page = await fetch(`${base}/setup?token=${token}`);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('创建第一个管理员');
    expect(html).toContain(`value="${token}"`);

    // A made-up token and a short password change nothing.
    const wrong = await fetch(
      `${base}/api/setup/first-admin`,
      json({ token: 'x'.repeat(43), username: 'chief', password: 'chief-secret-1' }),
    );
    expect(wrong.status).toBe(403);
    expect(((await wrong.json()) as { error: { code: string } }).error.code).toBe(
      'SETUP_TOKEN_INVALID',
    );
    const short = await fetch(
      `${base}/api/setup/first-admin`,
      json({ token, username: 'chief', password: 'short-9ch' }, 'en'),
    );
    expect(short.status).toBe(400);
    expect(((await short.json()) as { error: { message: string } }).error.message).toContain(
      'at least 10 characters',
    );

    const made = await fetch(
      `${base}/api/setup/first-admin`,
      json({ token, username: 'chief', displayName: '总工', password: 'chief-secret-1' }),
    );
    expect(made.status).toBe(201);
    expect(((await made.json()) as { user: unknown }).user).toMatchObject({
      username: 'chief',
      displayName: '总工',
      role: 'admin',
    });
    // Once only: the same link again is refused, in English when asked.
    const again = await fetch(
      `${base}/api/setup/first-admin`,
      json({ token, username: 'intruder', password: 'intruder-secret' }, 'en'),
    );
    expect(again.status).toBe(403);
    const againBody = (await again.json()) as { error: { code: string; message: string } };
    expect(againBody.error.code).toBe('SETUP_TOKEN_INVALID');
    expect(againBody.error.message).toMatch(/used already/);
    expect(await (await fetch(`${base}/api/setup`)).json()).toEqual({ setupNeeded: false });

    const login = await fetch(
      `${base}/api/auth/login`,
      json({ username: 'chief', password: 'chief-secret-1' }),
    );
    expect(login.status).toBe(200);
    const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0]!;
    const me = await fetch(`${base}/api/auth/me`, { headers: { Cookie: cookie } });
    expect(((await me.json()) as { user: { role: string } }).user.role).toBe('admin');
    // The intruder's try left no account.
    const users = await fetch(`${base}/api/users`, { headers: { Cookie: cookie } });
    expect(((await users.json()) as { username: string }[]).map((u) => u.username)).toEqual([
      'chief',
    ]);

    // SIGTERM while a sign-in is half sent: it is still answered, then the server exits 0.
    const pid = server.child.pid!;
    const inFlight = await slowPost(
      `${base}/api/auth/login`,
      { username: 'chief', password: 'chief-secret-1' },
      () => process.kill(pid, 'SIGTERM'),
      700,
    );
    expect(inFlight.status).toBe(200);
    expect(JSON.parse(inFlight.text)).toMatchObject({ user: { username: 'chief' } });
    const exit = await server.exited;
    expect(exit).toEqual({ code: 0, signal: null });
    expect(server.output()).toMatch(/SIGTERM: stopping \(1 request\(s\) in flight\)/);
    expect(server.output()).toMatch(/database closed/);
    // Nothing of the process group (npm, its shell, node) outlives it, and the port is free.
    expect(livingInGroup(pid)).toEqual([]);
    expect(await portIsFree(port)).toBe(true);

    // The database reopens with the admin, both sign-ins and the used link in it.
    const db = await empty.open();
    try {
      const rows = await db.query<{ username: string; role: string; signedIn: boolean }>(
        'SELECT username, role, last_login_at IS NOT NULL AS "signedIn" FROM app_user',
      );
      expect(rows).toEqual([{ username: 'chief', role: 'admin', signedIn: true }]);
      const [sessions] = await db.query<{ n: number }>(
        'SELECT count(*)::int AS n FROM user_session',
      );
      expect(Number(sessions?.n)).toBe(2);
      const tokens = await db.query<{ used: boolean }>(
        'SELECT used_at IS NOT NULL AS used FROM setup_token',
      );
      expect(tokens).toEqual([{ used: true }]);
    } finally {
      await db.close();
    }
  }, 400_000);
});
