import { requestJson } from './fetch-json';
import type { Id } from './types';

/** DELETE /api/features/:id?version=N; a stale version answers 409. */
export const deleteFeature = (
  id: Id,
  version: number,
  { locale, editBaseline = false }: { locale: string; editBaseline?: boolean },
): Promise<void> =>
  requestJson<void>(
    `/api/features/${encodeURIComponent(String(id))}?version=${version}${editBaseline ? '&baseline=edit' : ''}`,
    { method: 'DELETE', locale },
  );
