import { existsSync } from 'node:fs';
import { join } from 'node:path';
import compression from 'compression';
import express, { type Express } from 'express';
import type { Config } from './config';
import type { Catalog } from './db/catalog';
import type { FeatureStore } from './db/feature-store';
import type { Database } from './db/database';
import { makeAccountStore } from './auth/account-store';
import { installAuth } from './auth/install-auth';
import { ApiError } from './http/api-error';
import { errorHandler } from './http/error-handler';
import { anonymousAnalysisLimit } from './http/anonymous-analysis-limit';
import { refuseOversizedBody } from './http/refuse-oversized-body';
import { declaredContentTypes } from './http/declared-content-types';
import { makeRouteBudgets } from './http/route-budgets';
import { sharedAnalysisPool, shedWhenBusy } from './work/run-analysis';
import { sameOriginWrites, securityHeaders } from './http/security-headers';
import { analysisRoutes } from './routes/analysis-routes';
import { catalogRoutes } from './routes/catalog-routes';
import { importWarningRoutes } from './routes/import-warning-routes';
import { communityBoundaryRoutes } from './routes/community-boundary-routes';
import { makeCommunityBoundaryStore } from './db/community-boundary-store';
import { coverageRoutes } from './routes/coverage-routes';
import { editRoutes } from './routes/edit-routes';
// parking-existing (issue 12 §2): survey counts of existing parking.
import { parkingSurveyRoutes } from './routes/parking-survey-routes';
// rule-overrides (issue 12 §1): a district's local rules.
import { makeRuleOverrideStore } from './db/rule-override-store';
import { ruleOverrideRoutes } from './routes/rule-override-routes';
import { fireLaneRoutes } from './routes/fire-lane-routes';
import { openApiDocument, openApiRoutes } from './routes/openapi-routes';
import { presentationReadRoutes } from './routes/presentation-read-routes';
import { presentationWriteRoutes } from './routes/presentation-write-routes';
import { makeLedgerStore } from './db/ledger-store';
import { makeRegisterStore } from './db/register-store';
import { registerLedgerRoutes } from './routes/register-ledger-routes';
import { reportRoutes } from './routes/report-routes';
import { setupPage } from './routes/setup-page';
import { sheetRoutes } from './routes/sheet-routes';
import { tileRoutes } from './routes/tile-routes';
// CAD/GIS exports (issue 11 item 3).
import { surveyExportRoutes } from './routes/survey-export-routes';
import type { TileService } from './tiles/tile-service';
// --- survey import (issue #11 item 1) ---
import { makeSurveyStore } from './db/survey-store';
import { surveyRoutes } from './routes/survey-routes';
import type { SurveyPool } from './work/survey-pool';
// --- end survey import ---

export interface AppDeps {
  config: Pick<Config, 'bodyLimit' | 'clientDir'> &
    Partial<
      Pick<
        Config,
        | 'anonymousRead'
        | 'sessionTtlHours'
        | 'chromiumPath'
        | 'printConcurrency'
        | 'printMaxQueue'
        | 'printIdleMs'
        | 'trustProxy'
        | 'cookieSecure'
        | 'routeBudgets'
      >
    >;
  db: Database;
  catalog: Catalog;
  store: FeatureStore;
  tiles: TileService;
  /** Survey reads (GDAL + feature building); default: the process's shared pool. */
  surveyPool?: SurveyPool;
}

/** JSON bodies, GeoJSON's own media type included. */
const JSON_TYPES = ['application/json', 'application/geo+json', 'application/*+json'];

/** Build the Express app from its dependencies; no listen (tests use it directly). */
export function makeApp(deps: AppDeps): Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', trustProxyValue(deps.config.trustProxy ?? 'loopback'));
  // Issue 18: security headers with a CSP, and no cookie-carried writes from other sites.
  app.use(securityHeaders());
  app.use(sameOriginWrites());
  const reports = reportRoutes(deps);
  const sheets = sheetRoutes(deps);
  const auth = installAuth(app, deps);
  // Issue 18 item 2: map reads and heavy routes each have their own concurrency budget; their
  // reads are abandoned, down to the database, when the client goes away.
  const budgets = makeRouteBudgets(deps.config.routeBudgets);
  // Their gates' counts, for tests and the overload bench (app.locals is not served).
  app.locals.routeBudgets = budgets;
  app.use(budgets.middleware);
  installApi(app, deps, [reports.api, sheets.api], auth.routers);
  // Printable pages (compliance report, sheets); before the client's catch-all route.
  app.use('/report', reports.pages);
  app.use('/report', sheets.pages);
  // The page the one-time setup link opens (issue #17); before the client's catch-all route.
  app.get('/setup', setupPage());
  installClient(app, deps.config.clientDir);
  app.use(errorHandler);
  return app;
}

function installApi(
  app: Express,
  deps: AppDeps,
  reports: express.Router[],
  authRouters: express.Router[],
): void {
  const api = express.Router();
  // Tiles are gzipped once in the cache; compress only the other responses on the fly.
  api.use(
    compression({
      filter: (req, res) => !req.path.startsWith('/tiles/') && compression.filter(req, res),
    }),
  );
  // JSON bodies, GeoJSON's own media type included (issue 18); over the limit 413 whatever the
  // type, except the file uploads, which have their own, larger limits.
  api.use(refuseOversizedBody(deps.config.bodyLimit));
  // Each operation takes exactly the body types its OpenAPI entry lists, else 415 (issue 18).
  api.use(declaredContentTypes(openApiDocument() as Parameters<typeof declaredContentTypes>[0]));
  // A flood of analyses is refused before its bodies are parsed on the event loop.
  api.use('/analysis', shedWhenBusy(sharedAnalysisPool));
  // Analysis bodies (up to BODY_LIMIT, a district's network is megabytes) are read as bytes and
  // parsed and checked in the worker thread, never on the event loop (issue 18).
  api.use('/analysis', express.raw({ limit: deps.config.bodyLimit, type: JSON_TYPES }));
  api.use(express.json({ limit: deps.config.bodyLimit, type: JSON_TYPES }));
  api.use(catalogRoutes(deps));
  api.use(importWarningRoutes(deps));
  api.use(editRoutes(deps));
  // ── parking-existing (issue 12 §2): PUT /api/features/:id/parking-survey ──
  api.use(parkingSurveyRoutes(deps));
  // ── rule-overrides (issue 12 §1): GET/PUT /api/districts/:id/rule-overrides ──
  api.use(ruleOverrideRoutes({ ruleOverrides: makeRuleOverrideStore(deps.db) }));
  api.use(communityBoundaryRoutes({ ...deps, boundaries: makeCommunityBoundaryStore(deps.db) }));
  // Issue 18: anonymous analysis calls limited per address (signed-in callers are not).
  api.use(anonymousAnalysisLimit(deps.db));
  api.use(analysisRoutes());
  api.use(fireLaneRoutes());
  api.use(coverageRoutes());
  api.use(...reports);
  api.use(presentationReadRoutes(deps));
  api.use(presentationWriteRoutes(deps));
  api.use(tileRoutes(deps));
  // The district register in and out of Excel (issue #11 item 2).
  api.use(
    registerLedgerRoutes({
      catalog: deps.catalog,
      register: makeRegisterStore(deps.db),
      ledger: makeLedgerStore(deps.db),
    }),
  );
  // --- CAD/GIS exports (issue 11 item 3): DXF, Shapefile zip, GeoPackage ---
  api.use(surveyExportRoutes(deps));
  // --- end CAD/GIS exports ---
  // --- survey import (issue #11 item 1): upload, preview, commit, remembered mappings ---
  api.use(
    surveyRoutes({
      catalog: deps.catalog,
      survey: makeSurveyStore(deps.db),
      accounts: makeAccountStore(deps.db),
      ...(deps.surveyPool ? { pool: deps.surveyPool } : {}),
    }),
  );
  // --- end survey import ---
  for (const router of authRouters) api.use(router);
  api.use(openApiRoutes());
  api.use((req) => {
    throw new ApiError('NOT_FOUND', {
      zh: `接口不存在: ${req.method} ${req.path}`,
      en: `No such endpoint: ${req.method} ${req.path}`,
    });
  });
  app.use('/api', api);
}

function installClient(app: Express, clientDir: string): void {
  if (!existsSync(join(clientDir, 'index.html'))) return;
  app.use(
    express.static(clientDir, {
      index: 'index.html',
      // Hashed assets may be cached; the page itself must pick up a new build at once.
      setHeaders: (res, path) =>
        res.setHeader(
          'Cache-Control',
          path.endsWith('.html') ? 'no-cache' : 'public, max-age=3600',
        ),
    }),
  );
  app.get('/{*path}', (_req, res) => res.sendFile(join(clientDir, 'index.html')));
}

/** TRUST_PROXY as Express takes it: true/false, a hop count, or names and CIDRs. */
function trustProxyValue(v: string): boolean | number | string {
  if (v === 'true') return true;
  if (v === 'false') return false;
  return /^\d+$/.test(v) ? Number(v) : v;
}
