import type { RequestHandler } from 'express';
import { notFound } from '../http/api-error';
import type { AccountStore, ScopeTarget } from './account-store';
import { notAssigned, notAssignedToDistrict, proposalLocked, unauthenticated } from './auth-errors';
import { matchPermission, type Scope } from './permissions';
import { checkRole } from './require-role';
import { currentUser } from './session-user';

const WHAT: Record<Scope, { zh: string; en: string }> = {
  baseline: { zh: '现状方案', en: 'Baseline scenario' },
  scenario: { zh: '方案', en: 'Scenario' },
  'scenario-edit': { zh: '方案', en: 'Scenario' },
  'feature-edit': { zh: '要素', en: 'Feature' },
  community: { zh: '小区', en: 'Community' },
  'register-item': { zh: '改造项目', en: 'Register item' },
  district: { zh: '片区', en: 'District' },
};

/** What res.locals.scope holds after authorize(): the community and scenario a write touches. */
export type AuthorizedScope = ScopeTarget;

/**
 * Every request under /api and /report passes here: its entry in the one permission table
 * (permissions.ts) decides. 'public' passes; 'read' needs a session unless anonymous reads are
 * on; a role list goes through requireRole(). A scoped write by a planner must touch a
 * community they are assigned to, and `-edit` scopes refuse proposals under review or approved.
 */
export function authorize(deps: {
  accounts: AccountStore;
  anonymousRead: boolean;
}): RequestHandler {
  return async (req, res, next) => {
    const path = req.originalUrl.split('?')[0] ?? req.path;
    const matched = matchPermission(req.method, path);
    // Not in the table: the API's catch-all answers 404 (the permission-matrix test checks that
    // every mounted route has an entry), and the client's pages are public.
    if (!matched) return next();
    const { permission, params } = matched;
    res.locals.permission = permission;
    const user = currentUser(res);
    if (permission.access === 'public') return next();
    if (permission.access === 'read') {
      if (!user && !deps.anonymousRead) throw unauthenticated();
      return next();
    }
    checkRole(user, permission.access);
    if (!permission.scope || !user) return next();
    const id = Number(params.id);
    if (!Number.isSafeInteger(id) || id <= 0) return next(); // the route's own parse answers 400
    // The target is kept before the checks, so a refused write's audit row names it too.
    await checkScope(deps.accounts, permission.scope, id, user, (t) => (res.locals.scope = t));
    next();
  };
}

/**
 * The scope check of a write, for routes whose target is not in the path (e.g. the survey
 * commit names its scenario in the body): the target exists, a planner is assigned to its
 * community (for a `district` scope: to any community of the district), and `-edit` scopes refuse a proposal under review or approved.
 */
export async function checkScope(
  accounts: Pick<AccountStore, 'resolveScope'>,
  scope: Scope,
  id: number,
  user: { id: number; role: string },
  found?: (target: ScopeTarget) => void,
): Promise<ScopeTarget> {
  const target = await accounts.resolveScope(scope, id, user.id);
  if (!target) throw notFound(WHAT[scope], id);
  found?.(target);
  if (user.role === 'planner' && !target.assigned)
    throw scope === 'district' ? notAssignedToDistrict(id) : notAssigned(target.communityId);
  if (
    (scope === 'scenario-edit' || scope === 'feature-edit') &&
    target.kind === 'proposal' &&
    (target.reviewState === 'submitted' || target.reviewState === 'approved')
  )
    throw proposalLocked(target.reviewState);
  return target;
}
