import { availableParallelism } from 'node:os';
import { Piscina } from 'piscina';
import { InputError } from '../../domain/geo/input-error';
import { ApiError } from '../http/api-error';
import { Admission } from './admission';
import type { AnalysisTask } from './analysis-tasks';
import type { WorkerAnswer } from './analysis-worker';

export interface AnalysisPoolOptions {
  /**
   * Worker threads (env ANALYSIS_THREADS; default: cores − 1, at least 1). 0 runs every task
   * inline on the event loop, as before issue 18: only for the overload bench's baseline.
   */
  threads: number;
  /** Wall time one analysis may run once started (env ANALYSIS_BUDGET_MS; default 10 s). */
  budgetMs: number;
  /** Analyses that may wait for a thread; one more is refused with 503 (env ANALYSIS_MAX_QUEUE). */
  maxQueue: number;
}

export const envInt = (name: string, fallback: number, min = 1): number => {
  const raw = process.env[name];
  const v = Number(raw);
  return raw !== undefined && raw !== '' && Number.isInteger(v) && v >= min ? v : fallback;
};

export const defaultPoolOptions = (): AnalysisPoolOptions => ({
  threads: envInt('ANALYSIS_THREADS', Math.max(1, availableParallelism() - 1), 0),
  budgetMs: envInt('ANALYSIS_BUDGET_MS', 10_000),
  maxQueue: envInt('ANALYSIS_MAX_QUEUE', 16),
});

export { BUSY_RETRY_AFTER_S } from './admission';

/**
 * Runs the CPU-heavy analyses (parking layout, fire lanes, coverage, isochrones) in worker
 * threads (piscina), so a heavy or hostile request never blocks the event loop that serves
 * tiles, health and every other route (issue 18). In front of piscina a small admission queue
 * (./admission.ts, shared with the survey import): at most `threads` run, at most `maxQueue` wait (then 503 BUSY with Retry-After),
 * and the time budget starts when a task starts, so a task past it is the input's fault
 * (422 TOO_COMPLEX; its thread is terminated) and a wait is the server's (503).
 * A caller that goes away (its AbortSignal) leaves the queue or has its thread terminated.
 */
export class AnalysisPool {
  private readonly _pool: Piscina | undefined;
  private readonly _admission: Admission;

  constructor(readonly options: AnalysisPoolOptions = defaultPoolOptions()) {
    // threads 0 (inline baseline) admits nobody through the queue; the gate needs a limit ≥ 1.
    this._admission = new Admission(Math.max(1, options.threads), options.maxQueue, {
      zh: '分析任务',
      en: 'Analyses',
    });
    this._pool =
      options.threads === 0
        ? undefined
        : new Piscina({
            filename: new URL('./analysis-worker-entry.mjs', import.meta.url).href,
            minThreads: 0,
            maxThreads: options.threads,
            idleTimeout: 60_000,
          });
  }

  /** Tasks running and waiting now (for health and the bench). */
  get load(): { active: number; waiting: number } {
    return this._admission.load;
  }

  /**
   * `body`: the request's raw bytes (checked and parsed in the worker) or an already parsed
   * body (checked there too).
   */
  async run(task: AnalysisTask, body: unknown, signal?: AbortSignal): Promise<unknown> {
    if (this.options.threads === 0) return runInline(task, body);
    await this._admission.enter(signal);
    const budget = AbortSignal.timeout(this.options.budgetMs);
    const abort = signal ? AbortSignal.any([signal, budget]) : budget;
    try {
      const answer = (await this._pool!.run({ task, body }, { signal: abort })) as WorkerAnswer;
      if (!answer.ok) {
        if ('api' in answer)
          throw new ApiError(answer.api.code, answer.api.text, answer.api.details);
        throw new InputError(answer.input.code, answer.input.zh, answer.input.en);
      }
      return answer.value;
    } catch (err) {
      if (budget.aborted && !signal?.aborted) {
        const s = Math.round(this.options.budgetMs / 100) / 10;
        throw new ApiError('TOO_COMPLEX', {
          zh: `分析超出时间预算 (${s} 秒) 已中止: 请缩小范围或简化几何后重试`,
          en: `The analysis exceeded its time budget (${s} s) and was stopped: narrow the area or simplify the geometry`,
        });
      }
      throw err;
    } finally {
      this._admission.release();
    }
  }

  /** 503 BUSY with Retry-After: the queue is full. */
  busyError(): ApiError {
    return this._admission.busyError();
  }

  destroy(): Promise<void> {
    return this._pool?.destroy() ?? Promise.resolve();
  }
}

/** The pre-issue-18 path, kept for the bench's side-by-side baseline (ANALYSIS_THREADS=0). */
async function runInline(task: AnalysisTask, body: unknown): Promise<unknown> {
  // Loaded on first use: the worker module imports the routes' schemas, which import this one.
  const { prepareAndRun } = await import('./analysis-worker');
  return prepareAndRun(task, body);
}
