import type { ErrorRequestHandler, Request } from 'express';
import { ZodError } from 'zod';
import { InputError } from '../../domain/geo/input-error';
import { StatementAbandoned } from '../db/request-signal';
import { ApiError } from './api-error';

/** zh-CN unless the client prefers English (Accept-Language: en...). */
export const prefersEnglish = (req: Request): boolean =>
  (req.acceptsLanguages('zh', 'zh-CN', 'en') || 'zh').startsWith('en');

const zhOf = (i: ZodError['issues'][number]): string =>
  (i as { params?: { zh?: string } }).params?.zh ?? i.message;

/**
 * Errors that mean the database connection, not the request, failed: the server refused or
 * dropped the connection (ECONNREFUSED, ECONNRESET, EPIPE), shut down (57P01 admin_shutdown,
 * 57P02 crash_shutdown, 57P03 cannot_connect_now: starting up or in recovery), a connection
 * exception (class 08), or node-postgres reporting the connection ended.
 */
export function isDatabaseUnavailable(err: unknown): boolean {
  const e = err as { code?: unknown; message?: unknown } | null;
  const code = typeof e?.code === 'string' ? e.code : '';
  if (
    ['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', '57P01', '57P02', '57P03'].includes(code)
  )
    return true;
  if (/^08/.test(code)) return true;
  const message = typeof e?.message === 'string' ? e.message : '';
  return /Connection terminated|Client has encountered a connection error|connection timeout/i.test(
    message,
  );
}

/** Any thrown value as the API error it is answered with (also used by the analysis worker). */
export function toApiError(err: unknown): ApiError {
  if (err instanceof ApiError) return err;
  // Bad input to a pure domain function (parking layout, fire lanes, coverage …): a bad option
  // is a request error, anything else is geometry the engine cannot use.
  if (err instanceof InputError) {
    return new ApiError(
      err.code === 'INVALID_OPTION' ? 'VALIDATION' : 'INVALID_GEOMETRY',
      { zh: err.zh, en: err.en },
      { code: err.code },
    );
  }
  if (err instanceof ZodError) {
    const at = (i: ZodError['issues'][number]) => i.path.join('.') || '(body)';
    const en = err.issues.map((i) => `${at(i)}: ${i.message}`).join('; ');
    const zh = err.issues.map((i) => `${at(i)}: ${zhOf(i)}`).join('; ');
    return new ApiError(
      'VALIDATION',
      { zh: `请求参数有误 — ${zh}`, en: `Invalid request — ${en}` },
      err.issues.map((i) => ({ path: i.path.join('.'), message: i.message })),
    );
  }
  const e = err as { type?: string; status?: number; code?: string; message?: string };
  if (e.type === 'entity.too.large') {
    return new ApiError('PAYLOAD_TOO_LARGE', {
      zh: '请求数据过大, 请分批提交',
      en: 'Request body too large; send it in smaller parts',
    });
  }
  if (e.type === 'entity.parse.failed') {
    return new ApiError('BAD_REQUEST', {
      zh: '请求不是有效的 JSON',
      en: 'Request body is not valid JSON',
    });
  }
  // The database went away (restart, failover, network): the pool reconnects on the next query;
  // this request's transaction was rolled back by the server, so nothing is half-written.
  if (isDatabaseUnavailable(err)) {
    return new ApiError(
      'DB_UNAVAILABLE',
      {
        zh: '数据库暂时不可用 (正在重启或连接中断), 本次操作未保存, 请稍后重试',
        en: 'The database is unavailable for a moment (restarting or disconnected); nothing was saved, please retry',
      },
      { retryAfterS: 5 },
    );
  }
  // PostGIS rejected a geometry (parse error or our ST_IsValid check constraint).
  if (e.code === 'XX000' || e.code === '23514') {
    return new ApiError('INVALID_GEOMETRY', {
      zh: `几何或数值无效: ${e.message ?? ''}`,
      en: `Invalid geometry or value: ${e.message ?? ''}`,
    });
  }
  return new ApiError('INTERNAL', { zh: '服务器内部错误', en: 'Internal server error' });
}

export const errorHandler: ErrorRequestHandler = (err, req, res, _next) => {
  // A read abandoned because its client went away (issue 18 item 2): nobody is left to answer.
  if (err instanceof StatementAbandoned && (res.destroyed || !res.writable)) return;
  // The client hung up while its body was arriving: nothing was read, nobody is left to answer.
  if ((err as { type?: string } | undefined)?.type === 'request.aborted') return;
  if (err instanceof StatementAbandoned)
    err = new ApiError('BUSY', {
      zh: '请求已中止, 请重试',
      en: 'The request was abandoned; retry it',
    });
  const apiError = toApiError(err);
  if (apiError.code === 'INTERNAL') console.error(err);
  const retry = (apiError.details as { retryAfterS?: number } | undefined)?.retryAfterS;
  if (retry !== undefined) res.set('Retry-After', String(retry));
  res.status(apiError.status).json({
    error: {
      code: apiError.code,
      message: prefersEnglish(req) ? apiError.text.en : apiError.text.zh,
      ...(apiError.details === undefined ? {} : { details: apiError.details }),
    },
  });
};
