/** Stable error codes the API returns; clients switch on `code`, people read `message`. */
export type ErrorCode =
  | 'BAD_REQUEST'
  | 'VALIDATION'
  | 'INVALID_GEOMETRY'
  | 'NOT_FOUND'
  | 'CONFLICT'
  | 'BASELINE_READ_ONLY'
  | 'PAYLOAD_TOO_LARGE'
  | 'UNSUPPORTED_MEDIA_TYPE'
  | 'INTERNAL'
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'ILLEGAL_TRANSITION'
  | 'PROPOSAL_LOCKED'
  | 'COMMUNITY_HAS_PROPOSALS'
  | 'UNREADABLE_FILE'
  | 'IMPORT_EXPIRED'
  | 'IMPORT_STALE'
  | 'SETUP_TOKEN_INVALID'
  | 'SETUP_DONE'
  | 'TOO_COMPLEX'
  | 'BUSY'
  | 'DB_UNAVAILABLE'
  | 'TOO_MANY_REQUESTS'
  // survey import (issue #11 item 1)
  | 'CRS_OUTSIDE_CHINA';

const STATUS: Record<ErrorCode, number> = {
  BAD_REQUEST: 400,
  VALIDATION: 400,
  INVALID_GEOMETRY: 422,
  NOT_FOUND: 404,
  CONFLICT: 409,
  BASELINE_READ_ONLY: 403,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  INTERNAL: 500,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  ILLEGAL_TRANSITION: 409,
  PROPOSAL_LOCKED: 409,
  COMMUNITY_HAS_PROPOSALS: 409,
  UNREADABLE_FILE: 422,
  IMPORT_EXPIRED: 410,
  IMPORT_STALE: 409,
  SETUP_TOKEN_INVALID: 403,
  SETUP_DONE: 409,
  TOO_COMPLEX: 422,
  BUSY: 503,
  DB_UNAVAILABLE: 503,
  TOO_MANY_REQUESTS: 429,
  // survey import (issue #11 item 1)
  CRS_OUTSIDE_CHINA: 422,
};

/** A message in both languages; the response picks one from Accept-Language. */
export interface Bilingual {
  zh: string;
  en: string;
}

export class ApiError extends Error {
  readonly status: number;
  constructor(
    readonly code: ErrorCode,
    readonly text: Bilingual,
    readonly details?: unknown,
  ) {
    super(text.en);
    this.status = STATUS[code];
  }
}

export const notFound = (what: Bilingual, id: string | number): ApiError =>
  new ApiError('NOT_FOUND', { zh: `未找到${what.zh}: ${id}`, en: `${what.en} ${id} not found` });
