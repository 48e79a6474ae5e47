import { parseArgs } from 'node:util';
import { ROLES, type Role } from '../../domain/model/roles';
import { makeAccountStore, type AccountStore } from '../auth/account-store';
import { hashPassword } from '../auth/hash-password';
import { passwordProblem } from '../auth/password-rule';
import { readConfig } from '../config';
import { migrate } from '../db/migrate';
import { openDatabase } from '../db/open-database';
import { createUserSchema } from '../routes/auth-routes';
import { readNewPassword } from './read-new-password';

const USAGE = `Accounts of the configured database (DATABASE_URL, else PGLITE_DATA_DIR):

  npm run user -- add <name> --role <${ROLES.join('|')}> [--display-name <text>] [--communities 1,2,…]
  npm run user -- list
  npm run user -- passwd <name>
  npm run user -- disable <name>
  npm run user -- enable <name>

The password is asked on the terminal (hidden, twice) or read as the first line of stdin:
  printf '%s\\n' "$PASSWORD" | npm run user -- add admin --role admin
It is never taken from the command line.`;

/** A refusal the user can act on: printed without a stack, exit code 1. */
class Refusal extends Error {}

const { positionals, values } = parseArgs({
  allowPositionals: true,
  strict: false,
  options: {
    role: { type: 'string' },
    'display-name': { type: 'string' },
    communities: { type: 'string' },
    help: { type: 'boolean', short: 'h' },
  },
});
const [command, name, ...extra] = positionals;
const known = new Set(['role', 'display-name', 'communities', 'help']);
const unknown = Object.keys(values).filter((k) => !known.has(k));
if (unknown.some((k) => /pass/i.test(k))) {
  console.error(
    '密码不从命令行读取 (会出现在 ps 与 shell 历史中) / The password is never taken from the command line (ps and shell history would show it): type it at the prompt or pipe it on stdin.',
  );
  process.exit(2);
}
if (values.help || !command || unknown.length || extra.length) {
  if (unknown.length) console.error(`Unknown option: --${unknown.join(', --')}`);
  console.error(USAGE);
  process.exit(values.help ? 0 : 2);
}

async function newPasswordHash(): Promise<string> {
  const password = await readNewPassword();
  const problem = passwordProblem(password);
  if (problem) throw new Refusal(`${problem.zh} / ${problem.en}`);
  return hashPassword(password);
}

function needName(): string {
  if (!name) {
    console.error(USAGE);
    process.exit(2);
  }
  return name;
}

async function add(accounts: AccountStore): Promise<void> {
  const username = needName();
  const role = values.role;
  if (typeof role !== 'string' || !(ROLES as readonly string[]).includes(role))
    throw new Refusal(
      `--role 应为 ${ROLES.join(' / ')} / --role must be one of ${ROLES.join(', ')}`,
    );
  const communityIds =
    typeof values.communities === 'string'
      ? values.communities.split(',').map((s) => Number(s.trim()))
      : undefined;
  // The API's own rules for a new account (username pattern, display name, community ids);
  // the password is checked on its own, once read.
  const checked = createUserSchema.omit({ password: true }).safeParse({
    username,
    displayName: typeof values['display-name'] === 'string' ? values['display-name'] : username,
    role,
    ...(communityIds ? { communityIds } : {}),
  });
  if (!checked.success)
    throw new Refusal(
      checked.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '),
    );
  if (await accounts.findByName(username))
    throw new Refusal(`用户名已存在 / Username already taken: ${username}`);
  const passwordHash = await newPasswordHash();
  const created = await accounts.createUser({
    username,
    displayName: checked.data.displayName,
    role: role as Role,
    passwordHash,
    ...(checked.data.communityIds ? { communityIds: checked.data.communityIds } : {}),
  });
  if (!created) throw new Refusal(`用户名已存在 / Username already taken: ${username}`);
  console.log(`Created ${created.role} "${created.username}" (#${created.id})`);
}

async function list(accounts: AccountStore): Promise<void> {
  const users = await accounts.listUsers();
  const rows = [
    ['name', 'role', 'disabled', 'communities', 'last login'],
    ...users.map((u) => [
      u.username,
      u.role,
      u.disabled ? 'yes' : 'no',
      u.communities.length ? u.communities.join(',') : '-',
      u.lastLoginAt ?? 'never',
    ]),
  ];
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
  for (const r of rows)
    console.log(
      r
        .map((c, i) => c.padEnd(widths[i]!))
        .join('  ')
        .trimEnd(),
    );
  console.log(`${users.length} account(s)`);
}

async function passwd(accounts: AccountStore): Promise<void> {
  const username = needName();
  if (!(await accounts.findByName(username)))
    throw new Refusal(`无此用户 / No such user: ${username}`);
  const ok = await accounts.setPassword(username, await newPasswordHash());
  if (!ok) throw new Refusal(`无此用户 / No such user: ${username}`);
  console.log(`Password of "${username}" changed; its sessions ended`);
}

async function setDisabled(accounts: AccountStore, disabled: boolean): Promise<void> {
  const username = needName();
  if (!(await accounts.setDisabled(username, disabled)))
    throw new Refusal(`无此用户 / No such user: ${username}`);
  console.log(disabled ? `Disabled "${username}"; its sessions ended` : `Enabled "${username}"`);
}

const COMMANDS: Record<string, (a: AccountStore) => Promise<void>> = {
  add,
  list,
  passwd,
  disable: (a) => setDisabled(a, true),
  enable: (a) => setDisabled(a, false),
};

const run = COMMANDS[command];
if (!run) {
  console.error(`Unknown command: ${command}\n\n${USAGE}`);
  process.exit(2);
}
const config = readConfig();
const db = await openDatabase(config);
let code = 0;
try {
  await migrate(db, config.migrationsDir);
  await run(makeAccountStore(db));
} catch (err) {
  console.error(err instanceof Error ? err.message : err);
  code = 1;
} finally {
  await db.close();
}
process.exit(code);
