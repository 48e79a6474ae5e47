import type { Database } from '../db/database';
import { ApiError } from '../http/api-error';

export interface LoginThrottleOptions {
  /** Failed sign-ins of one account before it is throttled (env LOGIN_FREE_FAILURES, 5). */
  freePerAccount: number;
  /** Failed sign-ins from one address before it is throttled (env LOGIN_IP_FREE_FAILURES, 20). */
  freePerAddress: number;
  /** Failures older than this are forgotten (env LOGIN_WINDOW_MIN, 15 min). */
  windowMin: number;
  /** The longest block (env LOGIN_MAX_BLOCK_S, 900 s); the first is 2 s, doubling. */
  maxBlockS: number;
}

const envInt = (name: string, fallback: number): number => {
  const v = Number(process.env[name]);
  return Number.isInteger(v) && v > 0 ? v : fallback;
};

export const defaultThrottleOptions = (): LoginThrottleOptions => ({
  freePerAccount: envInt('LOGIN_FREE_FAILURES', 5),
  freePerAddress: envInt('LOGIN_IP_FREE_FAILURES', 20),
  windowMin: envInt('LOGIN_WINDOW_MIN', 15),
  maxBlockS: envInt('LOGIN_MAX_BLOCK_S', 900),
});

/**
 * Failed sign-ins throttled per account and per address (issue 18), counted in PostgreSQL
 * (table login_failure) so the limit holds across API processes and restarts. Past the free
 * failures each further one blocks the key for 2 s, 4 s, 8 s … up to `maxBlockS`; a blocked
 * key gets 429 with Retry-After before the password is even compared. A success clears the
 * account's count (not the address's: one right password must not reset a spray).
 *
 * Why not express-rate-limit or rate-limiter-flexible: both count requests, not failures,
 * and their PostgreSQL stores take a node-postgres pool, while this server also runs on
 * PGlite; the table and the three statements here serve both engines.
 */
export class LoginThrottle {
  constructor(
    private readonly db: Database,
    readonly options: LoginThrottleOptions = defaultThrottleOptions(),
  ) {}

  private keys(username: string, address: string): string[] {
    return [`user:${username.toLowerCase()}`, `ip:${address}`];
  }

  /** Throws 429 when the account or the address is blocked now. */
  async check(username: string, address: string): Promise<void> {
    const rows = await this.db.query<{ wait: number }>(
      `SELECT ceil(extract(epoch FROM blocked_until - now()))::int AS wait FROM login_failure
        WHERE key = ANY($1::text[]) AND blocked_until > now()`,
      [this.keys(username, address)],
    );
    const wait = Math.max(0, ...rows.map((r) => Number(r.wait)));
    if (wait > 0)
      throw new ApiError(
        'TOO_MANY_REQUESTS',
        {
          zh: `登录失败次数过多, 请 ${wait} 秒后再试`,
          en: `Too many failed sign-ins; try again in ${wait} s`,
        },
        { retryAfterS: wait },
      );
  }

  /** Counts one failure against the account and the address, blocking past the free ones. */
  async fail(username: string, address: string): Promise<void> {
    const [user, ip] = this.keys(username, address);
    for (const [key, free] of [
      [user!, this.options.freePerAccount],
      [ip!, this.options.freePerAddress],
    ] as const) {
      await this.db.query(
        `INSERT INTO login_failure AS f (key, failures, first_at) VALUES ($1, 1, now())
         ON CONFLICT (key) DO UPDATE SET
           failures = CASE WHEN f.first_at < now() - make_interval(mins => $2::int) THEN 1
                           ELSE f.failures + 1 END,
           first_at = CASE WHEN f.first_at < now() - make_interval(mins => $2::int) THEN now()
                           ELSE f.first_at END`,
        [key, this.options.windowMin],
      );
      await this.db.query(
        `UPDATE login_failure SET blocked_until = now() + make_interval(secs =>
           least($3::double precision, 2 ^ (failures - $2::int)::double precision))
          WHERE key = $1 AND failures > $2::int`,
        [key, free, this.options.maxBlockS],
      );
    }
  }

  async succeed(username: string): Promise<void> {
    await this.db.query('DELETE FROM login_failure WHERE key = $1', [
      `user:${username.toLowerCase()}`,
    ]);
  }
}
