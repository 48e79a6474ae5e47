import { requestJson } from './fetch-json';
import type { Id } from './types';

export type ReviewState = 'draft' | 'submitted' | 'returned' | 'approved';
export type ReviewAction = 'submit' | 'resubmit' | 'comment' | 'return' | 'approve';

export interface ReviewEvent {
  id: number;
  action: ReviewAction;
  fromState: ReviewState;
  toState: ReviewState;
  body: string | null;
  username: string;
  displayName: string | null;
  at: [number, number] | null;
  createdAt: string;
}

export interface ReviewStatus {
  scenarioId: number;
  kind?: 'baseline' | 'proposal';
  reviewState: ReviewState;
  allowed: ReviewAction[];
  events: ReviewEvent[];
}

export type HistoryEntry =
  | {
      type: 'review';
      at: string;
      username: string;
      displayName: string | null;
      action: ReviewAction;
      fromState: ReviewState;
      toState: ReviewState;
      body: string | null;
      point: [number, number] | null;
    }
  | {
      type: 'edit';
      at: string;
      username: string | null;
      method: string;
      route: string;
      entity: string | null;
      entityId: number | null;
      summary: { before?: Record<string, unknown>; after?: Record<string, unknown> };
      /** The edit as a sentence (domain/review/describe-audit-entry.ts), both languages. */
      sentence?: { zh: string; en: string };
      /** The object the sentence is about. */
      link?: HistoryLink | null;
    };

/** What a history sentence links to: the map selects it and flies there. */
export interface HistoryLink {
  type: 'scenario' | 'feature' | 'community' | 'register_item' | 'story' | 'user';
  id: number;
}

const base = (id: Id) => `/api/scenarios/${encodeURIComponent(String(id))}`;

/** GET /api/scenarios/:id/review */
export const getReview = (id: Id) => requestJson<ReviewStatus>(`${base(id)}/review`);

/** GET /api/scenarios/:id/history: state changes and audited edits, oldest first. */
export const getHistory = (id: Id) =>
  requestJson<{ entries: HistoryEntry[] }>(`${base(id)}/history`);

/** POST /api/scenarios/:id/review/<step>; comments and returns may carry a map point. */
export const reviewStep = (
  id: Id,
  action: ReviewAction,
  body: { body?: string; reason?: string; note?: string; at?: [number, number] | null },
  locale: string,
) =>
  requestJson<ReviewStatus>(`${base(id)}/review/${action === 'comment' ? 'comments' : action}`, {
    method: 'POST',
    body,
    locale,
  });
