import type { Page } from 'playwright-core';
import type request from 'supertest';
import type { Role } from '../../domain/model/roles';

/** The demo account of each role (server/auth/demo-accounts.ts; README "Demo accounts"). */
export const DEMO_LOGIN: Record<Role, { username: string; password: string }> = {
  planner: { username: 'planner', password: 'planner-demo' },
  reviewer: { username: 'official', password: 'official-demo' },
  presenter: { username: 'presenter', password: 'presenter-demo' },
  admin: { username: 'admin', password: 'admin-demo' },
};

type TestAgent = ReturnType<typeof request.agent>;

const isPage = (x: unknown): x is Page =>
  typeof (x as { goto?: unknown }).goto === 'function' &&
  typeof (x as { context?: unknown }).context === 'function';

/**
 * Sign a supertest agent (`request.agent(app)`) or a playwright page in as the demo account of
 * `role`; the session cookie stays with the agent or the page's browser context. Pages need the
 * server's base URL. Returns the signed-in user.
 */
export async function loginAs(
  target: TestAgent | Page,
  role: Role,
  base = '',
): Promise<{ id: number; username: string; displayName: string; role: Role }> {
  if (isPage(target)) {
    const res = await target.request.post(`${base}/api/auth/login`, { data: DEMO_LOGIN[role] });
    if (res.status() !== 200)
      throw new Error(`login as ${role}: ${res.status()} ${await res.text()}`);
    return ((await res.json()) as { user: never }).user;
  }
  const res = await target.post('/api/auth/login').send(DEMO_LOGIN[role]);
  if (res.status !== 200) throw new Error(`login as ${role}: ${res.status} ${res.text}`);
  return (res.body as { user: never }).user;
}
