import { Router } from 'express';
import { z } from 'zod';
import { ROLES } from '../../domain/model/roles';
import type { AccountStore } from '../auth/account-store';
import { unauthenticated } from '../auth/auth-errors';
import { checkPassword, hashPassword } from '../auth/hash-password';
import type { LoginThrottle } from '../auth/login-throttle';
import { passwordProblem } from '../auth/password-rule';
import {
  clearedSessionCookie,
  newSessionToken,
  sessionCookie,
  sessionToken,
  tokenDigest,
} from '../auth/session-cookie';
import { currentUser } from '../auth/session-user';
import { ApiError } from '../http/api-error';
import { issue, parse } from '../http/parse';

export const loginSchema = z.object({
  username: z.string().trim().min(1, issue('请输入用户名', 'username is required')).max(64),
  password: z.string().min(1, issue('请输入密码', 'password is required')).max(200),
});

export const createUserSchema = z.object({
  username: z
    .string()
    .regex(
      /^[a-z0-9_.-]{2,64}$/,
      issue('用户名为 2–64 位小写字母、数字或 _.-', 'username: 2–64 of a-z 0-9 _ . -'),
    ),
  displayName: z.string().trim().min(1).max(100),
  role: z.enum(ROLES),
  password: z.string().superRefine((pw, ctx) => {
    const problem = passwordProblem(pw);
    if (problem) ctx.addIssue(issue(problem.zh, problem.en));
  }),
  communityIds: z.array(z.number().int().positive()).max(10_000).optional(),
});

const badCredentials = (): ApiError =>
  new ApiError('UNAUTHENTICATED', {
    zh: '用户名或密码错误',
    en: 'Wrong username or password',
  });

const accountDisabled = (): ApiError =>
  new ApiError(
    'UNAUTHENTICATED',
    {
      zh: '该账号已停用, 请联系管理员',
      en: 'This account is disabled; ask an administrator',
    },
    { disabled: true },
  );

/**
 * Sign-in with a database session in an httpOnly cookie (`rpm_session`), the current account,
 * sign-out, and account administration (admins; guarded by the permission table).
 */
export function authRoutes(deps: {
  accounts: AccountStore;
  sessionTtlHours: number;
  throttle: LoginThrottle;
}): Router {
  const { accounts, throttle } = deps;
  const ttlS = deps.sessionTtlHours * 3600;
  const r = Router();

  r.post('/auth/login', async (req, res) => {
    const body = parse(loginSchema, req.body ?? {});
    const address = req.ip ?? req.socket.remoteAddress ?? 'unknown';
    await throttle.check(body.username, address);
    const found = await accounts.findByName(body.username);
    // Compare against a hash even for an unknown name, so timing does not reveal accounts.
    const ok = await checkPassword(
      body.password,
      found?.passwordHash ?? '$2b$10$B1SIt8ZjYvHdjuc0bvifkOUFzOYizdMSEc9RiwVTjNVVs/.9t2eI6',
    );
    if (!found || !ok) {
      await throttle.fail(body.username, address);
      throw badCredentials();
    }
    await throttle.succeed(body.username);
    // Said only to whoever knows the password: a disabled account is not a guessing oracle.
    if (found.disabled) throw accountDisabled();
    // A new session id at every sign-in; the one the browser held before is ended.
    const previous = sessionToken(req);
    if (previous) await accounts.deleteSession(tokenDigest(previous));
    const token = newSessionToken();
    await accounts.createSession(found.id, tokenDigest(token), ttlS);
    await accounts.recordLogin(found.id);
    const { passwordHash: _hash, disabled: _disabled, ...user } = found;
    res.locals.user = user;
    res.setHeader('Set-Cookie', sessionCookie(token, ttlS, req.secure));
    res.json({ user });
  });

  r.post('/auth/logout', async (req, res) => {
    const token = sessionToken(req);
    if (token) await accounts.deleteSession(tokenDigest(token));
    res.setHeader('Set-Cookie', clearedSessionCookie(req.secure));
    res.status(204).end();
  });

  r.get('/auth/me', (_req, res) => {
    const user = currentUser(res);
    if (!user) throw unauthenticated();
    res.json({ user });
  });

  r.get('/users', async (_req, res) => {
    res.json(await accounts.listUsers());
  });

  r.post('/users', async (req, res) => {
    const body = parse(createUserSchema, req.body ?? {});
    const created = await accounts.createUser({
      username: body.username,
      displayName: body.displayName,
      role: body.role,
      passwordHash: await hashPassword(body.password),
      ...(body.communityIds ? { communityIds: body.communityIds } : {}),
    });
    if (!created) {
      throw new ApiError('CONFLICT', {
        zh: `用户名已存在: ${body.username}`,
        en: `Username already taken: ${body.username}`,
      });
    }
    res.status(201).json(created);
  });

  return r;
}
