import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join, resolve } from 'node:path';
import type { Browser } from 'playwright-core';
import { launchChromium } from './browser';
import { CLIENT_DIR, makeTestApp } from './test-app';
import { openTestDatabase, type TestDatabase } from './test-db';

/** Where e2e tests write their screenshots (looked at by people, not asserted). */
export const E2E_OUT = resolve(import.meta.dirname, '../../test-results');

/** One e2e file's world: its database, the real server on a free port, headless Chromium. */
export interface E2eStack {
  readonly t: TestDatabase;
  readonly browser: Browser;
  /** The server's base URL, e.g. http://127.0.0.1:41234 */
  readonly base: string;
  /** Closes the browser, then the server, then the database. */
  close(): Promise<void>;
}

/** Starts the stack an e2e file runs against; the client must be built (`npm test` does). */
export async function startE2eStack(): Promise<E2eStack> {
  if (!existsSync(join(CLIENT_DIR, 'index.html')))
    throw new Error('dist/client missing: run `npm test` (it builds first)');
  const t = await openTestDatabase();
  const { app } = makeTestApp(t.db);
  const server = await new Promise<Server>((ok) => {
    const s = app.listen(0, '127.0.0.1', () => ok(s));
  });
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const browser = await launchChromium();
  await mkdir(E2E_OUT, { recursive: true });
  return {
    t,
    browser,
    base,
    async close() {
      await browser.close();
      await new Promise((ok) => server.close(ok));
      await t.close();
    },
  };
}
