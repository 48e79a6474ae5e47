import type { Geometry } from 'geojson';
import { requestJson } from './fetch-json';
import type { Id } from './types';

/** A community's figures before or after a boundary change (server community-boundary-store). */
export interface BoundaryCounts {
  id: number;
  name: string;
  version: number;
  buildingCount: number;
  households: number | null;
  floorAreaSqM: number | null;
  features: number;
}

/** What a boundary change did (or, with dryRun, would do). */
export interface BoundaryChange {
  communities: BoundaryCounts[];
  before: BoundaryCounts[];
  after: BoundaryCounts[];
  moved: number;
  movedToContext: number;
  movedFromContext: number;
  dryRun: boolean;
}

/** One boundary operation as a request the confirm dialog can send twice (preview, then real). */
export type BoundaryRequest =
  | { op: 'create'; districtId: Id; name: string; geometry: Geometry }
  | { op: 'promote'; districtId: Id; featureId: Id; name?: string }
  | { op: 'patch'; id: Id; version: number; name?: string; geometry?: Geometry }
  | { op: 'split'; id: Id; version: number; line: Geometry; name?: string }
  | { op: 'merge'; districtId: Id; ids: Id[]; versions: number[] };

const enc = (id: Id) => encodeURIComponent(String(id));

/**
 * Sends a boundary operation: POST /api/districts/:id/communities (draw), …/promote, …/merge,
 * PATCH /api/communities/:id (rename, edit), POST /api/communities/:id/split. `dryRun` previews
 * the before/after figures without writing.
 */
export function sendBoundaryRequest(
  r: BoundaryRequest,
  dryRun: boolean,
  locale: string,
): Promise<BoundaryChange> {
  const post = (url: string, body: object) =>
    requestJson<BoundaryChange>(url, { method: 'POST', body: { ...body, dryRun }, locale });
  switch (r.op) {
    case 'create':
      return post(`/api/districts/${enc(r.districtId)}/communities`, {
        name: r.name,
        geometry: r.geometry,
      });
    case 'promote':
      return post(`/api/districts/${enc(r.districtId)}/communities/promote`, {
        featureId: Number(r.featureId),
        ...(r.name ? { name: r.name } : {}),
      });
    case 'merge':
      return post(`/api/districts/${enc(r.districtId)}/communities/merge`, {
        ids: r.ids.map(Number),
        versions: r.versions,
      });
    case 'split':
      return post(`/api/communities/${enc(r.id)}/split`, {
        version: r.version,
        line: r.line,
        ...(r.name ? { name: r.name } : {}),
      });
    case 'patch':
      return requestJson<BoundaryChange>(`/api/communities/${enc(r.id)}`, {
        method: 'PATCH',
        body: {
          version: r.version,
          ...(r.name !== undefined ? { name: r.name } : {}),
          ...(r.geometry ? { geometry: r.geometry } : {}),
          dryRun,
        },
        locale,
      });
  }
}
