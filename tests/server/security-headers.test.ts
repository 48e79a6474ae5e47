import type { Express } from 'express';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_LOGIN, loginAs } from '../helpers/login-as';
import { makeTestApp } from '../helpers/test-app';
import { openTestDatabase, type TestDatabase } from '../helpers/test-db';

/** Issue 18.6: headers, the CSP, cookie flags, and no cookie-carried writes from other sites. */
let t: TestDatabase;
let app: Express;

beforeAll(async () => {
  t = await openTestDatabase();
  app = makeTestApp(t.db).app;
});

afterAll(async () => {
  await t?.close();
});

describe('browser-side defences (issue 18)', () => {
  it('sends a CSP that allows only the origin (and the setup page its own nonce)', async () => {
    const res = await request(app).get('/api/health').expect(200);
    const csp = res.headers['content-security-policy'];
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self' 'nonce-");
    expect(csp).toContain("frame-ancestors 'self'");
    expect(csp).not.toContain('upgrade-insecure-requests');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['x-powered-by']).toBeUndefined();
    const page = await request(app).get('/setup?token=abc').expect(200);
    const nonce = /'nonce-([^']+)'/.exec(String(page.headers['content-security-policy']))![1]!;
    expect(page.text).toContain(`<script nonce="${nonce}">`);
    const other = await request(app).get('/setup?token=abc');
    expect(other.headers['content-security-policy']).not.toContain(nonce);
  });

  it('refuses a cookie-authenticated write from another site, allows it from the app', async () => {
    const planner = request.agent(app);
    await loginAs(planner, 'planner');
    const res = await planner
      .post('/api/auth/logout')
      .set('Origin', 'https://evil.example')
      .expect(403);
    expect(res.body.error.message).toBe('拒绝来自其他网站的写入请求');
    await planner.post('/api/auth/logout').set('Sec-Fetch-Site', 'cross-site').expect(403);
    // Still signed in: the refused write changed nothing.
    await planner.get('/api/auth/me').expect(200);
    await planner
      .post('/api/auth/logout')
      .set('Host', 'rpm.example:8080')
      .set('Origin', 'http://rpm.example:8080')
      .expect(204);
  });

  it('marks the session cookie Secure behind a TLS proxy on loopback, HttpOnly and SameSite always', async () => {
    const plain = await request(app).post('/api/auth/login').send(DEMO_LOGIN.planner).expect(200);
    const cookie = String(plain.headers['set-cookie']);
    expect(cookie).toContain('HttpOnly');
    expect(cookie).toContain('SameSite=Lax');
    expect(cookie).not.toContain('Secure');
    const tls = await request(app)
      .post('/api/auth/login')
      .set('X-Forwarded-Proto', 'https')
      .send(DEMO_LOGIN.planner)
      .expect(200);
    expect(String(tls.headers['set-cookie'])).toContain('; Secure');
    const forced = makeTestApp(t.db, { cookieSecure: 'true' }).app;
    const res = await request(forced).post('/api/auth/login').send(DEMO_LOGIN.planner).expect(200);
    expect(String(res.headers['set-cookie'])).toContain('; Secure');
  });

  it('rotates the session id at sign-in: the old one stops working', async () => {
    const agent = request.agent(app);
    const first = await agent.post('/api/auth/login').send(DEMO_LOGIN.planner).expect(200);
    const old = /rpm_session=([^;]+)/.exec(String(first.headers['set-cookie']))![1]!;
    await agent.post('/api/auth/login').send(DEMO_LOGIN.planner).expect(200);
    await request(app).get('/api/auth/me').set('Cookie', `rpm_session=${old}`).expect(401);
    await agent.get('/api/auth/me').expect(200);
  });
});
