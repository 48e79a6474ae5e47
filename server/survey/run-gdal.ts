import { execFile, spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { ApiError } from '../http/api-error';

/** A GDAL tool may not run longer than this (a 50 MB DXF reads in a few seconds). */
export const GDAL_TIMEOUT_MS = 120_000;

const unreadable = (tool: string, detail: string) =>
  new ApiError('UNREADABLE_FILE', {
    zh: `文件无法读取 (${tool}): ${detail}`,
    en: `The file cannot be read (${tool}): ${detail}`,
  });

/** Run a GDAL tool (no shell), return its stdout; a failure becomes 422 UNREADABLE_FILE. */
export function gdalText(
  tool: 'ogrinfo' | 'ogr2ogr',
  args: string[],
  env: Record<string, string> = {},
): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(
      tool,
      args,
      {
        env: { ...process.env, ...env },
        timeout: GDAL_TIMEOUT_MS,
        maxBuffer: 64 << 20,
        encoding: 'utf8',
      },
      (err, stdout, stderr) => {
        if (err) reject(unreadable(tool, lastLine(stderr) || err.message));
        else resolve(stdout);
      },
    );
  });
}

const lastLine = (s: string) =>
  s
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith('Warning'))
    .pop() ?? '';

/**
 * Stream a GDAL tool's stdout line by line (ogr2ogr -f GeoJSONSeq /vsistdout/): memory stays
 * bounded by one feature. `onLine` may be async; the stream waits for it (back-pressure).
 */
export async function gdalLines(
  tool: 'ogr2ogr',
  args: string[],
  env: Record<string, string>,
  onLine: (line: string) => void | Promise<void>,
): Promise<void> {
  const child = spawn(tool, args, {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
    timeout: GDAL_TIMEOUT_MS,
  });
  let stderr = '';
  child.stderr.setEncoding('utf8');
  child.stderr.on('data', (d: string) => {
    if (stderr.length < 8192) stderr += d;
  });
  const exited = new Promise<number | null>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) => resolve(code));
  });
  const rl = createInterface({ input: child.stdout, crlfDelay: Infinity });
  try {
    for await (const line of rl) {
      // GeoJSONSeq may prefix records with RS (0x1e); trailing commas come from plain GeoJSON.
      const text = (line.startsWith('\u001e') ? line.slice(1) : line).trim();
      if (text) await onLine(text);
    }
  } catch (err) {
    child.kill();
    throw err;
  }
  const code = await exited;
  if (code !== 0) throw unreadable(tool, lastLine(stderr) || `exit ${code}`);
}
