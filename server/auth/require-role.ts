import type { RequestHandler } from 'express';
import type { Role } from '../../domain/model/roles';
import { forbidden, unauthenticated } from './auth-errors';
import { currentUser, type SessionUser } from './session-user';

/** Throw 401 UNAUTHENTICATED without an account, 403 FORBIDDEN when its role is not in `roles`. */
export function checkRole(user: SessionUser | null, roles: readonly Role[]): SessionUser {
  if (!user) throw unauthenticated();
  if (!roles.includes(user.role)) throw forbidden(roles);
  return user;
}

/**
 * Refuse a request without a session (401 UNAUTHENTICATED) or whose account has none of
 * `roles` (403 FORBIDDEN). authorize() applies the same check from the permission table; a
 * router may also mount this directly.
 */
export function requireRole(...roles: Role[]): RequestHandler {
  return (_req, res, next) => {
    checkRole(currentUser(res), roles);
    next();
  };
}
