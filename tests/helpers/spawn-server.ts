import { spawn, type ChildProcess } from 'node:child_process';
import { resolve } from 'node:path';

export const REPO_ROOT = resolve(import.meta.dirname, '../..');

/** A real server process started as `npm run serve` (what `npm start` runs after its build). */
export interface SpawnedServer {
  readonly child: ChildProcess;
  /** Everything it printed so far (stdout and stderr). */
  output(): string;
  /** Resolves with the first match of `re` in the output (rejects if the process ends first). */
  waitFor(re: RegExp, timeoutMs?: number): Promise<RegExpMatchArray>;
  /** Resolves with the exit code (or the signal) once the process ended. */
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/**
 * Spawn `npm run serve` in the repository with PORT=0 (the server picks a free port and prints
 * it), the given environment on top of this one. The child is its own process group leader so
 * a test can also check that nothing of the group outlives it.
 */
export function spawnServer(env: Record<string, string>): SpawnedServer {
  const child = spawn('npm', ['run', '--silent', 'serve'], {
    cwd: REPO_ROOT,
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  let out = '';
  const listeners = new Set<() => void>();
  const onData = (chunk: Buffer) => {
    out += chunk.toString('utf8');
    for (const l of listeners) l();
  };
  child.stdout?.on('data', onData);
  child.stderr?.on('data', onData);
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((ok) =>
    child.on('exit', (code, signal) => {
      for (const l of listeners) l();
      ok({ code, signal });
    }),
  );
  let ended = false;
  void exited.then(() => (ended = true));
  return {
    child,
    output: () => out,
    exited,
    waitFor(re, timeoutMs = 240_000) {
      return new Promise((ok, fail) => {
        const check = () => {
          const m = re.exec(out);
          if (m) {
            listeners.delete(check);
            clearTimeout(timer);
            ok(m);
          } else if (ended || child.exitCode !== null) {
            listeners.delete(check);
            clearTimeout(timer);
            fail(new Error(`server ended before ${re}:\n${out}`));
          }
        };
        const timer = setTimeout(() => {
          listeners.delete(check);
          fail(new Error(`no ${re} within ${timeoutMs} ms:\n${out}`));
        }, timeoutMs);
        listeners.add(check);
        check();
      });
    },
  };
}
