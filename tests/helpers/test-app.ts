import { resolve } from 'node:path';
import type { Express } from 'express';
import { makeApp } from '../../server/app';
import { makeFeatureStore } from '../../server/db/feature-store';
import { makePostgisCatalog } from '../../server/db/catalog';
import type { Database } from '../../server/db/database';
import type { RouteBudgetOptions } from '../../server/http/route-budgets';
import { makeTileService, type TileService } from '../../server/tiles/tile-service';
import type { SurveyPool } from '../../server/work/survey-pool';

export const CLIENT_DIR = resolve(import.meta.dirname, '../../dist/client');

/** The real app over a real database, wired as server/main.ts wires it. */
export function makeTestApp(
  db: Database,
  options: {
    bodyLimit?: string;
    anonymousRead?: boolean;
    cookieSecure?: 'auto' | 'true' | 'false';
    surveyPool?: SurveyPool;
    routeBudgets?: RouteBudgetOptions;
  } = {},
): { app: Express; tiles: TileService } {
  const tiles = makeTileService(db, { cacheEntries: 500 });
  const app = makeApp({
    config: {
      bodyLimit: options.bodyLimit ?? '5mb',
      clientDir: CLIENT_DIR,
      anonymousRead: options.anonymousRead ?? true,
      chromiumPath: process.env.CHROMIUM_PATH || undefined,
      ...(options.cookieSecure ? { cookieSecure: options.cookieSecure } : {}),
      ...(options.routeBudgets ? { routeBudgets: options.routeBudgets } : {}),
    },
    db,
    catalog: makePostgisCatalog(db),
    store: makeFeatureStore(db),
    tiles,
    ...(options.surveyPool ? { surveyPool: options.surveyPool } : {}),
  });
  return { app, tiles };
}
