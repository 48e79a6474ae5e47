import { z } from 'zod';
import { PERMISSIONS } from '../auth/permissions';
import { createUserSchema, loginSchema } from './auth-routes';
import { registerItemSchema } from './register-routes';
import { reviewBodySchemas } from './review-routes';

const json = (schema: z.ZodType) => z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' });
const err = {
  description:
    'Error with a stable code (UNAUTHENTICATED 401, FORBIDDEN 403, ILLEGAL_TRANSITION / PROPOSAL_LOCKED / CONFLICT 409 …)',
  content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
};
const body = (schema: z.ZodType) => ({
  required: true,
  content: { 'application/json': { schema: json(schema) } },
});
const id = (description: string) => ({
  name: 'id',
  in: 'path',
  required: true,
  description,
  schema: { type: 'integer', minimum: 1 },
});

/** Who may call a path (from the one permission table), for the description. */
const access = (method: string, path: string): string => {
  const p = PERMISSIONS.find((x) => x.method === method && x.path === path);
  if (!p) return '';
  return p.access === 'public'
    ? ' — public'
    : p.access === 'read'
      ? ' — read (anonymous when ANONYMOUS_READ)'
      : ` — roles: ${p.access.join(', ')}`;
};
const op = (method: string, path: string, summary: string, rest: object = {}) => ({
  summary: summary + access(method.toUpperCase(), path),
  responses: { 200: { description: 'OK' }, 400: err, 401: err, 403: err, 404: err, 409: err },
  ...rest,
});

const review = (action: keyof typeof reviewBodySchemas, summary: string) => ({
  post: op(
    'post',
    `/api/scenarios/:id/review/${action === 'comment' ? 'comments' : action}`,
    summary,
    {
      parameters: [id('proposal id')],
      requestBody: body(reviewBodySchemas[action]),
    },
  ),
});

/** OpenAPI paths of accounts, review and the renewal register (issue #6), merged into the document. */
export function reviewOpenApiPaths(): Record<string, object> {
  return {
    '/api/auth/login': {
      post: op(
        'post',
        '/api/auth/login',
        'Sign in: { user } and Set-Cookie rpm_session (httpOnly, SameSite=Lax)',
        {
          requestBody: body(loginSchema),
        },
      ),
    },
    '/api/auth/logout': { post: op('post', '/api/auth/logout', 'Sign out (204)') },
    '/api/auth/me': { get: op('get', '/api/auth/me', 'The signed-in account { user }, or 401') },
    '/api/users': {
      get: op('get', '/api/users', 'Accounts with their assigned communities'),
      post: op('post', '/api/users', 'Create an account', { requestBody: body(createUserSchema) }),
    },
    '/api/audit': {
      get: op('get', '/api/audit', 'Audit log of writes, newest first (?scenario=, ?limit=)'),
    },
    '/api/scenarios/{id}/review': {
      get: op('get', '/api/scenarios/:id/review', 'Review state, legal next actions and events', {
        parameters: [id('scenario id')],
      }),
    },
    '/api/scenarios/{id}/history': {
      get: op(
        'get',
        '/api/scenarios/:id/history',
        'Every state change and edit of a proposal: who, when, what',
        {
          parameters: [id('scenario id')],
        },
      ),
    },
    '/api/scenarios/{id}/review/submit': review('submit', 'Submit a draft for review'),
    '/api/scenarios/{id}/review/resubmit': review('resubmit', 'Resubmit a returned proposal'),
    '/api/scenarios/{id}/review/comments': review(
      'comment',
      'Comment, optionally pinned at [lon, lat]',
    ),
    '/api/scenarios/{id}/review/return': review('return', 'Return with reasons'),
    '/api/scenarios/{id}/review/approve': review('approve', 'Approve'),
    '/api/communities/{id}/register': {
      get: op(
        'get',
        '/api/communities/:id/register',
        'Renewal register items with funds released (?asOf=YYYY-MM-DD) and totals',
        {
          parameters: [id('community id')],
        },
      ),
    },
    '/api/communities/{id}/register/items': {
      post: op('post', '/api/communities/:id/register/items', 'Add a register item', {
        parameters: [id('community id')],
        requestBody: body(registerItemSchema),
      }),
    },
    '/api/register/items/{id}': {
      patch: op('patch', '/api/register/items/:id', 'Replace an item (with the version seen)', {
        parameters: [id('item id')],
      }),
      delete: op('delete', '/api/register/items/:id', 'Delete an item (?version=)', {
        parameters: [id('item id')],
      }),
    },
    '/api/districts/{id}/register': {
      get: op(
        'get',
        '/api/districts/:id/register',
        'Every community with its register figures and metrics of its latest proposal, and totals',
        {
          parameters: [id('district id')],
        },
      ),
    },
    '/api/districts/{id}/register.csv': {
      get: op(
        'get',
        '/api/districts/:id/register.csv',
        'The district register as CSV (UTF-8 with BOM, for Excel)',
        {
          parameters: [id('district id')],
        },
      ),
    },
  };
}
