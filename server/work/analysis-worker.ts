import { readlinkSync } from 'node:fs';
import { setPriority } from 'node:os';
import { InputError } from '../../domain/geo/input-error';
import { ApiError, type Bilingual, type ErrorCode } from '../http/api-error';
import { toApiError } from '../http/error-handler';
import { jsonOf, PREPARE } from './analysis-inputs';
import { ANALYSIS_TASKS, type AnalysisTask } from './analysis-tasks';

/** What crosses the thread boundary back: a value, or a refusal as plain data. */
export type WorkerAnswer =
  | { ok: true; value: unknown }
  | { ok: false; input: { code: InputError['code']; zh: string; en: string } }
  | { ok: false; api: { code: ErrorCode; text: Bilingual; details?: unknown } };

/**
 * Analyses may yield the CPU to the event loop's thread (tiles, health) when cores are short:
 * on Linux a thread has its own nice value, so this thread alone is lowered (ANALYSIS_NICE,
 * e.g. 10). Off by default: on a machine shared with other busy processes a lowered thread
 * also yields to them, and an honest analysis can run past its time budget (seen: a parking
 * layout at 10.1 s at load 14 on 2 cores). Where the thread id cannot be read it stays as is.
 */
function lowerPriority(): void {
  const nice = Number(process.env.ANALYSIS_NICE ?? 0);
  if (!Number.isInteger(nice) || nice <= 0) return;
  try {
    const tid = Number(readlinkSync('/proc/thread-self').split('/').pop());
    if (Number.isInteger(tid) && tid > 0) setPriority(tid, Math.min(nice, 19));
  } catch {
    // Not Linux, or /proc not mounted: the thread keeps the process's priority.
  }
}
lowerPriority();

/**
 * The piscina task: parse the request bytes (or take an already parsed body), check them as the
 * route's schema and vertex caps require, run one analysis. Refusals come back as data (classes
 * do not cross threads).
 */
export default function runAnalysis({
  task,
  body,
}: {
  task: AnalysisTask;
  body: unknown;
}): WorkerAnswer {
  try {
    return { ok: true, value: prepareAndRun(task, body) };
  } catch (err) {
    if (err instanceof InputError)
      return { ok: false, input: { code: err.code, zh: err.zh, en: err.en } };
    const api = toApiError(err);
    if (api.code === 'INTERNAL') throw err;
    return { ok: false, api: { code: api.code, text: api.text, details: api.details } };
  }
}

/** The same steps inline (ANALYSIS_THREADS=0, the bench's baseline). */
export function prepareAndRun(task: AnalysisTask, input: unknown): unknown {
  let json: unknown;
  try {
    json = jsonOf(input);
  } catch {
    throw new ApiError('BAD_REQUEST', {
      zh: '请求不是有效的 JSON',
      en: 'Request body is not valid JSON',
    });
  }
  const body = PREPARE[task](json);
  return (ANALYSIS_TASKS[task] as (b: unknown) => unknown)(body);
}
