import type { Request, RequestHandler, Response } from 'express';
import { runWithRequestSignal } from '../db/request-signal';
import { Admission } from '../work/admission';
import { ApiError } from './api-error';

/**
 * Per-route concurrency budgets (issue 18 item 2). Two groups, each with its own gate:
 * - `map`: vector tiles and the reads the map draws (districts, communities, features);
 * - `heavy`: the district register (JSON, CSV, Excel), sheets and atlases (HTML and PDF), the
 *   compliance report and fire-lane check, indicators, exports (GeoJSON, DXF, Shapefile,
 *   GeoPackage) and imports (GeoJSON, ledger). Survey files are not in it: their own pool
 *   (server/work/survey-pool.ts) bounds GDAL and sheds with 503 at once, which a wait in this
 *   gate's queue in front of it would defeat.
 * A flood of heavy requests fills only the heavy gate, so the map keeps its own. Past a
 * group's queue the answer is 503 BUSY with Retry-After, before any body is read. Analyses have
 * their own gate in the worker pool (analysis-pool.ts); everything else is not gated.
 *
 * A GET in either group is abandoned when its client goes away: the request's AbortSignal is
 * the default signal of its database statements (request-signal.ts), so a queued statement is
 * skipped and a running one cancelled on PostgreSQL, and its place in the queue is given up.
 */
export type RouteGroup = 'map' | 'heavy';

export interface RouteBudgetOptions {
  /** Map reads at once (MAP_CONCURRENCY, default 16) and waiting (MAP_MAX_QUEUE, default 256). */
  mapConcurrency: number;
  mapMaxQueue: number;
  /** Heavy requests at once (HEAVY_CONCURRENCY, default 2) and waiting (HEAVY_MAX_QUEUE, default 16). */
  heavyConcurrency: number;
  heavyMaxQueue: number;
}

export const DEFAULT_ROUTE_BUDGETS: RouteBudgetOptions = {
  mapConcurrency: 16,
  mapMaxQueue: 256,
  heavyConcurrency: 2,
  heavyMaxQueue: 16,
};

/** Seconds a shed caller is told to wait (Retry-After), per group. */
export const ROUTE_RETRY_AFTER_S: Record<RouteGroup, number> = { map: 1, heavy: 10 };

const ID = '[^/]+';
const path = (p: string) => new RegExp(`^${p.replaceAll(':id', ID)}$`);

/** Method and path (under /api, or /report for the printable pages) of each group's routes. */
export const ROUTE_GROUPS: { group: RouteGroup; method: 'GET' | 'POST'; path: RegExp }[] = [
  { group: 'map', method: 'GET', path: path('/api/tiles/.+') },
  { group: 'map', method: 'GET', path: path('/api/districts') },
  { group: 'map', method: 'GET', path: path('/api/districts/:id/features') },
  { group: 'map', method: 'GET', path: path('/api/communities') },
  { group: 'map', method: 'GET', path: path('/api/communities/:id') },
  { group: 'map', method: 'GET', path: path('/api/scenarios/:id/features') },
  {
    group: 'heavy',
    method: 'GET',
    path: path('/api/districts/:id/(register|register\\.csv|register\\.xlsx|register-items\\.csv)'),
  },
  { group: 'heavy', method: 'GET', path: path('/api/communities/:id/sheet\\.pdf') },
  { group: 'heavy', method: 'GET', path: path('/api/districts/:id/atlas\\.pdf') },
  {
    group: 'heavy',
    method: 'GET',
    path: path('/api/scenarios/:id/(fire-lanes|indicators(\\.csv)?)'),
  },
  {
    group: 'heavy',
    method: 'GET',
    path: path('/api/scenarios/:id/export\\.(geojson|dxf|zip|gpkg)'),
  },
  { group: 'heavy', method: 'GET', path: path('/api/districts/:id/export\\.geojson') },
  { group: 'heavy', method: 'GET', path: path('/report/.+') },
  { group: 'heavy', method: 'POST', path: path('/api/scenarios/:id/import') },
  { group: 'heavy', method: 'POST', path: path('/api/districts/:id/register/import(/.+)?') },
];

export const routeGroupOf = (method: string, fullPath: string): RouteGroup | undefined =>
  ROUTE_GROUPS.find(
    (g) =>
      (g.method === method || (method === 'HEAD' && g.method === 'GET')) && g.path.test(fullPath),
  )?.group;

const LABEL: Record<RouteGroup, { zh: string; en: string }> = {
  map: { zh: '地图读取', en: 'Map reads' },
  heavy: {
    zh: '重型请求 (登记表、图册、报告、导出、导入)',
    en: 'Heavy requests (register, sheets, reports, exports, imports)',
  },
};

export interface RouteBudgets {
  readonly gates: Record<RouteGroup, Admission>;
  /** Mount before body parsing (so a full group is shed before its body is read). */
  readonly middleware: RequestHandler;
}

export function makeRouteBudgets(
  options: RouteBudgetOptions = DEFAULT_ROUTE_BUDGETS,
): RouteBudgets {
  const gates: Record<RouteGroup, Admission> = {
    map: new Admission(options.mapConcurrency, options.mapMaxQueue),
    heavy: new Admission(options.heavyConcurrency, options.heavyMaxQueue),
  };
  const busy = (group: RouteGroup): ApiError => {
    const g = gates[group];
    const s = ROUTE_RETRY_AFTER_S[group];
    return new ApiError(
      'BUSY',
      {
        zh: `${LABEL[group].zh}繁忙 (${g.active} 个处理中, ${g.waiting} 个排队), 请 ${s} 秒后重试`,
        en: `${LABEL[group].en} are busy (${g.active} in progress, ${g.waiting} waiting); retry in ${s} s`,
      },
      { retryAfterS: s, group },
    );
  };

  const middleware: RequestHandler = (req, res, next) => {
    const group = routeGroupOf(req.method, req.baseUrl + req.path);
    if (!group) return next();
    const signal = disconnectSignal(req, res);
    void gates[group].acquire(signal).then(
      (release) => {
        if (!release) {
          // The body (an import's file) is not read: close rather than drain it.
          res.set('Connection', 'close');
          return next(busy(group));
        }
        res.once('close', release);
        // Reads are abandoned with their client; writes (imports) always run to their end.
        if (req.method === 'GET' || req.method === 'HEAD') runWithRequestSignal(signal, next);
        else next();
      },
      // The client left while queued: nobody to answer.
      () => undefined,
    );
  };
  return { gates, middleware };
}

/** Fires when the client goes away before its response has been sent in full. */
export function disconnectSignal(_req: Request, res: Response): AbortSignal {
  const existing = res.locals.disconnectSignal as AbortSignal | undefined;
  if (existing) return existing;
  const abort = new AbortController();
  res.once('close', () => {
    if (!res.writableFinished) abort.abort(new Error('client disconnected'));
  });
  res.locals.disconnectSignal = abort.signal;
  return abort.signal;
}
