import { LoginThrottle } from './login-throttle';
import express, { type Express } from 'express';
import type { Catalog } from '../db/catalog';
import type { Database } from '../db/database';
import { makeRegisterStore } from '../db/register-store';
import { makeReviewStore } from '../db/review-store';
import { authRoutes } from '../routes/auth-routes';
import { registerRoutes } from '../routes/register-routes';
import { reviewRoutes } from '../routes/review-routes';
import { makeAccountStore } from './account-store';
import { auditLog } from './audit-log';
import { authenticate } from './authenticate';
import { authorize } from './authorize';
import { makeSetupStore } from './setup-store';
import { setupApiRoutes } from '../routes/setup-routes';
import { communityStageRoutes } from '../routes/community-stage-routes';

/**
 * Accounts, roles and review (issue #6), installed before every other route: the session's
 * account, the permission table's verdict and the audit log wrap /api and /report. Returns the
 * routers of accounts, review and the renewal register for the API to mount.
 */
export function installAuth(
  app: Express,
  deps: {
    db: Database;
    catalog: Catalog;
    config: { anonymousRead?: boolean; sessionTtlHours?: number };
  },
): { routers: express.Router[] } {
  const accounts = makeAccountStore(deps.db);
  const guard = express.Router();
  guard.use(authenticate(accounts));
  // The audit log wraps the permission check, so refused writes are recorded too.
  guard.use(auditLog(deps.db));
  guard.use(authorize({ accounts, anonymousRead: deps.config.anonymousRead ?? true }));
  app.use(['/api', '/report'], guard);
  return {
    routers: [
      authRoutes({
        accounts,
        sessionTtlHours: deps.config.sessionTtlHours ?? 12,
        throttle: new LoginThrottle(deps.db),
      }),
      reviewRoutes({ reviews: makeReviewStore(deps.db) }),
      registerRoutes({ catalog: deps.catalog, register: makeRegisterStore(deps.db) }),
      // First run without accounts (issue #17): the one-time setup link's API.
      setupApiRoutes({ accounts, setup: makeSetupStore(deps.db) }),
      // A community's renewal stage: "not set" until someone sets it (issue #17).
      communityStageRoutes({ db: deps.db }),
    ],
  };
}
