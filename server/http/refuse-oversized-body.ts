import type { RequestHandler } from 'express';
import bytes from 'bytes';
import { ApiError } from './api-error';

/** Routes that take files, with limits of their own (multer / express.raw in the route). */
const UPLOAD_ROUTES = [/^\/districts\/\d+\/register\/import$/, /^\/survey\/uploads$/];

/**
 * 413 for a body above `limit` whatever its content type (issue 18): the JSON parser only
 * measures the types it parses, so a 6 MB body sent as text/plain or with no type used to get
 * a 400 about a missing field. Checked on Content-Length, before anything is read.
 */
export function refuseOversizedBody(limit: string): RequestHandler {
  const max = bytes.parse(limit) ?? 5 * 1024 * 1024;
  return (req, _res, next) => {
    const length = Number(req.headers['content-length'] ?? 0);
    if (length > max && !UPLOAD_ROUTES.some((r) => r.test(req.path)))
      return next(
        new ApiError('PAYLOAD_TOO_LARGE', {
          zh: `请求数据过大 (${bytes.format(length)}, 上限 ${bytes.format(max)}), 请分批提交`,
          en: `Request body too large (${bytes.format(length)}, limit ${bytes.format(max)}); send it in smaller parts`,
        }),
      );
    next();
  };
}
