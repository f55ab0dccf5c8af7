/** Staff roles; a person may hold several. Applicants hold none of them. */
export const STAFF_ROLES = [
  'admin',
  'coordinator',
  'assessor',
  'approver',
  'trainer',
  'finance',
  'protection_officer',
] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];
