import { Router, type Response } from 'express';
import { z } from 'zod';
import { describeAuditEntry } from '../../domain/review/describe-audit-entry';
import { nextReviewState } from '../../domain/review/next-review-state';
import {
  REVIEW_ACTIONS,
  REVIEW_TRANSITIONS,
  type ReviewAction,
  type ReviewState,
} from '../../domain/review/review-states';
import type { AuditNote } from '../auth/audit-log';
import { checkRole } from '../auth/require-role';
import { currentUser } from '../auth/session-user';
import type { ReviewStore } from '../db/review-store';
import { prefersEnglish } from '../http/error-handler';
import { ApiError, notFound } from '../http/api-error';
import { idParams, issue, parse } from '../http/parse';

const SCENARIO = { zh: '方案', en: 'Scenario' };

const text = (zh: string, en: string) =>
  z
    .string()
    .trim()
    .min(1, issue(zh, en))
    .max(4000, issue('内容不超过4000字', 'at most 4000 characters'));

const lonLat = z
  .tuple([z.number().min(-180).max(180), z.number().min(-90).max(90)], {
    error: () => issue('at 应为 [经度, 纬度]', 'at must be [lon, lat]'),
  })
  .nullable()
  .optional();

export const reviewBodySchemas: Record<ReviewAction, z.ZodType> = {
  submit: z.object({ note: z.string().trim().max(4000).optional() }),
  resubmit: z.object({ note: z.string().trim().max(4000).optional() }),
  comment: z.object({ body: text('评论内容不能为空', 'body must not be empty'), at: lonLat }),
  return: z.object({
    reason: text('退回须说明理由', 'a return needs a reason'),
    at: lonLat,
  }),
  approve: z.object({ note: z.string().trim().max(4000).optional() }),
};

const ACTION_ZH: Record<ReviewAction, string> = {
  submit: '提交审查',
  resubmit: '重新提交',
  comment: '评论',
  return: '退回',
  approve: '审批通过',
};
const STATE_ZH: Record<ReviewState, string> = {
  draft: '草稿',
  submitted: '审查中',
  returned: '已退回',
  approved: '已通过',
};

const allowedFrom = (state: ReviewState): ReviewAction[] =>
  REVIEW_ACTIONS.filter((a) => REVIEW_TRANSITIONS[a][state] !== undefined);

const illegal = (state: ReviewState, action: ReviewAction): ApiError =>
  new ApiError(
    'ILLEGAL_TRANSITION',
    {
      zh: `方案当前为“${STATE_ZH[state]}”, 不能${ACTION_ZH[action]}`,
      en: `The proposal is ${state}: "${action}" is not allowed now`,
    },
    { state, action, allowed: allowedFrom(state) },
  );

const note = (res: Response, n: AuditNote): void => {
  res.locals.audit = n;
};

/**
 * The review workflow of a proposal (issue #6): submit → (comments pinned to the map) →
 * return with reasons | approve; resubmit after a return. Each step checks the state it
 * starts from in the same transaction that records it; an illegal step answers 409
 * ILLEGAL_TRANSITION with the actions that are legal now. Roles come from the permission table.
 */
export function reviewRoutes(deps: { reviews: ReviewStore }): Router {
  const { reviews } = deps;
  const r = Router();

  r.get('/scenarios/:id/review', async (req, res) => {
    const { id } = parse(idParams, req.params);
    const target = await reviews.target(id);
    if (!target) throw notFound(SCENARIO, id);
    res.json({
      scenarioId: id,
      kind: target.kind,
      reviewState: target.reviewState,
      allowed: target.kind === 'proposal' ? allowedFrom(target.reviewState) : [],
      events: await reviews.events(id),
    });
  });

  r.get('/scenarios/:id/history', async (req, res) => {
    const { id } = parse(idParams, req.params);
    const target = await reviews.target(id);
    if (!target) throw notFound(SCENARIO, id);
    const [events, audit] = await Promise.all([
      reviews.events(id),
      reviews.audit({ scenarioId: id, limit: 1000 }),
    ]);
    // The review steps are in the audit log too (same request); list each step once, as review.
    const english = prefersEnglish(req);
    const context = { scenarioName: target.name, scenarioKind: target.kind };
    const entries = [
      ...events.map((e) => ({
        type: 'review' as const,
        at: e.createdAt,
        username: e.username,
        displayName: e.displayName,
        action: e.action,
        fromState: e.fromState,
        toState: e.toState,
        body: e.body,
        point: e.at,
      })),
      ...[...audit]
        .reverse()
        .filter((a) => !a.route.includes('/review/') && a.status < 400)
        .map((a) => {
          // One readable sentence per edit, both languages and the one Accept-Language asks for.
          const s = describeAuditEntry(a, context);
          return {
            type: 'edit' as const,
            at: a.at,
            username: a.username,
            method: a.method,
            route: a.route,
            entity: a.entity,
            entityId: a.entityId,
            summary: a.summary,
            text: english ? s.en : s.zh,
            sentence: { zh: s.zh, en: s.en },
            link: s.link,
          };
        }),
    ].sort((a, b) => a.at.localeCompare(b.at));
    res.json({ scenarioId: id, reviewState: target.reviewState, entries });
  });

  r.get('/audit', async (req, res) => {
    const q = parse(
      z.object({
        scenario: z.coerce.number().int().positive().optional(),
        limit: z.coerce.number().int().min(1).max(1000).default(200),
      }),
      req.query,
    );
    const english = prefersEnglish(req);
    const rows = await reviews.audit({ scenarioId: q.scenario ?? null, limit: q.limit });
    res.json(
      rows.map((a) => {
        const s = describeAuditEntry(a);
        return {
          ...a,
          text: english ? s.en : s.zh,
          sentence: { zh: s.zh, en: s.en },
          link: s.link,
        };
      }),
    );
  });

  for (const action of REVIEW_ACTIONS) {
    const path = action === 'comment' ? 'comments' : action;
    r.post(`/scenarios/:id/review/${path}`, async (req, res) => {
      const { id } = parse(idParams, req.params);
      const body = parse(reviewBodySchemas[action], req.body ?? {}) as {
        note?: string;
        body?: string;
        reason?: string;
        at?: [number, number] | null;
      };
      const user = checkRole(currentUser(res), ['planner', 'reviewer', 'admin']);
      const target = await reviews.target(id);
      if (!target) throw notFound(SCENARIO, id);
      if (target.kind !== 'proposal') {
        throw new ApiError(
          'ILLEGAL_TRANSITION',
          {
            zh: '现状方案不参与审查, 请提交方案',
            en: 'A baseline is not reviewed; submit a proposal',
          },
          { state: target.reviewState, action, allowed: [] },
        );
      }
      const from = target.reviewState;
      const to = nextReviewState(from, action);
      if (to === null) throw illegal(from, action);
      const ok = await reviews.apply({
        scenarioId: id,
        action,
        from,
        to,
        userId: user.id,
        username: user.username,
        body: body.body ?? body.reason ?? body.note ?? null,
        at: body.at ?? null,
      });
      // Someone else moved it between our read and our write: report the state now.
      if (!ok) throw illegal((await reviews.target(id))?.reviewState ?? from, action);
      note(res, {
        entity: 'scenario',
        entityId: id,
        scenarioId: id,
        communityId: target.communityId,
        summary: { action, fromState: from, toState: to },
      });
      res.status(action === 'comment' ? 201 : 200).json({
        scenarioId: id,
        reviewState: to,
        allowed: allowedFrom(to),
        events: await reviews.events(id),
      });
    });
  }

  return r;
}
