/**
 * Review workflow of a proposal (issue #6): a planner submits it; an official returns it with
 * reasons or approves it; a returned proposal is resubmitted. Comments change no state.
 */
export const REVIEW_STATES = ['draft', 'submitted', 'returned', 'approved'] as const;
export type ReviewState = (typeof REVIEW_STATES)[number];

export const REVIEW_ACTIONS = ['submit', 'resubmit', 'comment', 'return', 'approve'] as const;
export type ReviewAction = (typeof REVIEW_ACTIONS)[number];

/** Legal transitions: action → (from state → to state). */
export const REVIEW_TRANSITIONS: Readonly<
  Record<ReviewAction, Readonly<Partial<Record<ReviewState, ReviewState>>>>
> = {
  submit: { draft: 'submitted' },
  resubmit: { returned: 'submitted' },
  // Officials comment on a submitted plan; the planner answers on a returned one.
  comment: { submitted: 'submitted', returned: 'returned' },
  return: { submitted: 'returned' },
  approve: { submitted: 'approved' },
};
