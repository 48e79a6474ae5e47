import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createInterface } from 'node:readline';

export interface OsmiumRun {
  /** stdout, line by line, as osmium writes it (backpressure: osmium waits while we do). */
  readonly lines: AsyncIterable<string>;
  /** Peak resident memory of the osmium process so far (kB, from /proc VmHWM; 0 if unknown). */
  peakRssKb(): number;
}

export interface OsmiumOptions {
  readonly signal?: AbortSignal | undefined;
  /** Exit codes that mean "done, with warnings" besides 0 (getid: some ids not found). */
  readonly okExitCodes?: readonly number[];
  /** Written to osmium's stdin, then closed (e.g. an --id-file -). */
  readonly stdin?: string;
  /** Called with each stderr line (osmium export -e writes geometry errors there). */
  readonly onStderrLine?: (line: string) => void;
}

const vmHwmKb = (pid: number | undefined): number => {
  if (pid === undefined) return 0;
  try {
    const m = /VmHWM:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) : 0;
  } catch {
    return 0;
  }
};

/**
 * Runs `osmium <args>` (Debian package osmium-tool) and streams its stdout line by line. The
 * iterator throws when osmium fails (its stderr in the message), when it is not installed,
 * or when `signal` aborts (osmium is killed). The child's peak memory is sampled while it runs.
 */
export const osmiumLines = (args: readonly string[], options: OsmiumOptions = {}): OsmiumRun => {
  const child = spawn('osmium', args, {
    stdio: ['pipe', 'pipe', 'pipe'],
    ...(options.signal ? { signal: options.signal } : {}),
  });
  let stderr = '';
  const errLines = createInterface({ input: child.stderr, crlfDelay: Infinity });
  errLines.on('line', (line) => {
    if (stderr.length < 4000) stderr += `${line}\n`;
    options.onStderrLine?.(line);
  });
  let peak = 0;
  const sample = setInterval(() => (peak = Math.max(peak, vmHwmKb(child.pid))), 100);
  const exited = new Promise<void>((resolve, reject) => {
    child.on('error', (e) => {
      clearInterval(sample);
      reject(
        (e as NodeJS.ErrnoException).code === 'ENOENT'
          ? new Error('osmium not found: install the Debian package osmium-tool')
          : e,
      );
    });
    child.on('close', (code) => {
      clearInterval(sample);
      if (code !== null && (code === 0 || options.okExitCodes?.includes(code))) resolve();
      else reject(new Error(`osmium ${args[0]} failed (exit ${code}): ${stderr.trim()}`));
    });
  });
  exited.catch(() => undefined);
  child.stdin.on('error', () => undefined);
  child.stdin.end(options.stdin ?? '');
  const rl = createInterface({ input: child.stdout, crlfDelay: Infinity });
  async function* lines(): AsyncGenerator<string> {
    try {
      for await (const line of rl) yield line;
      await exited;
    } finally {
      if (child.exitCode === null) child.kill('SIGTERM');
    }
  }
  return { lines: lines(), peakRssKb: () => peak };
};
