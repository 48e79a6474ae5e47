/** A failed API call: the HTTP status plus the server's `{ error: { code, message } }` body. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly url: string;
  /** The server's `error.details` (a 409 CONFLICT carries `{ current }`), when given. */
  readonly details: unknown;

  constructor(status: number, code: string, message: string, url: string, details?: unknown) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.url = url;
    this.details = details;
  }
}
