import { execFile } from 'node:child_process';

/** ogr2ogr may take this long per call; a scenario's few thousand features take well under 1 s. */
export const OGR2OGR_TIMEOUT_MS = 60_000;

/**
 * Run GDAL's `ogr2ogr` (Debian gdal-bin) with `args`: execFile, no shell, killed after
 * `timeoutMs`. Rejects with an Error carrying ogr2ogr's stderr on a non-zero exit.
 */
export function runOgr2ogr(args: readonly string[], timeoutMs = OGR2OGR_TIMEOUT_MS): Promise<void> {
  return new Promise((resolve, reject) => {
    execFile(
      'ogr2ogr',
      args,
      { timeout: timeoutMs, killSignal: 'SIGKILL', maxBuffer: 4 * 1024 * 1024 },
      (err, _stdout, stderr) => {
        if (err)
          reject(new Error(`ogr2ogr failed: ${err.message}\n${String(stderr).slice(0, 2000)}`));
        else resolve();
      },
    );
  });
}
