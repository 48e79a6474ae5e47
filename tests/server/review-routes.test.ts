import request from 'supertest';
import type { Express } from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loginAs } from '../helpers/login-as';
import { makeTestApp } from '../helpers/test-app';
import { openTestDatabase, type TestDatabase } from '../helpers/test-db';

type Agent = ReturnType<typeof request.agent>;

let t: TestDatabase;
let app: Express;
let planner: Agent;
let official: Agent;
let presenter: Agent;
let baselineId: number;
let proposalId: number;
const extraUser = `planner-${process.pid}`;

// A 2.5 × 5.3 m stall in 静淑苑 (≈116.343 E, 40.0038 N).
const stall = {
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
};

beforeAll(async () => {
  t = await openTestDatabase();
  app = makeTestApp(t.db).app;
  planner = request.agent(app);
  official = request.agent(app);
  presenter = request.agent(app);
  await loginAs(planner, 'planner');
  await loginAs(official, 'reviewer');
  await loginAs(presenter, 'presenter');
  const [row] = await t.db.query<{ id: number }>(
    `SELECT s.id FROM scenario s JOIN community c ON c.id = s.community_id
     WHERE s.kind = 'baseline' AND c.name = '静淑苑'`,
  );
  baselineId = Number(row!.id);
  proposalId = (
    await planner
      .post(`/api/scenarios/${baselineId}/proposals`)
      .send({ name: '方案 审查测试' })
      .expect(201)
  ).body.id;
});

afterAll(async () => {
  await t?.db.query('DELETE FROM scenario WHERE id = $1', [proposalId]);
  await t?.db.query('DELETE FROM app_user WHERE username = $1', [extraUser]);
  await t?.close();
});

describe('sign-in', () => {
  it('answers the contract: user, httpOnly SameSite=Lax rpm_session cookie, me, logout', async () => {
    const agent = request.agent(app);
    const res = await agent
      .post('/api/auth/login')
      .send({ username: 'official', password: 'official-demo' })
      .expect(200);
    expect(res.body.user).toMatchObject({ username: 'official', role: 'reviewer' });
    expect(Object.keys(res.body.user).sort()).toEqual(['displayName', 'id', 'role', 'username']);
    const cookie = String(res.headers['set-cookie']);
    expect(cookie).toMatch(/^rpm_session=[A-Za-z0-9_-]{43};/);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Lax/);
    expect(cookie).toMatch(/Max-Age=43200/);
    expect((await agent.get('/api/auth/me').expect(200)).body.user.username).toBe('official');
    await agent.post('/api/auth/logout').expect(204);
    const after = await agent.get('/api/auth/me').expect(401);
    expect(after.body.error.code).toBe('UNAUTHENTICATED');
  });

  it('refuses wrong passwords and unknown users alike, in both languages', async () => {
    const zh = await request(app)
      .post('/api/auth/login')
      .send({ username: 'planner', password: 'nope' })
      .expect(401);
    expect(zh.body.error).toMatchObject({ code: 'UNAUTHENTICATED', message: '用户名或密码错误' });
    expect(zh.headers['set-cookie']).toBeUndefined();
    const en = await request(app)
      .post('/api/auth/login')
      .set('Accept-Language', 'en')
      .send({ username: 'nobody', password: 'x' })
      .expect(401);
    expect(en.body.error.message).toBe('Wrong username or password');
  });

  it('ends expired sessions and stores only a digest of the token', async () => {
    const agent = request.agent(app);
    const res = await agent
      .post('/api/auth/login')
      .send({ username: 'presenter', password: 'presenter-demo' })
      .expect(200);
    const token = /rpm_session=([^;]+)/.exec(String(res.headers['set-cookie']))![1]!;
    const stored = await t.db.query('SELECT 1 FROM user_session WHERE token_sha256 = $1', [token]);
    expect(stored).toHaveLength(0);
    await t.db.query(
      `UPDATE user_session SET expires_at = now() - interval '1 second'
       WHERE token_sha256 = encode(sha256(convert_to($1, 'UTF8')), 'hex')`,
      [token],
    );
    await agent.get('/api/auth/me').expect(401);
  });

  it('lets an admin create a planner, who may edit only the communities assigned', async () => {
    const admin = request.agent(app);
    await loginAs(admin, 'admin');
    const created = await admin
      .post('/api/users')
      .send({
        username: extraUser,
        displayName: '新规划师',
        role: 'planner',
        password: 'longenough',
      })
      .expect(201);
    expect(created.body).toMatchObject({ username: extraUser, role: 'planner' });
    await admin
      .post('/api/users')
      .send({ username: extraUser, displayName: 'x', role: 'planner', password: 'longenough' })
      .expect(409);
    const other = request.agent(app);
    await other
      .post('/api/auth/login')
      .send({ username: extraUser, password: 'longenough' })
      .expect(200);
    const refused = await other
      .post(`/api/scenarios/${proposalId}/features`)
      .send({ kind: 'parking_stall', geometry: stall })
      .expect(403);
    expect(refused.body.error.code).toBe('FORBIDDEN');
    expect(refused.body.error.message).toMatch(/未被分配/);
    const users = (await admin.get('/api/users').expect(200)).body as {
      username: string;
      communities: number[];
      passwordHash?: string;
    }[];
    expect(users.find((u) => u.username === 'planner')!.communities).toHaveLength(11);
    expect(users.find((u) => u.username === extraUser)!.communities).toEqual([]);
    expect(users.every((u) => u.passwordHash === undefined)).toBe(true);
  });
});

describe('the review workflow of a proposal', () => {
  it('walks submit → comment → return → resubmit → approve, refusing every illegal step', async () => {
    const review = async () => (await presenter.get(`/api/scenarios/${proposalId}/review`)).body;
    expect((await review()).reviewState).toBe('draft');

    // The planner edits the draft; an official may not touch geometry.
    const added = await planner
      .post(`/api/scenarios/${proposalId}/features`)
      .send({ kind: 'parking_stall', category: 'standard', geometry: stall })
      .expect(201);
    const featureId = JSON.parse(added.text).id as number;
    const noEdit = await official
      .patch(`/api/features/${featureId}`)
      .send({ version: 1, category: 'ev' })
      .expect(403);
    expect(noEdit.body.error.code).toBe('FORBIDDEN');

    // Approving or returning a draft is illegal: 409 with the state and what is allowed.
    const early = await official
      .post(`/api/scenarios/${proposalId}/review/approve`)
      .send({})
      .expect(409);
    expect(early.body.error.code).toBe('ILLEGAL_TRANSITION');
    expect(early.body.error.details).toEqual({
      state: 'draft',
      action: 'approve',
      allowed: ['submit'],
    });
    expect(early.body.error.message).toMatch(/草稿/);
    // Officials cannot submit; a baseline is never reviewed.
    await official.post(`/api/scenarios/${proposalId}/review/submit`).send({}).expect(403);
    const base = await planner
      .post(`/api/scenarios/${baselineId}/review/submit`)
      .send({})
      .expect(409);
    expect(base.body.error.code).toBe('ILLEGAL_TRANSITION');

    const submitted = await planner
      .post(`/api/scenarios/${proposalId}/review/submit`)
      .send({ note: '请审查' })
      .expect(200);
    expect(submitted.body).toMatchObject({
      reviewState: 'submitted',
      allowed: ['comment', 'return', 'approve'],
    });
    await planner.post(`/api/scenarios/${proposalId}/review/submit`).send({}).expect(409);

    // Under review the plan is locked for the planner.
    const locked = await planner
      .patch(`/api/features/${featureId}`)
      .send({ version: 1, category: 'ev' })
      .expect(409);
    expect(locked.body.error.code).toBe('PROPOSAL_LOCKED');

    // A comment pinned to the map, then a return that needs a reason.
    const comment = await official
      .post(`/api/scenarios/${proposalId}/review/comments`)
      .send({ body: '此处车位占用消防通道', at: [116.34301, 40.00382] })
      .expect(201);
    expect(comment.body.events.at(-1)).toMatchObject({
      action: 'comment',
      username: 'official',
      at: [116.34301, 40.00382],
      fromState: 'submitted',
      toState: 'submitted',
    });
    const noReason = await official
      .post(`/api/scenarios/${proposalId}/review/return`)
      .send({ reason: '  ' })
      .expect(400);
    expect(noReason.body.error.code).toBe('VALIDATION');
    expect((await review()).reviewState).toBe('submitted');
    await presenter
      .post(`/api/scenarios/${proposalId}/review/return`)
      .send({ reason: 'x' })
      .expect(403);
    await official
      .post(`/api/scenarios/${proposalId}/review/return`)
      .send({ reason: '请移除占用消防通道的车位' })
      .expect(200);

    // Returned: the planner fixes the plan and resubmits; submit (from draft) is not the step now.
    await planner
      .patch(`/api/features/${featureId}`)
      .send({ version: 1, category: 'ev' })
      .expect(200);
    const wrong = await planner
      .post(`/api/scenarios/${proposalId}/review/submit`)
      .send({})
      .expect(409);
    expect(wrong.body.error.details.allowed).toEqual(['resubmit', 'comment']);
    await planner
      .post(`/api/scenarios/${proposalId}/review/resubmit`)
      .send({ note: '已调整' })
      .expect(200);
    const approved = await official
      .post(`/api/scenarios/${proposalId}/review/approve`)
      .send({ note: '同意' })
      .expect(200);
    expect(approved.body).toMatchObject({ reviewState: 'approved', allowed: [] });
    await official
      .post(`/api/scenarios/${proposalId}/review/return`)
      .send({ reason: 'x' })
      .expect(409);
    const frozen = await planner.delete(`/api/features/${featureId}?version=2`).expect(409);
    expect(frozen.body.error.code).toBe('PROPOSAL_LOCKED');

    // History: every state change and every edit, who and when, in order.
    const history = (await presenter.get(`/api/scenarios/${proposalId}/history`).expect(200)).body;
    const steps = (
      history.entries as {
        type: string;
        action?: string;
        method?: string;
        route?: string;
        username: string;
      }[]
    ).map((e) =>
      e.type === 'review' ? `${e.username} ${e.action}` : `${e.username} ${e.method} ${e.route}`,
    );
    expect(steps).toEqual([
      'planner POST /api/scenarios/:id/features',
      'planner submit',
      'official comment',
      'official return',
      'planner PATCH /api/features/:id',
      'planner resubmit',
      'official approve',
    ]);
    const ret = history.entries.find((e: { action?: string }) => e.action === 'return');
    expect(ret).toMatchObject({
      body: '请移除占用消防通道的车位',
      fromState: 'submitted',
      toState: 'returned',
    });
    expect(Date.parse(ret.at)).toBeGreaterThan(Date.now() - 600_000);
  });

  it('keeps an audit row of every write, refusals included, without passwords', async () => {
    const admin = request.agent(app);
    await loginAs(admin, 'admin');
    const rows = (await admin.get(`/api/audit?scenario=${proposalId}`).expect(200)).body as {
      username: string;
      route: string;
      status: number;
      entity: string;
      summary: { before: Record<string, unknown>; after: Record<string, unknown> };
    }[];
    const patch = rows.find((r) => r.route === '/api/features/:id' && r.status === 200)!;
    expect(patch).toMatchObject({ username: 'planner', entity: 'feature' });
    expect(patch.summary.before).toMatchObject({ version: 1, category: 'ev' });
    expect(patch.summary.after).toMatchObject({ version: 2 });
    expect(rows.some((r) => r.status === 409 && r.route === '/api/features/:id')).toBe(true);
    const logins = await t.db.query<{ summary: string }>(
      `SELECT summary::text FROM audit_log WHERE route = '/api/auth/login'`,
    );
    expect(logins.length).toBeGreaterThan(0);
    expect(logins.filter((l) => /password|-demo/.test(l.summary))).toEqual([]);
  });
});
