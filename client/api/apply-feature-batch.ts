import type { NewFeature } from './create-feature';
import { requestJson } from './fetch-json';
import type { FeatureChange } from './update-feature';
import type { Id } from './types';

export interface FeatureBatch {
  create?: NewFeature[];
  update?: (FeatureChange & { id: Id; version: number })[];
  delete?: { id: Id; version: number }[];
}

/** Ids the batch wrote; `created` in the order of `create`. */
export interface FeatureBatchResult {
  ok: true;
  created: Id[];
  updated: Id[];
  deleted: Id[];
}

/**
 * POST /api/scenarios/:id/features/batch: creates, updates and deletes in one transaction, all
 * or nothing (409 CONFLICT with `details.conflicts` when any version is stale; 422
 * INVALID_GEOMETRY with `details.problems`). `?baseline=edit` to write the baseline on purpose.
 */
export const applyFeatureBatch = (
  scenarioId: Id,
  batch: FeatureBatch,
  { locale, editBaseline = false }: { locale: string; editBaseline?: boolean },
): Promise<FeatureBatchResult> =>
  requestJson<FeatureBatchResult>(
    `/api/scenarios/${encodeURIComponent(String(scenarioId))}/features/batch${editBaseline ? '?baseline=edit' : ''}`,
    {
      method: 'POST',
      locale,
      body: {
        create: batch.create ?? [],
        update: (batch.update ?? []).map((u) => ({ ...u, id: Number(u.id) })),
        delete: (batch.delete ?? []).map((d) => ({ id: Number(d.id), version: d.version })),
      },
    },
  );
