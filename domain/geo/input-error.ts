/** Stable codes for input a geometric function rejects; clients switch on `code`. */
export type InputErrorCode =
  | 'NOT_POLYGON'
  | 'NOT_LINE'
  | 'INVALID_COORDINATES'
  | 'LAT_LON_SWAPPED'
  | 'TOO_FEW_POINTS'
  | 'RING_NOT_CLOSED'
  | 'SELF_INTERSECTING'
  | 'DEGENERATE'
  | 'TOO_LARGE'
  | 'TOO_MANY_POINTS'
  | 'INVALID_OBSTACLE'
  | 'INVALID_OPTION'
  | 'INVALID_ENTRANCE';

/**
 * Bad input to a pure domain function, with a message in both languages. The server turns it
 * into a 422 INVALID_GEOMETRY (or 400 VALIDATION for INVALID_OPTION); the client shows `zh`.
 */
export class InputError extends Error {
  override readonly name = 'InputError';
  constructor(
    readonly code: InputErrorCode,
    readonly zh: string,
    readonly en: string,
  ) {
    super(en);
  }
}
