import type { Request, RequestHandler, Response } from 'express';
import type { Database } from '../db/database';
import { sql } from '../db/load-sql';
import type { ScopeTarget } from './account-store';
import type { Permission } from './permissions';
import { currentUser } from './session-user';

/** What a route may add to its audit row (res.locals.audit): entity and before/after. */
export interface AuditNote {
  entity?: string;
  entityId?: number;
  scenarioId?: number | null;
  communityId?: number | null;
  summary?: Record<string, unknown>;
}

const ENTITY_OF_SEGMENT: Record<string, string> = {
  scenarios: 'scenario',
  features: 'feature',
  communities: 'community',
  register: 'register_item',
  users: 'user',
  auth: 'session',
};

/** Keys never written to the log. */
const SECRET = new Set(['password', 'passwordHash', 'token']);

/** A short picture of a request body: scalars (truncated), geometry types, array lengths. */
export function summarizeBody(body: unknown): Record<string, unknown> {
  if (!body || typeof body !== 'object' || Array.isArray(body)) return {};
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(body as Record<string, unknown>)) {
    if (SECRET.has(k)) continue;
    if (v === null || typeof v === 'number' || typeof v === 'boolean') out[k] = v;
    else if (typeof v === 'string') out[k] = v.length > 200 ? `${v.slice(0, 200)}…` : v;
    else if (Array.isArray(v)) out[k] = { count: v.length };
    else if (k === 'geometry' && typeof (v as { type?: unknown }).type === 'string')
      out[k] = { type: (v as { type: string }).type };
    else out[k] = '{…}';
  }
  return out;
}

/** The outcome fields of a JSON response worth keeping: ids, versions, review states, counts. */
function summarizeResponse(body: unknown): Record<string, unknown> {
  if (typeof body !== 'string' || body.length > 200_000) return {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    return {};
  }
  if (!parsed || typeof parsed !== 'object') return {};
  const o = parsed as Record<string, unknown>;
  const props = (o.properties ?? {}) as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const [k, v] of [
    ['id', o.id],
    ['version', o.version ?? props.version],
    ['kind', props.kind],
    ['reviewState', o.reviewState],
    ['created', Array.isArray(o.created) ? o.created.length : undefined],
    ['updated', Array.isArray(o.updated) ? o.updated.length : undefined],
    ['deleted', Array.isArray(o.deleted) ? o.deleted.length : undefined],
    ['error', (o.error as { code?: unknown } | undefined)?.code],
  ] as const)
    if (v !== undefined && v !== null) out[k] = v;
  return out;
}

const isWrite = (req: Request, res: Response): boolean => {
  const p = res.locals.permission as Permission | undefined;
  return req.method !== 'GET' && req.method !== 'HEAD' && (!p || p.access !== 'read');
};

/**
 * Record every write (non-GET, not a stateless analysis) in audit_log: who, when, route,
 * entity, before (request summary) and after (response summary). The row is written before the
 * response leaves, so whoever reads the history next sees it; a failed insert is logged and
 * does not fail the request.
 */
export function auditLog(db: Database): RequestHandler {
  return (req, res, next) => {
    if (req.method === 'GET' || req.method === 'HEAD' || req.method === 'OPTIONS') return next();
    let sent: unknown;
    const send = res.send.bind(res);
    res.send = (body?: unknown) => {
      sent = body;
      return send(body);
    };
    const end = res.end.bind(res) as (...args: unknown[]) => Response;
    let ended = false;
    res.end = ((...args: unknown[]) => {
      if (ended || !isWrite(req, res)) return end(...args);
      ended = true;
      void record(db, req, res, sent)
        .catch((err: unknown) => console.error('audit log:', err))
        .finally(() => end(...args));
      return res;
    }) as Response['end'];
    next();
  };
}

async function record(db: Database, req: Request, res: Response, sent: unknown): Promise<void> {
  const permission = res.locals.permission as Permission | undefined;
  const note = (res.locals.audit ?? {}) as AuditNote;
  const scope = res.locals.scope as ScopeTarget | undefined;
  const user = currentUser(res);
  const path = req.originalUrl.split('?')[0] ?? req.path;
  const segment = path.split('/')[2] ?? '';
  const idMatch = /^\/api\/[a-z]+\/(?:items\/)?(\d+)/.exec(path);
  const username =
    user?.username ??
    (typeof (req.body as { username?: unknown } | undefined)?.username === 'string'
      ? String((req.body as { username: string }).username).slice(0, 64)
      : null);
  await db.query(sql('insert-audit'), [
    user?.id ?? null,
    username,
    req.method,
    permission?.path ?? path,
    res.statusCode,
    note.entity ?? ENTITY_OF_SEGMENT[segment] ?? segment,
    note.entityId ?? (idMatch ? Number(idMatch[1]) : null),
    note.scenarioId ?? scope?.scenarioId ?? null,
    note.communityId ?? scope?.communityId ?? null,
    JSON.stringify({
      before: summarizeBody(req.body),
      after: { ...summarizeResponse(sent), ...note.summary },
    }),
  ]);
}
