import { z } from 'zod';
import { REVIEW_STATUSES } from '../constants/grants';
import { defineContract } from '../contract';
import { GrantApplicationSummary } from './applications';

/**
 * Reviews: reviewers (staff with the `reviewer` role) are assigned by the application's
 * workflow, balancing load and never someone with a conflict. Each declares, before seeing the
 * application, that they have none (or that they do, which reassigns it), then scores it on the
 * round's rubric.
 */

export const ReviewStatus = z.enum(REVIEW_STATUSES);
export type ReviewStatus = z.infer<typeof ReviewStatus>;

/** A reviewer's score of one criterion, from 0 to the criterion's top score, with a comment. */
export const CriterionScore = z.object({
  key: z.string().min(1).max(40),
  score: z.coerce.number({ error: 'Give a score' }).int('Give a whole score').min(0, 'A score is at least 0'),
  comment: z.string().trim().max(2000, 'A comment must be at most 2000 characters').default(''),
});
export type CriterionScore = z.infer<typeof CriterionScore>;

export const GrantReview = z.object({
  applicationId: z.uuid(),
  reviewerId: z.uuid(),
  /** The reviewer's name as staff see it. */
  reviewerName: z.string().nullable(),
  status: ReviewStatus,
  /** What the reviewer said when declaring a conflict. */
  conflictNote: z.string().nullable(),
  scores: z.array(CriterionScore),
  comment: z.string(),
  /** The weighted score out of 100, once scored. */
  total: z.number().nullable(),
  assignedAt: z.iso.datetime(),
  declaredAt: z.iso.datetime().nullable(),
  scoredAt: z.iso.datetime().nullable(),
});
export type GrantReview = z.infer<typeof GrantReview>;

/**
 * The review board of an application: every review side by side (grant readers: programme
 * staff and the chain's approvers). A reviewer sees only their own.
 */
export const listGrantReviews = defineContract({
  subject: 'grants.review.list',
  request: z.object({ applicationId: z.uuid() }),
  response: z.object({ items: z.array(GrantReview) }),
});

/** A reviewer's own assignments, open first; blind rounds hide the CBO (`cboId`, `cboName` null). */
export const listMyGrantReviews = defineContract({
  subject: 'grants.review.mine',
  request: z.object({}),
  response: z.object({
    items: z.array(z.object({ review: GrantReview, application: GrantApplicationSummary })),
  }),
});

/** A relationship a staff member declares with a CBO: they will never review its applications. */
export const StaffRelationship = z.object({
  userId: z.uuid(),
  cboId: z.uuid(),
  cboName: z.string().nullable(),
  note: z.string(),
  declaredAt: z.iso.datetime(),
});
export type StaffRelationship = z.infer<typeof StaffRelationship>;

/** The caller's declared relationships. */
export const listMyRelationships = defineContract({
  subject: 'grants.relationship.mine',
  request: z.object({}),
  response: z.object({ items: z.array(StaffRelationship) }),
});

/** A staff member declares a relationship with a CBO (declaring it again changes nothing). */
export const declareRelationship = defineContract({
  subject: 'grants.relationship.declare',
  request: z.object({
    cboId: z.uuid({ error: 'Choose the CBO' }),
    note: z
      .string({ error: 'Say what the relationship is' })
      .trim()
      .min(1, 'Say what the relationship is')
      .max(500, 'At most 500 characters'),
  }),
  response: z.object({ relationship: StaffRelationship, created: z.boolean() }),
});

/** A staff member withdraws a relationship they declared. */
export const removeRelationship = defineContract({
  subject: 'grants.relationship.remove',
  request: z.object({ cboId: z.uuid() }),
  response: z.object({ removed: z.boolean() }),
});
