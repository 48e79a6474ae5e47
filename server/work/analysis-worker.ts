import { InputError } from '../../domain/geo/input-error';
import { ANALYSIS_TASKS, type AnalysisTask } from './analysis-tasks';

/** What crosses the thread boundary back: a value, or a domain InputError as plain data. */
export type WorkerAnswer =
  | { ok: true; value: unknown }
  | { ok: false; input: { code: InputError['code']; zh: string; en: string } };

/** The piscina task: run one analysis; InputErrors come back as data (classes do not cross). */
export default function runAnalysis({
  task,
  body,
}: {
  task: AnalysisTask;
  body: unknown;
}): WorkerAnswer {
  try {
    return { ok: true, value: (ANALYSIS_TASKS[task] as (b: unknown) => unknown)(body) };
  } catch (err) {
    if (err instanceof InputError)
      return { ok: false, input: { code: err.code, zh: err.zh, en: err.en } };
    throw err;
  }
}
