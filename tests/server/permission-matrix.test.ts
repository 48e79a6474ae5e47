import request from 'supertest';
import type { Express } from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '../../domain/model/roles';
import { matchPermission, PERMISSIONS, type Permission } from '../../server/auth/permissions';
import { loginAs } from '../helpers/login-as';
import { makeTestApp } from '../helpers/test-app';
import { openTestDatabase, type TestDatabase } from '../helpers/test-db';

type Agent = ReturnType<typeof request.agent>;
type Caller = Role | 'anonymous';
const CALLERS: Caller[] = ['anonymous', 'planner', 'reviewer', 'presenter', 'admin'];

let t: TestDatabase;
let app: Express;
const agents = new Map<Caller, Agent>();
const ids = {
  district: 0,
  community: 0,
  baseline: 0,
  proposal: 0,
  feature: 0,
  item: 0,
  story: 0,
};

beforeAll(async () => {
  t = await openTestDatabase();
  app = makeTestApp(t.db).app;
  for (const caller of CALLERS) {
    const agent = request.agent(app);
    if (caller !== 'anonymous') await loginAs(agent, caller);
    agents.set(caller, agent);
  }
  const [row] = await t.db.query<{ district: number; community: number; baseline: number }>(
    `SELECT c.district_id AS district, c.id AS community, s.id AS baseline
     FROM community c JOIN scenario s ON s.community_id = c.id AND s.kind = 'baseline'
     WHERE c.name = '双泉嘉苑'`,
  );
  Object.assign(ids, {
    district: Number(row!.district),
    community: Number(row!.community),
    baseline: Number(row!.baseline),
  });
  const admin = agents.get('admin')!;
  ids.proposal = (
    await admin
      .post(`/api/scenarios/${ids.baseline}/proposals`)
      .send({ name: '权限矩阵' })
      .expect(201)
  ).body.id;
  const [f] = await t.db.query<{ id: number }>(
    'SELECT id FROM feature WHERE scenario_id = $1 ORDER BY id LIMIT 1',
    [ids.proposal],
  );
  ids.feature = Number(f!.id);
  ids.item = (
    await admin
      .post(`/api/communities/${ids.community}/register/items`)
      .send({ name: '屋面防水', category: 'basic', quantity: 1, unit: '项', budgetWan: 10 })
      .expect(201)
  ).body.id;
  ids.story = (
    await admin
      .post('/api/stories')
      .send({ districtId: ids.district, title: '权限矩阵', views: [] })
      .expect(201)
  ).body.id;
});

afterAll(async () => {
  await t?.db.query('DELETE FROM register_item WHERE id = $1', [ids.item]);
  await t?.db.query('DELETE FROM story WHERE id = $1', [ids.story]);
  await t?.db.query('DELETE FROM scenario WHERE id = $1', [ids.proposal]);
  await t?.close();
});

/** A concrete URL for a table entry: real ids of the demo district, a valid tile. */
function urlOf(p: Permission): string {
  return p.path
    .replace('/districts/:id', `/districts/${ids.district}`)
    .replace('/communities/:id', `/communities/${ids.community}`)
    .replace('/scenarios/:id', `/scenarios/${p.scope === 'baseline' ? ids.baseline : ids.proposal}`)
    .replace('/features/:id', `/features/${ids.feature}`)
    .replace('/register/items/:id', `/register/items/${ids.item}`)
    .replace('/stories/:id', `/stories/${ids.story}`)
    .replace(':progressId', '00000000-0000-4000-8000-000000000000')
    .replace(':layer.json', 'baseline.json')
    .replace(':layer/:z/:x/:y.mvt', 'baseline/15/26970/12400.mvt');
}

function send(agent: Agent, p: Permission) {
  const url = urlOf(p);
  switch (p.method) {
    case 'GET':
      return agent.get(url);
    case 'DELETE':
      return agent.delete(url);
    case 'PATCH':
      return agent.patch(url).send({});
    case 'PUT':
      return agent.put(url).send({});
    case 'POST':
      return agent.post(url).send({});
  }
}

/** The status class the table promises: 'ok' = neither 401 nor 403 (nor a server error). */
function expected(p: Permission, caller: Caller): 401 | 403 | 'ok' {
  if (p.access === 'public')
    return p.path === '/api/auth/me' && caller === 'anonymous' ? 401 : 'ok';
  if (p.access === 'read') return 'ok';
  if (caller === 'anonymous') return 401;
  if (!p.access.includes(caller)) return 403;
  // Owned objects (issue 18): the matrix's story is the admin's, so other roles may not change it.
  return p.owned && caller !== 'admin' ? 403 : 'ok';
}

describe('the permission matrix: every route of the table × every role', () => {
  const cases = PERMISSIONS.flatMap((p) =>
    CALLERS.map((caller) => [`${p.method} ${p.path}`, caller, p] as const),
  );
  it.each(cases)('%s as %s', async (_name, caller, p) => {
    // Logging out would end the shared session: use a session of its own.
    let agent = agents.get(caller)!;
    if (p.path === '/api/auth/logout' && caller !== 'anonymous') {
      agent = request.agent(app);
      await loginAs(agent, caller);
    }
    const res = await send(agent, p);
    const want = expected(p, caller);
    // Binary answers (PDF) have no text.
    const text = String(res.text ?? '');
    if (want === 'ok') {
      expect(res.status, `${res.status} ${text.slice(0, 200)}`).not.toBe(401);
      expect(res.status, text.slice(0, 200)).not.toBe(403);
      expect(res.status, text.slice(0, 200)).toBeLessThan(500);
      // Reads with real ids succeed. A survey job's progress exists only for the account whose
      // job runs (tests/server/survey-pool.test.ts): here it is an unknown job, 404.
      if (p.path === '/api/survey/progress/:progressId') expect(res.status).toBe(404);
      else if (p.method === 'GET' && p.path !== '/api/auth/me') expect(res.status).toBe(200);
    } else {
      expect(res.status).toBe(want);
      expect(res.body.error.code).toBe(want === 401 ? 'UNAUTHENTICATED' : 'FORBIDDEN');
      expect(res.body.error.message).toMatch(/[\u4e00-\u9fff]/);
    }
  });

  it("keeps a planner's story the planner's: a presenter copies it, only the author or an admin changes it (issue 18)", async () => {
    const planner = agents.get('planner')!;
    const presenter = agents.get('presenter')!;
    const admin = agents.get('admin')!;
    const story = (
      await planner
        .post('/api/stories')
        .send({ districtId: ids.district, title: '规划师的演示', views: [] })
        .expect(201)
    ).body as { id: number; version: number; createdBy: number };
    try {
      const body = { version: story.version, title: '被改写', views: [] };
      const put = await presenter.put(`/api/stories/${story.id}`).send(body).expect(403);
      expect(put.body.error.message).toContain('只有演示的作者或管理员');
      await presenter.delete(`/api/stories/${story.id}?version=${story.version}`).expect(403);
      const copy = (await presenter.post(`/api/stories/${story.id}/copy`).expect(201)).body as {
        id: number;
        version: number;
        title: string;
        createdBy: number;
      };
      expect(copy.title).toBe('规划师的演示 (副本)');
      expect(copy.createdBy).not.toBe(story.createdBy);
      await presenter
        .put(`/api/stories/${copy.id}`)
        .send({ version: copy.version, title: '我的版本', views: [] })
        .expect(200);
      await presenter.delete(`/api/stories/${copy.id}?version=${copy.version + 1}`).expect(204);
      const mine = await planner.put(`/api/stories/${story.id}`).send(body).expect(200);
      await admin
        .put(`/api/stories/${story.id}`)
        .send({ version: mine.body.version, title: '管理员改', views: [] })
        .expect(200);
      expect((await planner.get(`/api/stories/${story.id}`).expect(200)).body.title).toBe(
        '管理员改',
      );
    } finally {
      await t.db.query('DELETE FROM story WHERE id = $1', [story.id]);
    }
  });

  it("keeps a district's rules to its own planners: PUT rule-overrides needs an assignment in the district (issue 12)", async () => {
    const admin = agents.get('admin')!;
    const planner = agents.get('planner')!;
    const name = `rules-outsider-${process.pid}`;
    await admin
      .post('/api/users')
      .send({
        username: name,
        displayName: '外区规划师',
        role: 'planner',
        password: 'outsider-secret-1',
        communityIds: [],
      })
      .expect(201);
    const url = `/api/districts/${ids.district}/rule-overrides`;
    const body = (value: number) => ({
      overrides: { 'fireLane.minClearWidthM': { value, source: '某市地方标准 §5.1' } },
    });
    try {
      const outsider = request.agent(app);
      await outsider
        .post('/api/auth/login')
        .send({ username: name, password: 'outsider-secret-1' })
        .expect(200);
      const refused = await outsider.put(url).send(body(4.5)).expect(403);
      expect(refused.body.error.code).toBe('FORBIDDEN');
      expect(refused.body.error.message).toContain('片区');
      expect((await outsider.get(url).expect(200)).body.overrides).toEqual([]);
      // Nothing written; an unknown district is 404 before the assignment is asked.
      await outsider.put('/api/districts/999999999/rule-overrides').send(body(4.5)).expect(404);
      // The demo planner (assigned in this district) and the admin may.
      const mine = await planner.put(url).send(body(4.5)).expect(200);
      expect(mine.body.overrides.map((o: { key: string }) => o.key)).toEqual([
        'fireLane.minClearWidthM',
      ]);
      await admin.put(url).send({ overrides: {} }).expect(200);
    } finally {
      await admin.put(url).send({ overrides: {} });
      await t.db.query('DELETE FROM app_user WHERE username = $1', [name]);
    }
  });

  it('covers every route the app mounts (no endpoint without an entry)', () => {
    interface Layer {
      route?: { path: string; methods: Record<string, boolean> };
      handle: { stack?: Layer[] };
    }
    const found: string[] = [];
    let routes = 0;
    const walk = (stack: Layer[], depth: number): void => {
      for (const layer of stack) {
        if (layer.route && depth > 0) {
          for (const m of Object.keys(layer.route.methods)) {
            routes += 1;
            const sample = layer.route.path.replace(/:[a-zA-Z]+/g, '1');
            const hit =
              matchPermission(m.toUpperCase(), `/api${sample}`) ??
              matchPermission(m.toUpperCase(), `/report${sample}`);
            if (!hit) found.push(`${m.toUpperCase()} ${layer.route.path}`);
          }
        } else if (layer.handle.stack) walk(layer.handle.stack, depth + 1);
      }
    };
    walk((app as unknown as { router: { stack: Layer[] } }).router.stack, 0);
    expect(routes).toBe(PERMISSIONS.length);
    expect(found).toEqual([]);
  });

  it('has an entry for every operation the OpenAPI document describes', async () => {
    const doc = (await request(app).get('/api/openapi.json').expect(200)).body as {
      paths: Record<string, Record<string, unknown>>;
    };
    const missing = Object.entries(doc.paths).flatMap(([path, ops]) =>
      Object.keys(ops)
        .map((m) => m.toUpperCase())
        .filter((m) => !matchPermission(m, path.replace(/\{[a-z]+\}/g, '1')))
        .map((m) => `${m} ${path}`),
    );
    expect(missing).toEqual([]);
    expect(Object.keys(doc.paths)).toContain('/api/scenarios/{id}/review/approve');
  });

  it('refuses anonymous reads when ANONYMOUS_READ is off, but keeps health and sign-in', async () => {
    const closed = makeTestApp(t.db, { anonymousRead: false }).app;
    const res = await request(closed).get('/api/districts').expect(401);
    expect(res.body.error.code).toBe('UNAUTHENTICATED');
    await request(closed).get('/api/health').expect(200);
    await request(closed).get(`/report/scenarios/${ids.proposal}/compliance`).expect(401);
    const presenter = request.agent(closed);
    await loginAs(presenter, 'presenter');
    await presenter.get('/api/districts').expect(200);
  });
});
