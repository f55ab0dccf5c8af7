/** The small-grants programme's plain lists; the schemas in `../grants/` build on them. */

/** The currencies a round may be in; amounts are integers in minor units (cents, sen). */
export const GRANT_CURRENCIES = ['USD', 'KHR'] as const;

/**
 * Where an application stands. `draft` and `returned` may be edited by the CBO's members;
 * `agreement` is an approved grant waiting for its agreement (the next part of the programme).
 */
export const APPLICATION_STAGES = [
  'draft',
  'submitted',
  'eligibility',
  'review',
  'approval',
  'agreement',
  'declined',
  'returned',
] as const;

/** The stages in which the CBO may still change its application. */
export const EDITABLE_APPLICATION_STAGES = ['draft', 'returned'] as const;

/** What a budget line pays for. */
export const BUDGET_CATEGORIES = [
  'venue',
  'transport',
  'food',
  'materials',
  'communication',
  'equipment',
  'fees',
  'other',
] as const;

/** What an attachment is. */
export const ATTACHMENT_KINDS = ['quote', 'photo', 'letter', 'other'] as const;

/** The file types an attachment may be, told by the file's content (its magic bytes). */
export const ATTACHMENT_TYPES = ['image/jpeg', 'image/png', 'image/webp', 'application/pdf'] as const;

/** Staff roles that may sit in a round's approval chain. */
export const APPROVAL_ROLES = ['programme_manager', 'grant_committee', 'director', 'approver'] as const;

/** An approver's word at their step of the chain. */
export const APPROVAL_OUTCOMES = ['approve', 'decline', 'return'] as const;

/** A reviewer's assignment to an application, from assigned to scored (or reassigned for a conflict). */
export const REVIEW_STATUSES = ['assigned', 'cleared', 'conflict', 'scored'] as const;

/** A coordinator's eligibility check. */
export const ELIGIBILITY_OUTCOMES = ['eligible', 'ineligible'] as const;

/**
 * The automatic eligibility rules, each a reason an application may fail: the CBO is not
 * grant-eligible, its province or focus issue is outside the round, the amount is outside the
 * round's minimum and ceiling, the round was not open when it was submitted.
 */
export const ELIGIBILITY_RULES = [
  'cbo_not_grant_eligible',
  'province_not_in_round',
  'focus_issue_not_in_round',
  'amount_below_minimum',
  'amount_above_ceiling',
  'round_not_open',
] as const;
