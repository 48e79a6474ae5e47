import type { Server } from 'node:http';
import type { Database } from './db/database';

/**
 * Stop cleanly on SIGINT and SIGTERM: stop accepting connections, let the requests in flight
 * finish (at most `timeoutS`, then their connections are cut), close the database (PGlite
 * writes its data directory back and shuts down; the pg pool ends), and exit 0 — or 1 when
 * closing the database failed. A second signal while stopping changes nothing: `npm start`
 * forwards the terminal's Ctrl-C, so the server sees it twice.
 */
export function stopOnSignals(
  server: Server,
  db: Database,
  options: { timeoutS: number; log?: (line: string) => void; exit?: (code: number) => void },
): void {
  const log = options.log ?? console.log;
  const exit = options.exit ?? ((code: number) => process.exit(code));
  let inFlight = 0;
  let stopping = false;
  server.on('request', (req, res) => {
    inFlight += 1;
    // Answers given while stopping close their keep-alive connection behind them.
    if (stopping) res.setHeader('Connection', 'close');
    res.on('close', () => {
      inFlight -= 1;
      if (stopping) server.closeIdleConnections();
    });
  });

  const stop = (signal: NodeJS.Signals): void => {
    if (stopping) return;
    stopping = true;
    const started = Date.now();
    log(`${signal}: stopping (${inFlight} request(s) in flight)…`);
    const cut = setTimeout(
      () => {
        log(
          `  still ${inFlight} request(s) after ${options.timeoutS} s: closing their connections`,
        );
        server.closeAllConnections();
      },
      Math.round(options.timeoutS * 1000),
    );
    cut.unref();
    server.close(() => {
      clearTimeout(cut);
      log(`  requests drained in ${((Date.now() - started) / 1000).toFixed(1)} s`);
      db.close().then(
        () => {
          log(`  database closed (${db.engine}); bye`);
          exit(0);
        },
        (err: unknown) => {
          console.error('closing the database failed:', err);
          exit(1);
        },
      );
    });
    server.closeIdleConnections();
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}
