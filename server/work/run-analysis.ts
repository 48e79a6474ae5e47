import type { Request, RequestHandler, Response } from 'express';
import { AnalysisPool } from './analysis-pool';
import type { AnalysisTask } from './analysis-tasks';

let shared: AnalysisPool | undefined;

/** The process's analysis pool, made on first use (env ANALYSIS_THREADS / _BUDGET_MS / _MAX_QUEUE). */
export function sharedAnalysisPool(): AnalysisPool {
  shared ??= new AnalysisPool();
  return shared;
}

/**
 * Runs `task` in the pool for one request and answers its JSON. A client that disconnects
 * first abandons the work (its queue place or its worker thread) and gets no answer.
 */
export async function answerAnalysis(
  pool: AnalysisPool,
  task: AnalysisTask,
  body: unknown,
  _req: Request,
  res: Response,
): Promise<void> {
  const abort = new AbortController();
  const gone = () => {
    if (!res.writableEnded) abort.abort(new Error('client disconnected'));
  };
  res.on('close', gone);
  try {
    const value = await pool.run(task, body, abort.signal);
    res.json(value);
  } catch (err) {
    if (abort.signal.aborted) return;
    throw err;
  } finally {
    res.off('close', gone);
  }
}

/**
 * Sheds analysis requests before their body is read when the pool's queue is already full
 * (issue 18): parsing a 5 MB JSON body costs the event loop tens of milliseconds, so a flood
 * of heavy requests must be refused before it is parsed, not after. The answer closes the
 * connection (the unread body is not drained).
 */
export function shedWhenBusy(pool: () => AnalysisPool): RequestHandler {
  return (req, res, next) => {
    if (req.method !== 'POST') return next();
    const p = pool();
    if (p.load.waiting < p.options.maxQueue) return next();
    res.set('Connection', 'close');
    next(p.busyError());
  };
}
