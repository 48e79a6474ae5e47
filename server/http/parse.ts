import { z } from 'zod';
import { FEATURE_KINDS } from '../../domain/model/feature-kinds';
import { ApiError } from './api-error';
import type { Bbox } from '../db/catalog';

/** A custom zod issue carrying its zh-CN text; the error handler picks the user's language. */
export const issue = (zh: string, en: string) => ({
  code: 'custom' as const,
  message: en,
  params: { zh },
});

export const idSchema = z.coerce
  .number({ message: 'must be a number' })
  .int('must be an integer')
  .positive('must be positive')
  .max(Number.MAX_SAFE_INTEGER);

export const idParams = z.object({ id: idSchema });

/**
 * "west,south,east,north" in degrees (WGS84 lon/lat). Swapped lat/lon — the commonest mistake
 * with Chinese data, whose latitude (18–54) and longitude (73–135) ranges do not overlap — gets
 * its own message.
 */
export const bboxSchema = z.string().transform((s, ctx): Bbox => {
  const parts = s.split(',').map((p) => Number(p.trim()));
  if (parts.length !== 4 || parts.some((n) => !Number.isFinite(n))) {
    ctx.addIssue(
      issue('bbox 应为四个数字: 西,南,东,北', 'bbox must be four numbers: west,south,east,north'),
    );
    return z.NEVER;
  }
  const [w, s2, e, n] = parts as Bbox;
  if (Math.abs(s2) > 90 || Math.abs(n) > 90) {
    ctx.addIssue(
      issue(
        '纬度超出范围: bbox 顺序应为 西,南,东,北 (经度,纬度,经度,纬度), 是否把经纬度写反了?',
        'latitude out of range: bbox order is west,south,east,north (lon,lat,lon,lat) — lat/lon swapped?',
      ),
    );
    return z.NEVER;
  }
  if (Math.abs(w) > 180 || Math.abs(e) > 180) {
    ctx.addIssue(issue('经度超出范围 [-180, 180]', 'longitude out of range [-180, 180]'));
    return z.NEVER;
  }
  if (w >= e || s2 >= n) {
    ctx.addIssue(
      issue('bbox 需满足 西 < 东 且 南 < 北', 'bbox needs west < east and south < north'),
    );
    return z.NEVER;
  }
  return [w, s2, e, n];
});

export const kindsSchema = z
  .string()
  .transform((s) =>
    s
      .split(',')
      .map((k) => k.trim())
      .filter(Boolean),
  )
  .pipe(
    z
      .array(z.enum(FEATURE_KINDS, { message: `kind must be one of ${FEATURE_KINDS.join(', ')}` }))
      .min(1),
  );

export const featureQuerySchema = z.object({
  kind: kindsSchema.optional(),
  bbox: bboxSchema.optional(),
});

/** Parse or throw a VALIDATION ApiError (the error handler turns ZodError into one). */
export const parse = <S extends z.ZodType>(schema: S, value: unknown): z.output<S> =>
  schema.parse(value);

export const badRequest = (zh: string, en: string): ApiError =>
  new ApiError('BAD_REQUEST', { zh, en });
