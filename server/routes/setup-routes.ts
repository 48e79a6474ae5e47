import { Router } from 'express';
import { z } from 'zod';
import type { AccountStore } from '../auth/account-store';
import { hashPassword } from '../auth/hash-password';
import { passwordProblem } from '../auth/password-rule';
import { tokenDigest } from '../auth/session-cookie';
import type { SetupStore } from '../auth/setup-store';
import { ApiError } from '../http/api-error';
import { issue, parse } from '../http/parse';
import { createUserSchema } from './auth-routes';

export const firstAdminSchema = z.object({
  token: z
    .string()
    .regex(/^[A-Za-z0-9_-]{20,100}$/, issue('设置链接无效', 'the setup link is malformed')),
  username: createUserSchema.shape.username,
  displayName: z.string().trim().max(100).optional(),
  password: z.string().superRefine((pw, ctx) => {
    const problem = passwordProblem(pw);
    if (problem) ctx.addIssue(issue(problem.zh, problem.en));
  }),
});

const invalidToken = (): ApiError =>
  new ApiError('SETUP_TOKEN_INVALID', {
    zh: '设置链接无效、已使用或已过期; 重启服务器可获得新链接 (若尚无账号)',
    en: 'The setup link is unknown, used already or expired; restart the server for a new one (while no account exists)',
  });

const alreadySetUp = (): ApiError =>
  new ApiError('SETUP_DONE', {
    zh: '已有账号, 无需初始设置; 请登录, 或由管理员用 npm run user 添加账号',
    en: 'Accounts exist already; sign in, or have an admin add accounts with npm run user',
  });

/**
 * First run without accounts: `GET /api/setup` says whether setup is needed, and
 * `POST /api/setup/first-admin` {token, username, password, displayName?} uses the one-time
 * link the server printed (offer-setup-link.ts) to create the first admin.
 */
export function setupApiRoutes(deps: { accounts: AccountStore; setup: SetupStore }): Router {
  const r = Router();
  r.get('/setup', async (_req, res) => {
    res.json({ setupNeeded: (await deps.accounts.countUsers()) === 0 });
  });
  r.post('/setup/first-admin', async (req, res) => {
    const body = parse(firstAdminSchema, req.body ?? {});
    const outcome = await deps.setup.createFirstAdmin(tokenDigest(body.token), {
      username: body.username,
      displayName: body.displayName || body.username,
      passwordHash: await hashPassword(body.password),
    });
    if (!outcome.ok) throw outcome.reason === 'users-exist' ? alreadySetUp() : invalidToken();
    res.locals.audit = { entity: 'user', entityId: outcome.user.id, summary: { role: 'admin' } };
    res.status(201).json({ user: outcome.user });
  });
  return r;
}
