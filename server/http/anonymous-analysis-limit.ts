import type { RequestHandler } from 'express';
import { currentUser } from '../auth/session-user';
import type { Database } from '../db/database';
import { ApiError } from './api-error';

const envInt = (name: string, fallback: number): number => {
  const v = Number(process.env[name]);
  return Number.isInteger(v) && v > 0 ? v : fallback;
};

/**
 * Anonymous analysis calls limited per address (issue 18): at most ANON_ANALYSIS_PER_MIN
 * (default 30) a minute, counted in PostgreSQL (table rate_window) so the limit holds across
 * API processes; signed-in callers are not limited here (the analysis pool bounds their work).
 * Past it: 429 with Retry-After until the window ends.
 */
export function anonymousAnalysisLimit(
  db: Database,
  perMinute = envInt('ANON_ANALYSIS_PER_MIN', 30),
): RequestHandler {
  return (req, res, next) => {
    if (req.method !== 'POST' || !req.path.startsWith('/analysis/') || currentUser(res))
      return next();
    const key = `anon-analysis:${req.ip ?? req.socket.remoteAddress ?? 'unknown'}`;
    db.query<{ hits: number; wait: number }>(
      `INSERT INTO rate_window AS w (key, window_start, hits) VALUES ($1, now(), 1)
       ON CONFLICT (key) DO UPDATE SET
         hits = CASE WHEN w.window_start < now() - interval '60 seconds' THEN 1 ELSE w.hits + 1 END,
         window_start = CASE WHEN w.window_start < now() - interval '60 seconds' THEN now()
                             ELSE w.window_start END
       RETURNING hits, ceil(extract(epoch FROM w.window_start + interval '60 seconds' - now()))::int AS wait`,
      [key],
    ).then(([row]) => {
      if (Number(row!.hits) <= perMinute) return next();
      const wait = Math.max(1, Number(row!.wait));
      next(
        new ApiError(
          'TOO_MANY_REQUESTS',
          {
            zh: `未登录用户每分钟最多调用 ${perMinute} 次分析, 请 ${wait} 秒后再试或先登录`,
            en: `Anonymous callers may run ${perMinute} analyses a minute; retry in ${wait} s or sign in`,
          },
          { retryAfterS: wait },
        ),
      );
    }, next);
  };
}
