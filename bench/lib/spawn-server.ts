import { spawn } from 'node:child_process';
import { resolve } from 'node:path';
import { ROOT } from './bench-database';

export interface SpawnedServer {
  base: string;
  /** The server's process id (its /proc/<pid>/status has the peak RSS, VmHWM). */
  pid: number;
  stop(): Promise<void>;
}

/**
 * The real server (server/main.ts) in its own process, as deployed: a benchmark client in the
 * same process would share its event loop and inflate every latency.
 */
export function spawnServer(env: Record<string, string>): Promise<SpawnedServer> {
  const child = spawn(process.execPath, ['--import', 'tsx', resolve(ROOT, 'server/main.ts')], {
    cwd: ROOT,
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', DEMO_FILE: '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  return new Promise((ok, fail) => {
    const onData = (chunk: Buffer): void => {
      output += chunk.toString();
      const m = /ready: (http:\/\/[^/\s]+)/.exec(output);
      if (m) {
        child.stdout.off('data', onData);
        ok({
          base: m[1]!,
          pid: child.pid!,
          stop: () =>
            new Promise((done) => {
              child.once('exit', () => done());
              child.kill('SIGTERM');
            }),
        });
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', (c: Buffer) => (output += c.toString()));
    child.once('exit', (code) =>
      fail(new Error(`server exited (${code}) before it was ready:\n${output}`)),
    );
  });
}
