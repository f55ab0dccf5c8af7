import type { ROLE_GROUPS } from '@bandanh/contracts';

/**
 * The groups of the contracts' `ROLE_GROUPS` that workflows check, as plain constants: the
 * contracts' values would load zod into every workflow run. `satisfies` holds each list to the
 * contracts' own (the same roles, in the same order), so the two cannot drift.
 */
export const WORKFLOW_ROLE_GROUPS = {
  assessors: ['assessor'],
  approvers: ['approver'],
  cboWriters: ['coordinator', 'admin'],
  hotlineStaff: ['coordinator', 'admin'],
  eligibilityCheckers: ['coordinator', 'admin'],
  reviewers: ['reviewer'],
  grantApprovers: ['programme_manager', 'grant_committee', 'director', 'approver'],
} as const satisfies Partial<typeof ROLE_GROUPS>;

export type WorkflowRoleGroup = keyof typeof WORKFLOW_ROLE_GROUPS;
