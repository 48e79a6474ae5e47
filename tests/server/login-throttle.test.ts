import type { Express } from 'express';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loginAs } from '../helpers/login-as';
import { makeTestApp } from '../helpers/test-app';
import { openTestDatabase, type TestDatabase } from '../helpers/test-db';

/**
 * Issue 18.3: failed sign-ins are throttled per account and per address, in PostgreSQL (so
 * across processes): past 5 failures of an account (20 of an address) each further one blocks
 * it for 2 s, 4 s … with 429 and Retry-After, before the password is compared.
 */
let t: TestDatabase;
let app: Express;
const user = `throttled-${process.pid}`;
const password = 'throttle-secret-1';
// Each case its own address (the app trusts X-Forwarded-For from loopback only).
const ADDRESS_A = '203.0.113.7';
const ADDRESS_B = '203.0.113.8';
const ADDRESS_C = '198.51.100.3';

const login = (name: string, pw: string, address: string, lang = 'zh-CN') =>
  request(app)
    .post('/api/auth/login')
    .set('X-Forwarded-For', address)
    .set('Accept-Language', lang)
    .send({ username: name, password: pw });

beforeAll(async () => {
  t = await openTestDatabase();
  app = makeTestApp(t.db).app;
  const admin = request.agent(app);
  await loginAs(admin, 'admin');
  await admin
    .post('/api/users')
    .send({ username: user, displayName: '限流测试', role: 'planner', password })
    .expect(201);
});

afterAll(async () => {
  await t?.db.query(`DELETE FROM login_failure WHERE key = ANY($1::text[])`, [
    [`user:${user}`, ...[ADDRESS_A, ADDRESS_B, ADDRESS_C].map((a) => `ip:${a}`)],
  ]);
  await t?.db.query(`DELETE FROM login_failure WHERE key LIKE 'user:sprayed-%'`);
  await t?.db.query('DELETE FROM app_user WHERE username = $1', [user]);
  await t?.close();
});

describe('sign-in throttling (issue 18)', () => {
  it('blocks an account after 5 failures, even for the right password, and records the 429', async () => {
    for (let i = 1; i <= 6; i++) await login(user, `wrong-${i}`, ADDRESS_A).expect(401);
    const blocked = await login(user, password, ADDRESS_A).expect(429);
    const wait = Number(blocked.headers['retry-after']);
    expect(wait).toBeGreaterThanOrEqual(1);
    expect(wait).toBeLessThanOrEqual(2);
    expect(blocked.body.error.code).toBe('TOO_MANY_REQUESTS');
    expect(blocked.body.error.message).toBe(`登录失败次数过多, 请 ${wait} 秒后再试`);
    // The account is blocked from any address: the throttle is per account too.
    await login(user, password, ADDRESS_B, 'en').expect(429);
    const [row] = await t.db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM audit_log
        WHERE route = '/api/auth/login' AND status = 429 AND username = $1`,
      [user],
    );
    expect(row!.n).toBe(2);
    // After the block the right password works and clears the account's count.
    await new Promise((r) => setTimeout(r, wait * 1000 + 200));
    await login(user, password, ADDRESS_A).expect(200);
    const left = await t.db.query(`SELECT 1 FROM login_failure WHERE key = $1`, [`user:${user}`]);
    expect(left).toHaveLength(0);
  });

  it('limits anonymous analysis calls per address, not signed-in ones', async () => {
    const address = '192.0.2.55';
    const body = { boundary: { type: 'Polygon', coordinates: [] } };
    const call = () =>
      request(app).post('/api/analysis/parking-layout').set('X-Forwarded-For', address).send(body);
    for (let i = 0; i < 30; i++) expect((await call()).status).not.toBe(429);
    const limited = await call().expect(429);
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    expect(limited.body.error.message).toContain('未登录用户每分钟最多调用 30 次分析');
    const planner = request.agent(app);
    await loginAs(planner, 'planner');
    const signedIn = await planner
      .post('/api/analysis/parking-layout')
      .set('X-Forwarded-For', address)
      .send(body);
    expect(signedIn.status).toBe(422);
    await t.db.query(`DELETE FROM rate_window WHERE key = $1`, [`anon-analysis:${address}`]);
  });

  it('blocks an address spraying many accounts after 20 failures, and only that address', async () => {
    for (let i = 1; i <= 21; i++) await login(`sprayed-${i}`, 'x', ADDRESS_C).expect(401);
    const res = await login(user, password, ADDRESS_C, 'en').expect(429);
    expect(res.body.error.message).toMatch(/^Too many failed sign-ins; try again in \d+ s$/);
    await login(user, password, ADDRESS_B).expect(200);
  });
});
