import { describe, expect, it } from 'vitest';
import { nextReviewState } from '../../../domain/review/next-review-state';
import { REVIEW_ACTIONS, REVIEW_STATES } from '../../../domain/review/review-states';

describe('nextReviewState', () => {
  // Rows: from state; columns: submit, resubmit, comment, return, approve (null = illegal).
  const table = {
    draft: ['submitted', null, null, null, null],
    submitted: [null, null, 'submitted', 'returned', 'approved'],
    returned: [null, 'submitted', 'returned', null, null],
    approved: [null, null, null, null, null],
  } as const;

  it.each(REVIEW_STATES.flatMap((s) => REVIEW_ACTIONS.map((a, i) => [s, a, table[s][i]] as const)))(
    '%s --%s--> %s',
    (state, action, expected) => {
      expect(nextReviewState(state, action)).toBe(expected);
    },
  );
});
