import { resolve } from 'node:path';
import { z } from 'zod';
import { DEFAULT_ROUTE_BUDGETS, type RouteBudgetOptions } from './http/route-budgets';

/** Read and validated once at start; everything else receives it explicitly. */
export interface Config {
  port: number;
  host: string;
  databaseUrl: string | undefined;
  /** PGlite data directory (embedded engine only). */
  pgliteDataDir: string;
  migrationsDir: string;
  /** OSM extract imported into an empty database on first start; '' disables it. */
  demoFile: string;
  /** Name given to the demo district (the file holds no district name). */
  demoName: string;
  /** Built client served at /; absent in API-only deployments. */
  clientDir: string;
  /** Largest accepted JSON body. */
  bodyLimit: string;
  tileCacheEntries: number;
  /** GET routes (and stateless analyses) without a session: read-only share links. */
  anonymousRead: boolean;
  /** Lifetime of a sign-in session, hours. */
  sessionTtlHours: number;
  /** Chromium that prints sheets to PDF (CHROMIUM_PATH). */
  chromiumPath: string;
  /** Pages the one long-lived print browser prints at once (PRINT_CONCURRENCY). */
  printConcurrency: number;
  /** Prints that may wait for a page before 503 BUSY (PRINT_MAX_QUEUE). */
  printMaxQueue: number;
  /** The print browser closes after this long idle, ms (PRINT_IDLE_MS). */
  printIdleMs: number;
  /** Lifetime of the one-time first-admin setup link, hours (SETUP_LINK_TTL_HOURS). */
  setupLinkTtlHours: number;
  /** How long a stop (SIGINT/SIGTERM) waits for requests in flight, seconds (SHUTDOWN_TIMEOUT_S). */
  shutdownTimeoutS: number;
  /** Express `trust proxy` (TRUST_PROXY): which proxies' X-Forwarded-* to believe. */
  trustProxy: string;
  /** Session cookie `Secure` (COOKIE_SECURE): auto = when the request came over TLS. */
  cookieSecure: 'auto' | 'true' | 'false';
  /** Per-route concurrency budgets (issue 18 item 2; server/http/route-budgets.ts). */
  routeBudgets: RouteBudgetOptions;
}

const schema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('127.0.0.1'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'DATABASE_URL must start with postgres:// or postgresql://')
    .optional(),
  PGLITE_DATA_DIR: z.string().default('data/pglite'),
  DEMO_FILE: z.string().default('data/beijing-haidian-cau.osm'),
  DEMO_NAME: z.string().min(1).default('海淀区 清华东路片区'),
  BODY_LIMIT: z.string().default('5mb'),
  TILE_CACHE_ENTRIES: z.coerce.number().int().min(0).default(5000),
  ANONYMOUS_READ: z.enum(['true', 'false', '1', '0']).default('true'),
  SESSION_TTL_HOURS: z.coerce
    .number()
    .positive()
    .max(24 * 90)
    .default(12),
  CHROMIUM_PATH: z.string().min(1).default('/usr/bin/chromium'),
  PRINT_CONCURRENCY: z.coerce.number().int().min(1).max(32).default(2),
  PRINT_MAX_QUEUE: z.coerce.number().int().min(0).max(10_000).default(20),
  PRINT_IDLE_MS: z.coerce.number().int().min(0).default(60_000),
  SETUP_LINK_TTL_HOURS: z.coerce
    .number()
    .positive()
    .max(24 * 30)
    .default(24),
  SHUTDOWN_TIMEOUT_S: z.coerce.number().min(0).max(600).default(10),
  TRUST_PROXY: z.string().min(1).default('loopback'),
  COOKIE_SECURE: z.enum(['auto', 'true', 'false']).default('auto'),
  MAP_CONCURRENCY: z.coerce.number().int().min(1).default(DEFAULT_ROUTE_BUDGETS.mapConcurrency),
  MAP_MAX_QUEUE: z.coerce.number().int().min(0).default(DEFAULT_ROUTE_BUDGETS.mapMaxQueue),
  HEAVY_CONCURRENCY: z.coerce.number().int().min(1).default(DEFAULT_ROUTE_BUDGETS.heavyConcurrency),
  HEAVY_MAX_QUEUE: z.coerce.number().int().min(0).default(DEFAULT_ROUTE_BUDGETS.heavyMaxQueue),
});

export function readConfig(env: NodeJS.ProcessEnv = process.env, root = process.cwd()): Config {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  return {
    port: e.PORT,
    host: e.HOST,
    databaseUrl: e.DATABASE_URL || undefined,
    pgliteDataDir: resolve(root, e.PGLITE_DATA_DIR),
    migrationsDir: resolve(root, 'migrations'),
    demoFile: e.DEMO_FILE ? resolve(root, e.DEMO_FILE) : '',
    demoName: e.DEMO_NAME,
    clientDir: resolve(root, 'dist/client'),
    bodyLimit: e.BODY_LIMIT,
    tileCacheEntries: e.TILE_CACHE_ENTRIES,
    anonymousRead: e.ANONYMOUS_READ === 'true' || e.ANONYMOUS_READ === '1',
    sessionTtlHours: e.SESSION_TTL_HOURS,
    chromiumPath: e.CHROMIUM_PATH,
    printConcurrency: e.PRINT_CONCURRENCY,
    printMaxQueue: e.PRINT_MAX_QUEUE,
    printIdleMs: e.PRINT_IDLE_MS,
    setupLinkTtlHours: e.SETUP_LINK_TTL_HOURS,
    shutdownTimeoutS: e.SHUTDOWN_TIMEOUT_S,
    trustProxy: e.TRUST_PROXY,
    cookieSecure: e.COOKIE_SECURE,
    routeBudgets: {
      mapConcurrency: e.MAP_CONCURRENCY,
      mapMaxQueue: e.MAP_MAX_QUEUE,
      heavyConcurrency: e.HEAVY_CONCURRENCY,
      heavyMaxQueue: e.HEAVY_MAX_QUEUE,
    },
  };
}
