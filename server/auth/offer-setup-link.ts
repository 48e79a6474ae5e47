import type { AccountStore } from './account-store';
import { newSessionToken, tokenDigest } from './session-cookie';
import type { SetupStore } from './setup-store';

/**
 * On an install without any account (no demo bootstrap, nobody ran `npm run user -- add`),
 * print a one-time link to the page that creates the first admin. The token is random
 * (256 bits), stored only as its SHA-256, works once and expires after `ttlHours`; each start
 * without accounts prints a new link and voids the older ones. Returns the link, or null when
 * accounts exist.
 */
export async function offerSetupLink(
  deps: { accounts: AccountStore; setup: SetupStore },
  options: { baseUrl: string; ttlHours: number },
  log: (line: string) => void,
): Promise<string | null> {
  if ((await deps.accounts.countUsers()) > 0) return null;
  const token = newSessionToken();
  const { expiresAt } = await deps.setup.issue(tokenDigest(token), options.ttlHours * 3600);
  const link = `${options.baseUrl.replace(/\/$/, '')}/setup?token=${token}`;
  log('');
  log('No account exists yet. Create the first admin (one time, expires ' + expiresAt + '):');
  log('尚无任何账号。请打开以下一次性链接创建第一个管理员:');
  log(`  ${link}`);
  log('  (or: npm run user -- add <name> --role admin)');
  log('');
  return link;
}
