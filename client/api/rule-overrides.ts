import type { ProjectContext } from '../../domain/standards/rules';
import type { RuleOverrides } from '../../domain/standards/rule-override-types';
import { fetchJson, requestJson } from './fetch-json';

/** One override as the server lists it (GET/PUT /api/districts/:id/rule-overrides). */
export interface RuleOverrideLine {
  key: string;
  value: number;
  source: string;
  defaultValue: number;
  defaultSource: string;
  by: string | null;
  at: string | null;
}

/** A district's local rules (本项目地方标准, issue 12 §1) and project context. */
export interface DistrictRuleSettings {
  districtId: number;
  context: ProjectContext;
  overrides: RuleOverrideLine[];
}

export const getRuleOverrides = (
  districtId: string,
  signal?: AbortSignal,
): Promise<DistrictRuleSettings> =>
  fetchJson<DistrictRuleSettings>(
    `/api/districts/${encodeURIComponent(districtId)}/rule-overrides`,
    signal,
  );

/** PUT: replaces the district's whole set (planner, admin). */
export const putRuleOverrides = (
  districtId: string,
  body: { context: ProjectContext; overrides: RuleOverrides },
  locale: string,
): Promise<DistrictRuleSettings> =>
  requestJson<DistrictRuleSettings>(
    `/api/districts/${encodeURIComponent(districtId)}/rule-overrides`,
    { method: 'PUT', body, locale },
  );
