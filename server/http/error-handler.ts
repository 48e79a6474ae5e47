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
