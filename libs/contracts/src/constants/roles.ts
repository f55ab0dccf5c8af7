/** Staff roles; a person may hold several. Applicants hold none of them. */
export const STAFF_ROLES = [
  'admin',
  'coordinator',
  'assessor',
  'approver',
  'trainer',
  'finance',
  'protection_officer',
  /** Scores grant applications on the round's rubric. */
  'reviewer',
  /** Approval chain of grants, by amount (the round's settings). */
  'programme_manager',
  'grant_committee',
  'director',
] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];
