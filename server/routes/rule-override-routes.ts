import { Router } from 'express';
import { z } from 'zod';
import { listOverrides } from '../../domain/standards/list-overrides';
import type { RuleOverrides } from '../../domain/standards/rule-override-types';
import { withOverrides } from '../../domain/standards/with-overrides';
import { RULES } from '../../domain/standards/rules';
import type { AuditNote } from '../auth/audit-log';
import { currentUser } from '../auth/session-user';
import {
  overridesOf,
  type RuleOverrideStore,
  type StoredProjectRules,
} from '../db/rule-override-store';
import { notFound } from '../http/api-error';
import { idParams, issue, parse } from '../http/parse';

const DISTRICT = { zh: '片区', en: 'District' };

export const ruleOverridesSchema = z.object({
  context: z
    .enum(['new-build', 'renovation'], { message: 'context must be new-build or renovation' })
    .optional(),
  overrides: z.record(
    z.string(),
    z.object({ value: z.number(), source: z.string() }),
    issue('overrides 应为 {规则: {value, source}}', 'overrides must be {rule: {value, source}}'),
  ),
});

/** The answer of GET and PUT: each override beside its default, with who and when. */
const answer = (districtId: number, stored: StoredProjectRules) => {
  const lines = listOverrides(withOverrides(RULES, overridesOf(stored)));
  const meta = new Map(stored.overrides.map((o) => [o.key, o]));
  return {
    districtId,
    context: stored.context,
    overrides: lines.map((l) => ({
      ...l,
      by: meta.get(l.key)?.by ?? null,
      at: meta.get(l.key)?.at ?? null,
    })),
  };
};

/**
 * Project-level rule overrides of a district (issue 12 §1): a city's stricter local rules, each
 * with its source. `GET /api/districts/:id/rule-overrides` (anyone who reads) and `PUT` {context?,
 * overrides} (admin, or a planner assigned to a community of the district: the 'district'
 * scope of permissions.ts; replaces the whole set, validated by withOverrides; audited). The
 * server's engine runs read them through catalog.projectRules.
 */
export function ruleOverrideRoutes(deps: { ruleOverrides: RuleOverrideStore }): Router {
  const r = Router();
  r.get('/districts/:id/rule-overrides', async (req, res) => {
    const { id } = parse(idParams, req.params);
    const stored = await deps.ruleOverrides.get(id);
    if (!stored) throw notFound(DISTRICT, id);
    res.json(answer(id, stored));
  });
  r.put('/districts/:id/rule-overrides', async (req, res) => {
    const { id } = parse(idParams, req.params);
    const body = parse(ruleOverridesSchema, req.body ?? {});
    const overrides: RuleOverrides = body.overrides;
    withOverrides(RULES, overrides); // an INVALID_OPTION InputError answers 400 VALIDATION
    const before = await deps.ruleOverrides.get(id);
    if (!before) throw notFound(DISTRICT, id);
    const context = body.context ?? before.context;
    await deps.ruleOverrides.replace(id, { context, overrides }, currentUser(res)?.id ?? null);
    const note: AuditNote = {
      entity: 'district',
      entityId: id,
      summary: {
        context,
        ruleOverrides: Object.fromEntries(Object.entries(overrides).map(([k, o]) => [k, o.value])),
      },
    };
    res.locals.audit = note;
    res.json(answer(id, (await deps.ruleOverrides.get(id))!));
  });
  return r;
}
