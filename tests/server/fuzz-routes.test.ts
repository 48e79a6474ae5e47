import type { Express } from 'express';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loginAs } from '../helpers/login-as';
import { makeTestApp } from '../helpers/test-app';
import { openTestDatabase, type TestDatabase } from '../helpers/test-db';

/**
 * Issue 18.5: a fuzz walk generated from the OpenAPI document. Every operation is called by a
 * signed-in admin (who passes every permission check, so the parsers are what is tested) with
 * hostile path parameters and, for writes, malformed bodies and content types. No answer may
 * be a 5xx, none may take past its time bound, and nothing stored may change.
 */
let t: TestDatabase;
let app: Express;
let admin: ReturnType<typeof request.agent>;

/** Tables whose rows a refused request must not touch (audit rows and throttle counts may grow). */
const TABLES = [
  'district',
  'community',
  'scenario',
  'feature',
  'story',
  'story_view',
  'register_item',
  'review_event',
  'app_user',
  'community_assignment',
];

const snapshot = async (): Promise<Record<string, string>> => {
  const out: Record<string, string> = {};
  for (const table of TABLES) {
    const [row] = await t.db.query<{ n: number; v: string | null }>(
      `SELECT count(*)::int AS n, md5(string_agg(md5(x::text), '' ORDER BY md5(x::text))) AS v
         FROM ${table} x`,
    );
    out[table] = `${row!.n}:${row!.v ?? ''}`;
  }
  return out;
};

const BAD_IDS = ['abc', '-1', '0', '1e3', '0x10', '99999999999999999999', '1.5', '%00', "1'--"];
const BAD_BODIES: [string, string][] = [
  ['application/json', 'null'],
  ['application/json', '[]'],
  ['application/json', '"text"'],
  ['application/json', '{"version":"x","name":{"$gt":""},"geometry":{"type":"Polygon"}}'],
  [
    'application/json',
    '{"features":[{"type":"Feature","geometry":{"type":"Point","coordinates":[1e308,-1e308]}}]}',
  ],
  ['application/json', `${'['.repeat(5000)}${']'.repeat(5000)}`],
  ['application/json', '{"a":'],
  ['text/plain', 'hello'],
  ['application/x-www-form-urlencoded', 'a=1&b[c]=2'],
];

interface Operation {
  method: string;
  path: string;
  /** Body types its entry lists; undefined when it declares no body. */
  types: string[] | undefined;
}

let operations: Operation[] = [];

beforeAll(async () => {
  t = await openTestDatabase();
  app = makeTestApp(t.db).app;
  admin = request.agent(app);
  await loginAs(admin, 'admin');
  const doc = (await admin.get('/api/openapi.json').expect(200)).body as {
    paths: Record<string, Record<string, { requestBody?: { content?: object } }>>;
  };
  operations = Object.entries(doc.paths).flatMap(([path, ops]) =>
    Object.entries(ops).map(([m, op]) => ({
      method: m.toUpperCase(),
      path,
      types: op.requestBody ? Object.keys(op.requestBody.content ?? {}) : undefined,
    })),
  );
});

afterAll(async () => {
  await t?.close();
});

/** The operation's path with every {param} replaced by `value` (percent-encoded as a client would). */
const withParams = (path: string, value: string) =>
  path.replace(/\{[a-zA-Z]+\}/g, value.startsWith('%') ? value : encodeURIComponent(value));

describe('fuzzing every OpenAPI operation (issue 18)', () => {
  it('answers hostile parameters and bodies without a 5xx, within bounds, changing nothing', async () => {
    expect(operations.length).toBeGreaterThan(40);
    const before = await snapshot();
    const failures: string[] = [];
    let cases = 0;
    let refusedTypes = 0;
    const call = async (op: Operation, url: string, body?: [string, string]) => {
      cases += 1;
      const started = Date.now();
      let req = admin[op.method.toLowerCase() as 'get'](url).timeout(15_000);
      // Logging out would end the admin's session for the rest of the walk.
      if (op.path === '/api/auth/logout') return;
      if (body) req = req.set('Content-Type', body[0]).send(body[1]);
      try {
        const res = await req;
        const ms = Date.now() - started;
        if (res.status >= 500)
          failures.push(`${op.method} ${url} → ${res.status} ${res.text.slice(0, 120)}`);
        // Exactly the types the entry lists (issue 18.5): any other is 415, a listed one never.
        // (413 and the permission and id checks come first; those are not about the type.)
        if (body && op.types?.length && ![400, 401, 403, 404, 413].includes(res.status)) {
          const listed = op.types.includes(body[0]);
          if (listed && res.status === 415)
            failures.push(`${op.method} ${url} refused its listed type ${body[0]}`);
          if (!listed && res.status !== 415)
            failures.push(`${op.method} ${url} took unlisted ${body[0]} → ${res.status}`);
          if (!listed && res.status === 415) refusedTypes += 1;
        }
        // A refusal is cheap: a parser that works for seconds on bad input is a hang. The
        // issue's bound is 2 s on a quiet machine; CI runs other test files beside this one on
        // two cores, so the bound here is 5 s (a quiet run stays under 0.3 s per case).
        if (res.status >= 400 && ms > 5_000) failures.push(`${op.method} ${url} took ${ms} ms`);
      } catch (err) {
        failures.push(`${op.method} ${url} → ${(err as Error).message}`);
      }
    };
    for (const op of operations) {
      const hasParams = /\{[a-zA-Z]+\}/.test(op.path);
      if (hasParams) for (const id of BAD_IDS) await call(op, withParams(op.path, id));
      if (op.method !== 'GET') {
        const url = withParams(op.path, '1');
        for (const body of BAD_BODIES) await call(op, url, body);
      } else if (!hasParams) {
        await call(op, `${op.path}?district=abc&scenario=-1&crs=xyz&limit=1e9`);
      }
    }
    expect(failures).toEqual([]);
    expect(cases).toBeGreaterThan(300);
    expect(refusedTypes).toBeGreaterThan(50);
    // Nothing stored changed (audit rows aside: refused writes are recorded by design).
    expect(await snapshot()).toEqual(before);
    console.log(
      `fuzz: ${operations.length} operations, ${cases} cases, ${refusedTypes} unlisted types → 415, no 5xx, nothing changed`,
    );
  }, 600_000);
});
