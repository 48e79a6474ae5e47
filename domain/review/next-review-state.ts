import { REVIEW_TRANSITIONS, type ReviewAction, type ReviewState } from './review-states';

/**
 * The state a proposal in `state` reaches by `action`, or null when the workflow forbids it
 * (e.g. approving a draft, or returning an approved plan). Pure.
 */
export function nextReviewState(state: ReviewState, action: ReviewAction): ReviewState | null {
  return REVIEW_TRANSITIONS[action][state] ?? null;
}
