import { Router } from 'express';
import { z } from 'zod';
import { RENEWAL_STAGES, type CommunityStage } from '../../domain/model/renewal-stages';
import type { AuditNote } from '../auth/audit-log';
import type { Database } from '../db/database';
import { sql } from '../db/load-sql';
import { notFound } from '../http/api-error';
import { idParams, issue, parse } from '../http/parse';

const COMMUNITY = { zh: '小区', en: 'Community' };

export const communityStageSchema = z.object({
  stage: z
    .string()
    .nullable()
    .refine(
      (v) => v === null || (RENEWAL_STAGES as readonly string[]).includes(v),
      issue(
        `阶段应为 ${RENEWAL_STAGES.join(' / ')} 或 null (未设定)`,
        `stage must be one of ${RENEWAL_STAGES.join(', ')}, or null (not set)`,
      ),
    )
    .transform((v) => v as CommunityStage),
});

/**
 * `PUT /api/communities/:id/stage` {stage}: someone decides the community's renewal stage (a
 * new community has none: "not set", migration 004); null sets it back to "not set". Planners
 * of the community and admins (permission table); audited with the stage before and after.
 */
export function communityStageRoutes(deps: { db: Database }): Router {
  const r = Router();
  r.put('/communities/:id/stage', async (req, res) => {
    const { id } = parse(idParams, req.params);
    const { stage } = parse(communityStageSchema, req.body ?? {});
    const [row] = await deps.db.query<{
      id: number;
      fromStage: CommunityStage;
      toStage: CommunityStage;
    }>(sql('set-community-stage'), [id, stage]);
    if (!row) throw notFound(COMMUNITY, id);
    const note: AuditNote = {
      entity: 'community',
      entityId: id,
      communityId: id,
      summary: { fromStage: row.fromStage, toStage: row.toStage },
    };
    res.locals.audit = note;
    res.json({ id, stage: row.toStage });
  });
  return r;
}
