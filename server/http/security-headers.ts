import { randomBytes } from 'node:crypto';
import type { RequestHandler, Response } from 'express';
import helmet from 'helmet';
import { ApiError } from './api-error';

/**
 * Security headers (issue 18) with helmet: a Content-Security-Policy the built client passes
 * (scripts from the origin only, plus one nonce per response for the setup page's inline
 * script; MapLibre's blob: workers and images; tiles, glyphs and the API on the same origin;
 * nothing from outside, which the offline product never needs), no framing by other sites,
 * nosniff, a strict referrer policy. `upgrade-insecure-requests` is off: a LAN install serves
 * plain HTTP, and TLS deployments terminate in front (see README "Running it safely").
 */
export function securityHeaders(): RequestHandler[] {
  const nonce = (_req: unknown, res: unknown) => `'nonce-${(res as Response).locals.cspNonce}'`;
  return [
    (_req, res, next) => {
      res.locals.cspNonce = randomBytes(16).toString('base64');
      next();
    },
    helmet({
      contentSecurityPolicy: {
        useDefaults: false,
        directives: {
          'default-src': ["'self'"],
          'script-src': ["'self'", nonce],
          'style-src': ["'self'", "'unsafe-inline'"],
          'img-src': ["'self'", 'data:', 'blob:'],
          'font-src': ["'self'", 'data:'],
          'connect-src': ["'self'", 'data:', 'blob:'],
          'worker-src': ["'self'", 'blob:'],
          'child-src': ["'self'", 'blob:'],
          'object-src': ["'none'"],
          'base-uri': ["'self'"],
          'form-action': ["'self'"],
          'frame-ancestors': ["'self'"],
        },
      },
      crossOriginEmbedderPolicy: false,
    }),
  ];
}

const SAFE = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Writes carried by a session cookie must come from the app's own pages (issue 18): a browser
 * sends Origin (or Sec-Fetch-Site) with every cross-site POST, and a cookie alone must not let
 * another site write. Callers without a browser (curl, the CLI, tests) send neither and pass.
 */
export function sameOriginWrites(): RequestHandler {
  return (req, _res, next) => {
    if (SAFE.has(req.method) || !/(?:^|;\s*)rpm_session=/.test(req.headers.cookie ?? ''))
      return next();
    const origin = req.headers.origin;
    const site = req.headers['sec-fetch-site'];
    let cross = site === 'cross-site';
    if (origin && origin !== 'null') {
      try {
        cross = new URL(origin).host !== req.headers.host;
      } catch {
        cross = true;
      }
    } else if (origin === 'null') cross = true;
    if (!cross) return next();
    next(
      new ApiError('FORBIDDEN', {
        zh: '拒绝来自其他网站的写入请求',
        en: 'Writes from another site are refused',
      }),
    );
  };
}
