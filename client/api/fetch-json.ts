import { ApiError } from './api-error';
import type { ApiErrorBody } from './types';

const isErrorBody = (body: unknown): body is ApiErrorBody =>
  typeof body === 'object' &&
  body !== null &&
  'error' in body &&
  typeof (body as ApiErrorBody).error?.message === 'string';

/**
 * GET a JSON document from the API. Network failures, non-2xx answers and non-JSON bodies all
 * become an ApiError (code `network`, the server's code, or `bad_response`), so callers handle
 * one error type. An abort is rethrown as is (callers ignore it).
 */
export async function fetchJson<T>(url: string, signal?: AbortSignal): Promise<T> {
  let response: Response;
  try {
    response = await fetch(url, { headers: { accept: 'application/json' }, signal });
  } catch (err) {
    if (signal?.aborted) throw err;
    throw new ApiError(0, 'network', err instanceof Error ? err.message : String(err), url);
  }
  let body: unknown;
  try {
    body = await response.json();
  } catch {
    throw new ApiError(
      response.status,
      'bad_response',
      `${response.status} ${response.statusText}`,
      url,
    );
  }
  if (!response.ok) {
    if (isErrorBody(body)) {
      throw new ApiError(response.status, body.error.code, body.error.message, url);
    }
    throw new ApiError(
      response.status,
      'http_error',
      `${response.status} ${response.statusText}`,
      url,
    );
  }
  return body as T;
}

/** Builds `path?key=value&...`, skipping undefined values; commas stay readable. */
export function withQuery(path: string, query: Record<string, string | undefined>): string {
  const parts = Object.entries(query)
    .filter((entry): entry is [string, string] => entry[1] !== undefined && entry[1] !== '')
    .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v).replace(/%2C/g, ',')}`);
  return parts.length > 0 ? `${path}?${parts.join('&')}` : path;
}
