import { spawn } from 'node:child_process';
import { join } from 'node:path';
import request from 'supertest';
import { afterAll, describe, expect, it } from 'vitest';
import { makeEmptyDatabase, type EmptyDatabase } from '../helpers/empty-database';
import { REPO_ROOT } from '../helpers/spawn-server';
import { makeTestApp } from '../helpers/test-app';

interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
  argv: string[];
}

/** `tsx server/cli/user.ts <args>` as a real child process, `stdin` piped (not a TTY). */
function runCli(env: Record<string, string>, args: string[], stdin = ''): Promise<CliRun> {
  return new Promise((ok, fail) => {
    const child = spawn(join(REPO_ROOT, 'node_modules/.bin/tsx'), ['server/cli/user.ts', ...args], {
      cwd: REPO_ROOT,
      env: { ...process.env, ...env },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    child.on('error', fail);
    child.on('exit', (code) => ok({ code, stdout, stderr, argv: child.spawnargs }));
    child.stdin.end(stdin);
  });
}

/**
 * `npm run user` (issue #17) on an empty database of the engine under test: the command makes
 * an admin who then signs in through the API; the password comes from stdin and never from
 * argv; disable ends the sessions and refuses sign-in; passwd replaces the password; list shows
 * role, state and the last sign-in.
 */
describe('npm run user', () => {
  let empty: EmptyDatabase | undefined;
  afterAll(() => empty?.drop());

  /** Sign in through the real app over the database (closed again before the next CLI run). */
  async function withApp<T>(fn: (app: ReturnType<typeof makeTestApp>['app']) => Promise<T>) {
    const db = await empty!.open();
    try {
      return await fn(makeTestApp(db).app);
    } finally {
      await db.close();
    }
  }

  it('adds an admin who signs in; disable, enable, passwd and list', async () => {
    empty = await makeEmptyDatabase('usercli');
    const env = empty.env;

    const added = await runCli(
      env,
      ['add', 'chief', '--role', 'admin', '--display-name', '总工'],
      'chief-secret-1\n',
    );
    expect(added.stderr).toBe('');
    expect(added.code).toBe(0);
    expect(added.stdout).toMatch(/Created admin "chief" \(#\d+\)/);
    expect(added.argv.join(' ')).not.toContain('chief-secret-1');

    // A password on the command line is refused before anything happens.
    const argvPassword = await runCli(env, [
      'add',
      'x1',
      '--role',
      'admin',
      '--password',
      'p4ss-word-123',
    ]);
    expect(argvPassword.code).toBe(2);
    expect(argvPassword.stderr).toMatch(/never taken from the command line/);
    const short = await runCli(env, ['add', 'weak', '--role', 'planner'], 'short-9ch\n');
    expect(short.code).toBe(1);
    expect(short.stderr).toMatch(/at least 10 characters/);
    const badRole = await runCli(env, ['add', 'boss', '--role', 'king'], 'long-enough-pw\n');
    expect(badRole.code).toBe(1);
    expect(badRole.stderr).toMatch(/--role must be one of planner, reviewer, presenter, admin/);
    const twice = await runCli(env, ['add', 'chief', '--role', 'planner'], 'long-enough-pw\n');
    expect(twice.code).toBe(1);
    expect(twice.stderr).toMatch(/already taken: chief/);

    const cookie = await withApp(async (app) => {
      const res = await request(app)
        .post('/api/auth/login')
        .send({ username: 'chief', password: 'chief-secret-1' });
      expect(res.status).toBe(200);
      expect(res.body.user).toMatchObject({
        username: 'chief',
        displayName: '总工',
        role: 'admin',
      });
      const c = String(res.headers['set-cookie']).split(';')[0]!;
      // An admin: the account list answers, with only this account in it.
      const users = await request(app).get('/api/users').set('Cookie', c);
      expect(users.status).toBe(200);
      expect(users.body).toHaveLength(1);
      expect(users.body[0]).toMatchObject({ username: 'chief', disabled: false });
      expect(users.body[0].lastLoginAt).toMatch(/^\d{4}-\d\d-\d\dT/);
      return c;
    });

    expect((await runCli(env, ['disable', 'chief'])).code).toBe(0);
    await withApp(async (app) => {
      // The session ended, and the right password no longer signs in.
      expect((await request(app).get('/api/auth/me').set('Cookie', cookie)).status).toBe(401);
      const res = await request(app)
        .post('/api/auth/login')
        .set('Accept-Language', 'en')
        .send({ username: 'chief', password: 'chief-secret-1' });
      expect(res.status).toBe(401);
      expect(res.body.error).toMatchObject({ code: 'UNAUTHENTICATED' });
      expect(res.body.error.message).toMatch(/disabled/);
    });

    const listedDisabled = await runCli(env, ['list']);
    expect(listedDisabled.stdout).toMatch(/^chief\s+admin\s+yes\s+-\s+\d{4}-\d\d-\d\dT\S+$/m);

    expect((await runCli(env, ['enable', 'chief'])).code).toBe(0);
    const passwd = await runCli(env, ['passwd', 'chief'], 'chief-secret-2\n');
    expect(passwd.code).toBe(0);
    expect(passwd.argv.join(' ')).not.toContain('chief-secret-2');
    expect((await runCli(env, ['passwd', 'nobody'], 'chief-secret-3\n')).stderr).toMatch(
      /No such user: nobody/,
    );
    const listed = await runCli(env, ['list']);
    expect(listed.code).toBe(0);
    expect(listed.stdout).toMatch(/^name\s+role\s+disabled\s+communities\s+last login$/m);
    expect(listed.stdout).toMatch(/^chief\s+admin\s+no\s+-\s+\d{4}-\d\d-\d\dT\S+$/m);
    expect(listed.stdout).toMatch(/^1 account\(s\)$/m);

    await withApp(async (app) => {
      const old = await request(app)
        .post('/api/auth/login')
        .send({ username: 'chief', password: 'chief-secret-1' });
      expect(old.status).toBe(401);
      const now = await request(app)
        .post('/api/auth/login')
        .send({ username: 'chief', password: 'chief-secret-2' });
      expect(now.status).toBe(200);
    });
  }, 400_000);
});
