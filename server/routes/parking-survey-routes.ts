import { Router } from 'express';
import { z } from 'zod';
import type { AuditNote } from '../auth/audit-log';
import { currentUser } from '../auth/session-user';
import type { Database } from '../db/database';
import type { FeatureStore } from '../db/feature-store';
import { sql } from '../db/load-sql';
import { ApiError, notFound } from '../http/api-error';
import { idParams, issue, parse } from '../http/parse';

const FEATURE = { zh: '要素', en: 'Feature' };

export const parkingSurveySchema = z.object({
  count: z
    .number(issue('需要提供现状调查车位数 count', 'count (surveyed stalls) is required'))
    .refine(
      (n) => Number.isInteger(n) && n >= 0 && n <= 100_000,
      issue('现状调查车位数应为 0–100000 的整数', 'count must be a whole number from 0 to 100000'),
    ),
  note: z.string().trim().max(500).nullable().optional(),
});

/**
 * `PUT /api/features/:id/parking-survey` {count, note?}: a planner records how many cars park
 * today on a lot (parking_area) or a road segment (road): 现状调查. It wins over any estimate in
 * the parking ledger (domain/metrics/existing-parking-of.ts). The survey describes the existing
 * situation, so a proposal copy records it on its baseline source, seen by every proposal
 * (migration 009). Stored with who and when; audited. Answers the feature as GeoJSON with its
 * `parkingSurvey`.
 */
export function parkingSurveyRoutes(deps: { db: Database; store: FeatureStore }): Router {
  const r = Router();
  r.put('/features/:id/parking-survey', async (req, res) => {
    const { id } = parse(idParams, req.params);
    const body = parse(parkingSurveySchema, req.body ?? {});
    const existing = await deps.store.getFeature(id);
    if (!existing) throw notFound(FEATURE, id);
    const user = currentUser(res);
    const [row] = await deps.db.query<{ featureId: number; surveyId: number; recordedAt: string }>(
      sql('insert-parking-survey'),
      [id, body.count, body.note || null, user?.id ?? null],
    );
    if (!row) {
      throw new ApiError('VALIDATION', {
        zh: '只有停车场 (parking_area) 和道路 (road) 可以录入现状调查车位数',
        en: 'Only parking areas (parking_area) and roads (road) take a survey count',
      });
    }
    const note: AuditNote = {
      entity: 'feature',
      entityId: Number(row.featureId),
      scenarioId: existing.scenarioId,
      summary: {
        parkingSurvey: body.count,
        ...(body.note ? { note: body.note } : {}),
        ...(Number(row.featureId) !== id ? { via: id } : {}),
      },
    };
    res.locals.audit = note;
    res.type('application/geo+json').send((await deps.store.getFeature(id))?.json);
  });
  return r;
}
