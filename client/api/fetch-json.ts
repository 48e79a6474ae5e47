import { ApiError } from './api-error';
import type { ApiErrorBody } from './types';

const isErrorBody = (body: unknown): body is ApiErrorBody =>
  typeof body === 'object' &&
  body !== null &&
  'error' in body &&
  typeof (body as ApiErrorBody).error?.message === 'string';

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** Sent as JSON. */
  body?: unknown;
  /** The UI language: the server answers errors in it (Accept-Language). */
  locale?: string;
  signal?: AbortSignal | undefined;
}

/**
 * Calls the JSON API. Network failures, non-2xx answers and non-JSON bodies all become an
 * ApiError (code `network`, the server's code, or `bad_response`), so callers handle one error
 * type; a 204 resolves to undefined. An abort is rethrown as is (callers ignore it).
 */
export async function requestJson<T>(url: string, options: RequestOptions = {}): Promise<T> {
  const { method = 'GET', body, locale, signal } = options;
  const headers: Record<string, string> = { accept: 'application/json' };
  if (locale) headers['accept-language'] = locale;
  if (body !== undefined) headers['content-type'] = 'application/json';
  let response: Response;
  try {
    response = await fetch(url, {
      method,
      headers,
      signal,
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    });
  } catch (err) {
    if (signal?.aborted) throw err;
    throw new ApiError(0, 'network', err instanceof Error ? err.message : String(err), url);
  }
  if (response.status === 204) return undefined as T;
  let parsed: unknown;
  try {
    parsed = await response.json();
  } catch {
    throw new ApiError(
      response.status,
      'bad_response',
      `${response.status} ${response.statusText}`,
      url,
    );
  }
  if (!response.ok) {
    if (isErrorBody(parsed)) {
      const e = parsed.error;
      throw new ApiError(response.status, e.code, e.message, url, e.details);
    }
    throw new ApiError(
      response.status,
      'http_error',
      `${response.status} ${response.statusText}`,
      url,
    );
  }
  return parsed as T;
}

/** GET a JSON document from the API (see requestJson). */
export const fetchJson = <T>(url: string, signal?: AbortSignal): Promise<T> =>
  requestJson<T>(url, { signal });

/** Builds `path?key=value&...`, skipping undefined values; commas stay readable. */
export function withQuery(path: string, query: Record<string, string | undefined>): string {
  const parts = Object.entries(query)
    .filter((entry): entry is [string, string] => entry[1] !== undefined && entry[1] !== '')
    .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v).replace(/%2C/g, ',')}`);
  return parts.length > 0 ? `${path}?${parts.join('&')}` : path;
}
