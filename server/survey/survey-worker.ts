import type { MessagePort } from 'node:worker_threads';
import { ApiError, type Bilingual, type ErrorCode } from '../http/api-error';
import { buildSurveyRows, type SurveyRequest } from './build-survey-features';
import { scanSurvey } from './scan-survey';

/** One survey task for a worker thread (server/work/survey-pool.ts). */
export type SurveyTask =
  | { task: 'scan'; bytes: Uint8Array; fileName: string; nearLon?: number | undefined }
  | { task: 'build'; bytes: Uint8Array; fileName: string; request: SurveyRequest };

/** What crosses back: a value, or an ApiError as plain data (classes do not cross threads). */
export type SurveyAnswer =
  | { ok: true; value: unknown }
  | { ok: false; error: { code: ErrorCode; text: Bilingual; details?: unknown } };

/**
 * The piscina task: read the upload with GDAL and build its features off the event loop.
 * Progress ({done, total} features) goes to `port` every 2,000 features.
 */
export default async function runSurveyTask(
  t: SurveyTask & { port?: MessagePort },
): Promise<SurveyAnswer> {
  const bytes = Buffer.from(t.bytes.buffer, t.bytes.byteOffset, t.bytes.byteLength);
  const progress = (done: number, total: number) => t.port?.postMessage({ done, total });
  try {
    if (t.task === 'scan')
      return { ok: true, value: await scanSurvey(bytes, t.fileName, t.nearLon, progress) };
    return { ok: true, value: await buildSurveyRows(bytes, t.fileName, t.request, progress) };
  } catch (err) {
    if (err instanceof ApiError)
      return { ok: false, error: { code: err.code, text: err.text, details: err.details } };
    throw err;
  } finally {
    t.port?.close();
  }
}
