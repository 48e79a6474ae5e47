import { availableParallelism } from 'node:os';
import { MessageChannel } from 'node:worker_threads';
import { Piscina } from 'piscina';
import { ApiError } from '../http/api-error';
import type { SurveyRows } from '../survey/build-survey-features';
import type { SurveyScan } from '../survey/scan-survey';
import type { SurveyAnswer, SurveyTask } from '../survey/survey-worker';
import { Admission } from './admission';
import { envInt } from './analysis-pool';

export interface SurveyPoolOptions {
  /**
   * Survey reads at once (env SURVEY_GDAL_MAX; default 2, at most the cores): each runs its
   * GDAL tools one after another in its own worker thread, so this also caps GDAL processes.
   */
  concurrency: number;
  /** Reads that may wait; one more is refused with 503 BUSY (env SURVEY_MAX_QUEUE; default 4). */
  maxQueue: number;
}

export const defaultSurveyPoolOptions = (): SurveyPoolOptions => ({
  concurrency: envInt('SURVEY_GDAL_MAX', Math.min(2, availableParallelism())),
  maxQueue: envInt('SURVEY_MAX_QUEUE', 4, 0),
});

/** Hooks of one task: its queue position while it waits, its progress once it runs. */
export interface SurveyRunHooks {
  signal?: AbortSignal | undefined;
  onQueued?: ((position: number) => void) | undefined;
  onProgress?: ((done: number, total: number) => void) | undefined;
}

/**
 * Survey uploads, previews and commits read the file with GDAL and build features in worker
 * threads (piscina), admitted through the same small queue as analyses (./admission.ts): at
 * most `concurrency` run (so at most that many GDAL processes), at most `maxQueue` wait, then
 * 503 BUSY with Retry-After. The event loop only moves bytes: a 100k-feature file never stops
 * it from answering health, tiles or another planner (issue 11, review of issue 18).
 */
export class SurveyPool {
  private readonly _pool: Piscina;
  private readonly _admission: Admission;

  constructor(readonly options: SurveyPoolOptions = defaultSurveyPoolOptions()) {
    this._admission = new Admission(options.concurrency, options.maxQueue, {
      zh: '测绘导入',
      en: 'Survey imports',
    });
    this._pool = new Piscina({
      filename: new URL('./survey-worker-entry.mjs', import.meta.url).href,
      minThreads: 0,
      maxThreads: options.concurrency,
      idleTimeout: 60_000,
    });
  }

  get load(): { active: number; waiting: number } {
    return this._admission.load;
  }

  /** True when one more task would be refused (shed before the upload's body is read). */
  get full(): boolean {
    return this._admission.full;
  }

  busyError(): ApiError {
    return this._admission.busyError();
  }

  scan(
    bytes: Buffer,
    fileName: string,
    nearLon: number | undefined,
    hooks: SurveyRunHooks = {},
  ): Promise<SurveyScan> {
    return this._run({ task: 'scan', bytes, fileName, nearLon }, hooks) as Promise<SurveyScan>;
  }

  build(
    bytes: Buffer,
    fileName: string,
    request: Extract<SurveyTask, { task: 'build' }>['request'],
    hooks: SurveyRunHooks = {},
  ): Promise<SurveyRows> {
    return this._run({ task: 'build', bytes, fileName, request }, hooks) as Promise<SurveyRows>;
  }

  private async _run(task: SurveyTask, hooks: SurveyRunHooks): Promise<unknown> {
    await this._admission.enter(hooks.signal, hooks.onQueued);
    const channel = new MessageChannel();
    channel.port1.on('message', (m: { done: number; total: number }) =>
      hooks.onProgress?.(m.done, m.total),
    );
    try {
      const answer = (await this._pool.run(
        { ...task, port: channel.port2 },
        { transferList: [channel.port2], ...(hooks.signal ? { signal: hooks.signal } : {}) },
      )) as SurveyAnswer;
      if (!answer.ok)
        throw new ApiError(answer.error.code, answer.error.text, answer.error.details);
      return answer.value;
    } finally {
      channel.port1.close();
      this._admission.release();
    }
  }

  destroy(): Promise<void> {
    return this._pool.destroy();
  }
}

let shared: SurveyPool | undefined;

/** The process's survey pool, made on first use (env SURVEY_GDAL_MAX / SURVEY_MAX_QUEUE). */
export function sharedSurveyPool(): SurveyPool {
  shared ??= new SurveyPool();
  return shared;
}
