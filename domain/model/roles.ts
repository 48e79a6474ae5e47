/**
 * Account roles (issue #6): planner 规划设计人员 edits the proposals of assigned communities;
 * reviewer 街道/区住建 officials comment, approve and return; presenter reads only; admin all.
 */
export const ROLES = ['planner', 'reviewer', 'presenter', 'admin'] as const;

export type Role = (typeof ROLES)[number];
