import { requestJson } from './fetch-json';
import type { InterventionCategory } from './get-district-register';
import type { Id } from './types';

export type Phase = 'publicity' | 'planning' | 'construction' | 'acceptance';

export interface RegisterItemFields {
  name: string;
  category: InterventionCategory;
  quantity: number;
  unit: string;
  budgetWan: number;
  featureIds: number[];
  phase: Phase;
  progressPct: number;
  acceptedOn: string | null;
}

export interface RegisterItem extends RegisterItemFields {
  id: number;
  communityId: number;
  version: number;
  funds: { releasedWan: number; pendingWan: number; heldWan: number };
}

export interface CommunityRegister {
  communityId: number;
  asOf: string;
  items: RegisterItem[];
  summary: {
    items: number;
    budgetWan: number;
    releasedWan: number;
    heldWan: number;
    byCategoryWan: Record<InterventionCategory, number>;
    progressPct: number;
  };
}

const enc = (id: Id) => encodeURIComponent(String(id));

/** GET /api/communities/:id/register */
export const getCommunityRegister = (communityId: Id) =>
  requestJson<CommunityRegister>(`/api/communities/${enc(communityId)}/register`);

/** POST /api/communities/:id/register/items */
export const addRegisterItem = (communityId: Id, item: RegisterItemFields, locale: string) =>
  requestJson<RegisterItem>(`/api/communities/${enc(communityId)}/register/items`, {
    method: 'POST',
    body: item,
    locale,
  });

/** PATCH /api/register/items/:id with the version seen. */
export const updateRegisterItem = (
  item: RegisterItem,
  change: Partial<RegisterItemFields>,
  locale: string,
) => {
  const {
    id,
    version,
    name,
    category,
    quantity,
    unit,
    budgetWan,
    featureIds,
    phase,
    progressPct,
    acceptedOn,
  } = item;
  return requestJson<RegisterItem>(`/api/register/items/${enc(id)}`, {
    method: 'PATCH',
    body: {
      version,
      name,
      category,
      quantity,
      unit,
      budgetWan,
      featureIds,
      phase,
      progressPct,
      acceptedOn,
      ...change,
    },
    locale,
  });
};
