import type { Express } from 'express';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loginAs } from '../helpers/login-as';
import { makeTestApp } from '../helpers/test-app';
import { openTestDatabase, type TestDatabase } from '../helpers/test-db';

/** Issue 18.5: content types as the OpenAPI document names them, 413 whatever the type, strict tiles. */
let t: TestDatabase;
let app: Express;
let admin: ReturnType<typeof request.agent>;
let proposal: number;

// A 2.5 × 5.3 m stall in 双泉嘉苑's neighbourhood (≈116.343 E, 40.0038 N).
const stall = {
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
};

beforeAll(async () => {
  t = await openTestDatabase();
  app = makeTestApp(t.db).app;
  admin = request.agent(app);
  await loginAs(admin, 'admin');
  const [row] = await t.db.query<{ baseline: number }>(
    `SELECT s.id AS baseline FROM community c
       JOIN scenario s ON s.community_id = c.id AND s.kind = 'baseline' WHERE c.name = '双泉嘉苑'`,
  );
  proposal = (
    await admin
      .post(`/api/scenarios/${row!.baseline}/proposals`)
      .send({ name: '严格解析' })
      .expect(201)
  ).body.id;
});

afterAll(async () => {
  await t?.db.query('DELETE FROM scenario WHERE id = $1', [proposal]);
  await t?.close();
});

describe('strict, consistent parsing (issue 18)', () => {
  it('imports a body sent as application/geo+json, the type its OpenAPI entry names', async () => {
    const res = await admin
      .post(`/api/scenarios/${proposal}/import`)
      .set('Content-Type', 'application/geo+json')
      .send(JSON.stringify(stall))
      .expect(201);
    expect(res.body.created).toHaveLength(1);
  });

  it('answers 413 for a 6 MB body whatever its content type, and writes nothing', async () => {
    const [before] = await t.db.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM feature WHERE scenario_id = $1',
      [proposal],
    );
    const big = JSON.stringify({
      ...stall,
      features: Array.from({ length: 9000 }, () => stall.features[0]),
    });
    const padded = big + ' '.repeat(6_000_000 - big.length);
    for (const type of ['application/geo+json', 'application/json', 'text/plain']) {
      const res = await admin
        .post(`/api/scenarios/${proposal}/import`)
        .set('Content-Type', type)
        .send(padded);
      expect(res.status, type).toBe(413);
      expect(res.body.error.code).toBe('PAYLOAD_TOO_LARGE');
      expect(res.body.error.message).toContain('上限 5MB');
    }
    const [after] = await t.db.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM feature WHERE scenario_id = $1',
      [proposal],
    );
    expect(after!.n).toBe(before!.n);
  });

  it('answers 415, in both languages, for a type the operation’s OpenAPI entry does not list', async () => {
    const before = await t.db.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM feature WHERE scenario_id = $1',
      [proposal],
    );
    // The import lists application/geo+json and application/json; a feature write only JSON.
    const xml = await admin
      .post(`/api/scenarios/${proposal}/import`)
      .set('Content-Type', 'application/xml')
      .send(JSON.stringify(stall))
      .expect(415);
    expect(xml.body.error.code).toBe('UNSUPPORTED_MEDIA_TYPE');
    expect(xml.body.error.message).toBe(
      '不支持的请求内容类型 application/xml: 该接口只接受 application/geo+json, application/json',
    );
    expect(xml.body.error.details.accepted).toEqual(['application/geo+json', 'application/json']);
    const en = await admin
      .post(`/api/scenarios/${proposal}/features`)
      .set('Content-Type', 'text/plain')
      .set('Accept-Language', 'en')
      .send(JSON.stringify({ kind: 'parking_stall', geometry: stall.features[0]!.geometry }))
      .expect(415);
    expect(en.body.error.message).toBe(
      'Unsupported Content-Type text/plain: this endpoint accepts application/json',
    );
    // A body with no type at all is refused the same way.
    const untyped = await admin
      .post(`/api/scenarios/${proposal}/import`)
      .set('Content-Type', '')
      .send(Buffer.from(JSON.stringify(stall)));
    expect(untyped.status).toBe(415);
    // Parameters of a listed type are fine; the listed types still work.
    await admin
      .post(`/api/scenarios/${proposal}/import`)
      .set('Content-Type', 'application/geo+json; charset=utf-8')
      .send(JSON.stringify(stall))
      .expect(201);
    const after = await t.db.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM feature WHERE scenario_id = $1',
      [proposal],
    );
    expect(after[0]!.n).toBe(before[0]!.n + 1);
  });

  it('takes tile coordinates as decimal integers only', async () => {
    await request(app).get('/api/tiles/baseline/15/26970/12400.mvt').expect(200);
    for (const bad of ['0x10/1/1', '1e1/1/1', '15/+5/1', '15/1.0/1', '15/1/012', '23/0/0'])
      await request(app).get(`/api/tiles/baseline/${bad}.mvt`).expect(400);
  });
});
