import type { Role } from '../../domain/model/roles';

export type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/**
 * Who may call a route:
 * - 'public': anyone (login, health, the API description);
 * - 'read': anyone signed in, and anonymous callers when config ANONYMOUS_READ is on (read-only
 *   share links); stateless analyses count as reads, they store nothing;
 * - a list of roles: a session with one of them (401 without a session, 403 with another role).
 */
export type Access = 'public' | 'read' | readonly Role[];

/**
 * What a planner's write touches, checked against their community assignments (admins pass).
 * `…-edit` scopes also refuse edits to a proposal under review or approved (409 PROPOSAL_LOCKED).
 */
export type Scope =
  | 'baseline'
  | 'scenario'
  | 'scenario-edit'
  | 'feature-edit'
  | 'community'
  | 'register-item'
  | 'district';

export interface Permission {
  readonly method: Method;
  /** Express-style path under the app root; `:name` matches one segment (may contain dots). */
  readonly path: string;
  readonly access: Access;
  readonly scope?: Scope;
  /** Only the object's author or an admin (issue 18); the route checks it (403 otherwise). */
  readonly owned?: boolean;
}

const EDITORS = ['planner', 'admin'] as const satisfies readonly Role[];
const REVIEWERS = ['reviewer', 'admin'] as const satisfies readonly Role[];
const DISCUSSANTS = ['planner', 'reviewer', 'admin'] as const satisfies readonly Role[];
const ADMINS = ['admin'] as const satisfies readonly Role[];
/** Ledger imports: officials (community figures), planners (their items), admins (both). */
const LEDGER_IMPORTERS = ['planner', 'reviewer', 'admin'] as const satisfies readonly Role[];
/** Saved views (stories) are the presenter's work as much as the planner's. */
const STORYTELLERS = ['planner', 'presenter', 'admin'] as const satisfies readonly Role[];

/**
 * THE permission table: every route of the API and the printable pages, and who may call it.
 * The authorization middleware reads only this; the permission-matrix test iterates it; a route
 * missing here is refused (403) so a new endpoint cannot be open by accident.
 */
export const PERMISSIONS: readonly Permission[] = [
  { method: 'GET', path: '/api/health', access: 'public' },
  { method: 'GET', path: '/api/openapi.json', access: 'public' },
  { method: 'POST', path: '/api/auth/login', access: 'public' },
  { method: 'POST', path: '/api/auth/logout', access: 'public' },
  { method: 'GET', path: '/api/auth/me', access: 'public' },

  { method: 'GET', path: '/api/districts', access: 'read' },
  { method: 'GET', path: '/api/districts/:id/features', access: 'read' },
  { method: 'GET', path: '/api/districts/:id/register', access: 'read' },
  { method: 'GET', path: '/api/districts/:id/register.csv', access: 'read' },
  { method: 'GET', path: '/api/districts/:id/import-warnings.csv', access: 'read' },
  { method: 'GET', path: '/api/communities', access: 'read' },
  { method: 'GET', path: '/api/communities/:id', access: 'read' },
  { method: 'GET', path: '/api/communities/:id/scenarios', access: 'read' },
  { method: 'GET', path: '/api/communities/:id/register', access: 'read' },
  { method: 'GET', path: '/api/scenarios/:id', access: 'read' },
  { method: 'GET', path: '/api/scenarios/:id/features', access: 'read' },
  { method: 'GET', path: '/api/scenarios/:id/fire-lanes', access: 'read' },
  { method: 'GET', path: '/api/scenarios/:id/review', access: 'read' },
  { method: 'GET', path: '/api/scenarios/:id/history', access: 'read' },
  { method: 'GET', path: '/api/tiles/:layer.json', access: 'read' },
  { method: 'GET', path: '/api/tiles/:layer/:z/:x/:y.mvt', access: 'read' },
  { method: 'GET', path: '/report/scenarios/:id/compliance', access: 'read' },
  { method: 'POST', path: '/api/analysis/parking-layout', access: 'read' },
  { method: 'POST', path: '/api/analysis/fire-lanes', access: 'read' },
  { method: 'POST', path: '/api/analysis/coverage', access: 'read' },
  { method: 'POST', path: '/api/analysis/walking-isochrones', access: 'read' },

  // Presenting (issue #7): comparison, stories, exports, sheets: reads.
  { method: 'GET', path: '/api/stories', access: 'read' },
  { method: 'GET', path: '/api/stories/:id', access: 'read' },
  { method: 'GET', path: '/api/scenarios/:id/diff', access: 'read' },
  { method: 'GET', path: '/api/scenarios/:id/indicators', access: 'read' },
  { method: 'GET', path: '/api/scenarios/:id/indicators.csv', access: 'read' },
  { method: 'GET', path: '/api/scenarios/:id/export.geojson', access: 'read' },
  { method: 'GET', path: '/api/districts/:id/export.geojson', access: 'read' },
  { method: 'GET', path: '/api/communities/:id/sheet.pdf', access: 'read' },
  { method: 'GET', path: '/api/districts/:id/atlas.pdf', access: 'read' },
  { method: 'GET', path: '/report/communities/:id/sheet', access: 'read' },
  { method: 'GET', path: '/report/districts/:id/atlas', access: 'read' },

  // --- CAD/GIS exports (issue 11 item 3): reads, whoever reads the scenario exports it ---
  { method: 'GET', path: '/api/scenarios/:id/export.dxf', access: 'read' },
  { method: 'GET', path: '/api/scenarios/:id/export.zip', access: 'read' },
  { method: 'GET', path: '/api/scenarios/:id/export.gpkg', access: 'read' },
  // --- end CAD/GIS exports ---

  // Proposals and their geometry: planners of the community and admins; officials never.
  { method: 'POST', path: '/api/scenarios/:id/proposals', access: EDITORS, scope: 'baseline' },
  { method: 'PATCH', path: '/api/scenarios/:id', access: EDITORS, scope: 'scenario-edit' },
  { method: 'DELETE', path: '/api/scenarios/:id', access: EDITORS, scope: 'scenario-edit' },
  { method: 'POST', path: '/api/scenarios/:id/features', access: EDITORS, scope: 'scenario-edit' },
  {
    method: 'POST',
    path: '/api/scenarios/:id/features/batch',
    access: EDITORS,
    scope: 'scenario-edit',
  },
  { method: 'PATCH', path: '/api/features/:id', access: EDITORS, scope: 'feature-edit' },
  { method: 'DELETE', path: '/api/features/:id', access: EDITORS, scope: 'feature-edit' },
  // ── BEGIN parking-existing (issue 12 §2): a survey count (现状调查) of a lot or road ──
  {
    method: 'PUT',
    path: '/api/features/:id/parking-survey',
    access: EDITORS,
    scope: 'feature-edit',
  },
  // ── END parking-existing ──
  // ── BEGIN rule-overrides (issue 12 §1): a district's local rules (本项目地方标准) ──
  { method: 'GET', path: '/api/districts/:id/rule-overrides', access: 'read' },
  // A district's rules bind every community in it: a planner must be assigned to one of them.
  {
    method: 'PUT',
    path: '/api/districts/:id/rule-overrides',
    access: EDITORS,
    scope: 'district',
  },
  // ── END rule-overrides ──

  // Review workflow.
  { method: 'POST', path: '/api/scenarios/:id/review/submit', access: EDITORS, scope: 'scenario' },
  {
    method: 'POST',
    path: '/api/scenarios/:id/review/resubmit',
    access: EDITORS,
    scope: 'scenario',
  },
  {
    method: 'POST',
    path: '/api/scenarios/:id/review/comments',
    access: DISCUSSANTS,
    scope: 'scenario',
  },
  { method: 'POST', path: '/api/scenarios/:id/review/return', access: REVIEWERS },
  { method: 'POST', path: '/api/scenarios/:id/review/approve', access: REVIEWERS },

  // Renewal register.
  {
    method: 'POST',
    path: '/api/communities/:id/register/items',
    access: EDITORS,
    scope: 'community',
  },
  { method: 'PATCH', path: '/api/register/items/:id', access: EDITORS, scope: 'register-item' },
  { method: 'DELETE', path: '/api/register/items/:id', access: EDITORS, scope: 'register-item' },

  // The register in and out of Excel (issue #11): the export is a read; an import is previewed,
  // then committed. Officials and admins write the community figures, planners the items of
  // their assigned communities (checked per row by the route: planLedgerImport's `may`).
  { method: 'GET', path: '/api/districts/:id/register.xlsx', access: 'read' },
  { method: 'GET', path: '/api/districts/:id/register-items.csv', access: 'read' },
  { method: 'POST', path: '/api/districts/:id/register/import', access: LEDGER_IMPORTERS },
  {
    method: 'POST',
    path: '/api/districts/:id/register/import/:token/commit',
    access: LEDGER_IMPORTERS,
  },

  // Stories (saved views) and GeoJSON import into a proposal.
  { method: 'POST', path: '/api/stories', access: STORYTELLERS },
  { method: 'POST', path: '/api/stories/:id/copy', access: STORYTELLERS },
  { method: 'PUT', path: '/api/stories/:id', access: STORYTELLERS, owned: true },
  { method: 'DELETE', path: '/api/stories/:id', access: STORYTELLERS, owned: true },
  { method: 'POST', path: '/api/scenarios/:id/import', access: EDITORS, scope: 'scenario-edit' },

  // Community boundaries (红线, issue 17): planners of the communities a change touches, admins.
  // District routes check the assignment per touched community in the route (one transaction).
  { method: 'POST', path: '/api/districts/:id/communities', access: EDITORS },
  { method: 'POST', path: '/api/districts/:id/communities/promote', access: EDITORS },
  { method: 'POST', path: '/api/districts/:id/communities/merge', access: EDITORS },
  { method: 'PATCH', path: '/api/communities/:id', access: EDITORS, scope: 'community' },
  { method: 'POST', path: '/api/communities/:id/split', access: EDITORS, scope: 'community' },

  // Accounts and the audit log.
  { method: 'GET', path: '/api/users', access: ADMINS },
  { method: 'POST', path: '/api/users', access: ADMINS },
  { method: 'GET', path: '/api/audit', access: ADMINS },

  // First run without accounts (issue #17): the one-time link is the credential.
  { method: 'GET', path: '/api/setup', access: 'public' },
  { method: 'POST', path: '/api/setup/first-admin', access: 'public' },
  { method: 'PUT', path: '/api/communities/:id/stage', access: EDITORS, scope: 'community' },

  // --- survey import (issue #11 item 1): planners and admins; the target scenario is in the
  // body, so the community-assignment scope is not applied by the table ---
  { method: 'POST', path: '/api/survey/uploads', access: EDITORS },
  { method: 'POST', path: '/api/survey/uploads/:uploadId/preview', access: EDITORS },
  { method: 'POST', path: '/api/survey/uploads/:uploadId/commit', access: EDITORS },
  { method: 'GET', path: '/api/survey/mappings', access: EDITORS },
  { method: 'GET', path: '/api/survey/progress/:progressId', access: EDITORS },
  // --- end survey import ---
];

export interface MatchedPermission {
  permission: Permission;
  params: Record<string, string>;
}

const compile = (path: string): { re: RegExp; names: string[] } => {
  const names: string[] = [];
  const source = path
    .split('/')
    .map((seg) =>
      seg.replace(/:([a-zA-Z]+)|([^:]+)/g, (_m, name: string | undefined, lit: string) => {
        if (name) {
          names.push(name);
          return '([^/]+?)';
        }
        return lit.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      }),
    )
    .join('/');
  return { re: new RegExp(`^${source}/?$`), names };
};

const compiled = PERMISSIONS.map((p) => ({ p, ...compile(p.path) }));

/** The table entry for a request (HEAD is checked as GET), or undefined. */
export function matchPermission(method: string, path: string): MatchedPermission | undefined {
  const m = method === 'HEAD' ? 'GET' : method;
  for (const c of compiled) {
    if (c.p.method !== m) continue;
    const hit = c.re.exec(path);
    if (!hit) continue;
    const params: Record<string, string> = {};
    c.names.forEach((n, i) => (params[n] = decodeURIComponent(hit[i + 1] ?? '')));
    return { permission: c.p, params };
  }
  return undefined;
}
