import type { Role } from '../../domain/model/roles';
import type { Database } from '../db/database';
import { sql } from '../db/load-sql';
import { hashPassword } from './hash-password';

/**
 * The demo's accounts (documented in README.md): one per role; the planner is assigned to every
 * community. Created by the demo bootstrap, never by a migration, and only where missing.
 */
export const DEMO_ACCOUNTS: readonly {
  username: string;
  password: string;
  displayName: string;
  role: Role;
}[] = [
  { username: 'planner', password: 'planner-demo', displayName: '规划师 (演示)', role: 'planner' },
  {
    username: 'official',
    password: 'official-demo',
    displayName: '区住建审查 (演示)',
    role: 'reviewer',
  },
  {
    username: 'presenter',
    password: 'presenter-demo',
    displayName: '汇报展示 (演示)',
    role: 'presenter',
  },
  { username: 'admin', password: 'admin-demo', displayName: '管理员 (演示)', role: 'admin' },
];

/** Create the missing demo accounts and assign the demo planner to every community. */
export async function ensureDemoAccounts(db: Database): Promise<string[]> {
  const existing = new Set(
    (
      await db.query<{ username: string }>(
        'SELECT username FROM app_user WHERE username = ANY($1)',
        [DEMO_ACCOUNTS.map((a) => a.username)],
      )
    ).map((r) => r.username),
  );
  const created: string[] = [];
  for (const a of DEMO_ACCOUNTS) {
    if (existing.has(a.username)) continue;
    const hash = await hashPassword(a.password);
    const rows = await db.query(sql('insert-user'), [a.username, a.displayName, a.role, hash]);
    if (rows.length) created.push(a.username);
  }
  const [planner] = await db.query<{ id: number }>(
    "SELECT id FROM app_user WHERE username = 'planner'",
  );
  if (planner) await db.query(sql('assign-all-communities'), [planner.id]);
  return created;
}
