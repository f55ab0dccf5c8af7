import { z } from 'zod';
import {
  APPLICATION_STAGES,
  ATTACHMENT_KINDS,
  ATTACHMENT_TYPES,
  BUDGET_CATEGORIES,
  ELIGIBILITY_RULES,
} from '../constants/grants';
import { defineContract } from '../contract';
import { IdempotencyKey } from '../network/cbo';
import { ProvinceCode } from '../network/provinces';
import { LocalDate } from '../training/trainers';
import { GrantCurrency, MinorAmount } from './rounds';

/**
 * A CBO's application to a round: its activity plan, its budget lines and its attachments.
 * One per CBO and round. Its members edit it as a draft (every save is a new version), submit
 * it once (a reference and a receipt), and the application's workflow takes it from there.
 */

export const ApplicationStage = z.enum(APPLICATION_STAGES);
export type ApplicationStage = z.infer<typeof ApplicationStage>;

export const BudgetCategory = z.enum(BUDGET_CATEGORIES, { error: 'Choose what the line pays for' });
export type BudgetCategory = z.infer<typeof BudgetCategory>;

export const AttachmentKind = z.enum(ATTACHMENT_KINDS, {
  error: 'Choose a quote, a photo, a letter or other',
});
export type AttachmentKind = z.infer<typeof AttachmentKind>;

export const AttachmentType = z.enum(ATTACHMENT_TYPES);
export type AttachmentType = z.infer<typeof AttachmentType>;

export const EligibilityRule = z.enum(ELIGIBILITY_RULES);
export type EligibilityRule = z.infer<typeof EligibilityRule>;

/** `GRT-` and eight letters and digits without look-alikes (no I, L, O, U). */
export const GRANT_REFERENCE = /^GRT-[0-9A-HJKMNP-TV-Z]{8}$/;
export const GrantReference = z
  .string()
  .trim()
  .transform((value) => value.toUpperCase())
  .pipe(z.string().regex(GRANT_REFERENCE, 'A reference looks like GRT-7K2M9QXA'));

const Text = (what: string, max: number) =>
  z
    .string({ error: `Write the ${what}` })
    .trim()
    .max(max, `The ${what} must be at most ${max} characters`);

/**
 * The activity plan. A draft may leave any field empty (`''`, null); submitting needs every
 * one (`submitGrantApplication` names what is missing).
 */
export const ActivityPlan = z.object({
  title: Text('title', 200).default(''),
  objectives: Text('objectives', 4000).default(''),
  description: Text('description', 8000).default(''),
  /** Where the activity takes place: a province and, in words, the place. */
  provinceCode: ProvinceCode.nullable().default(null),
  place: Text('place', 300).default(''),
  startsOn: LocalDate.nullable().default(null),
  endsOn: LocalDate.nullable().default(null),
  beneficiariesWomen: z.coerce
    .number({ error: 'Give the number of women' })
    .int('Give a whole number of women')
    .min(0, 'The number of women cannot be negative')
    .max(1_000_000)
    .nullable()
    .default(null),
  beneficiariesMen: z.coerce
    .number({ error: 'Give the number of men' })
    .int('Give a whole number of men')
    .min(0, 'The number of men cannot be negative')
    .max(1_000_000)
    .nullable()
    .default(null),
  expectedResults: Text('expected results', 4000).default(''),
});
export type ActivityPlan = z.output<typeof ActivityPlan>;

/** One line of the budget; its total is unit cost × quantity, of which the CBO pays `contribution`. */
export const BudgetLine = z
  .object({
    /** The client's id for the line (stable across saves), a UUID. */
    id: z.uuid({ error: 'A line id must be a UUID' }),
    category: BudgetCategory,
    description: Text('description of the line', 300).min(1, 'Say what the line pays for'),
    unitCost: MinorAmount('the unit cost'),
    quantity: z.coerce
      .number({ error: 'Give the quantity' })
      .int('Give a whole quantity')
      .min(1, 'The quantity is at least 1')
      .max(100_000, 'The quantity is at most 100,000'),
    /** What the CBO itself pays of this line (cash or in kind). */
    contribution: MinorAmount('the contribution').default(0),
  })
  .superRefine((line, ctx) => {
    if (line.contribution > line.unitCost * line.quantity) {
      ctx.addIssue({
        code: 'custom',
        path: ['contribution'],
        message: 'The contribution is more than the line costs',
      });
    }
  });
export type BudgetLine = z.output<typeof BudgetLine>;

/** The budget's sums, computed by the service (never trusted from the client). */
export const BudgetTotals = z.object({
  /** Σ unit cost × quantity. */
  total: z.number().int(),
  /** Σ contribution. */
  contribution: z.number().int(),
  /** What the CBO asks the round for: total − contribution. */
  requested: z.number().int(),
});
export type BudgetTotals = z.infer<typeof BudgetTotals>;

/** The sums of a budget, in minor units. */
export function budgetTotals(
  lines: ReadonlyArray<Pick<BudgetLine, 'unitCost' | 'quantity' | 'contribution'>>,
): BudgetTotals {
  let total = 0;
  let contribution = 0;
  for (const line of lines) {
    total += line.unitCost * line.quantity;
    contribution += line.contribution;
  }
  return { total, contribution, requested: total - contribution };
}

/** A file attached to an application, uploaded first (resumably) and then attached. */
export const Attachment = z.object({
  id: z.uuid(),
  kind: AttachmentKind,
  /** The name as the member's device gave it (shown, never used as a path). */
  fileName: z.string(),
  /** The type told by the content. */
  contentType: AttachmentType,
  size: z.number().int(),
  uploadedAt: z.iso.datetime(),
});
export type Attachment = z.infer<typeof Attachment>;

/** What the CBO edits: the plan and the budget lines. */
export const ApplicationDraft = z.object({
  plan: ActivityPlan.default(ActivityPlan.parse({})),
  budget: z.array(BudgetLine).max(60, 'At most 60 budget lines').default([]),
});
export type ApplicationDraft = z.output<typeof ApplicationDraft>;

/** A decision the CBO sees: approved (for an amount), declined with the reason, or returned for changes. */
export const ApplicationDecision = z.object({
  outcome: z.enum(['approved', 'declined', 'returned']),
  /** The approved amount (may be lower than requested). */
  amount: z.number().int().nullable(),
  reason: z.string().nullable(),
  decidedAt: z.iso.datetime(),
});
export type ApplicationDecision = z.infer<typeof ApplicationDecision>;

export const GrantApplication = z.object({
  id: z.uuid(),
  roundId: z.uuid(),
  /** Null for a reviewer of a blind round. */
  cboId: z.uuid().nullable(),
  /** The CBO's name as the reviewer or staff see it; null for a reviewer of a blind round. */
  cboName: z.string().nullable(),
  /** Its Khmer name, when it has one; null for a reviewer of a blind round. */
  cboNameKm: z.string().nullable(),
  stage: ApplicationStage,
  /** Given at the first submission. */
  reference: z.string().nullable(),
  currency: GrantCurrency,
  plan: ActivityPlan,
  budget: z.array(BudgetLine),
  totals: BudgetTotals,
  attachments: z.array(Attachment),
  /** Grows by one with every saved change; a save names the version it started from. */
  version: z.number().int(),
  decision: ApplicationDecision.nullable(),
  submittedAt: z.iso.datetime().nullable(),
  /** Who submitted it (the member's account); null for a reviewer of a blind round. */
  submittedBy: z.uuid().nullable(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});
export type GrantApplication = z.infer<typeof GrantApplication>;

/**
 * A CBO member starts their CBO's application to an open round it may apply to; asking again
 * answers the same draft (`created: false`). A CBO that is not grant-eligible, or outside the
 * round's provinces or issues, is CONFLICT `not_eligible` (`details.rules`); a round not open
 * CONFLICT `round_not_open`.
 */
export const startGrantApplication = defineContract({
  subject: 'grants.application.start',
  request: z.object({ roundId: z.uuid() }),
  response: z.object({ application: GrantApplication, created: z.boolean() }),
});

/**
 * Saves the draft whole. `baseVersion` is the version the member's copy started from: if the
 * server holds a newer one (another tab, another phone), nothing is saved and the answer is
 * CONFLICT `draft_newer` with `details.current` the server's application, so the web can say
 * which copy won. Saving the same content again changes nothing. A submitted application is
 * CONFLICT `not_editable`.
 */
export const saveGrantApplication = defineContract({
  subject: 'grants.application.save',
  request: z.object({
    id: z.uuid(),
    baseVersion: z.coerce.number({ error: 'Give the version the draft started from' }).int().min(0),
    draft: ApplicationDraft,
  }),
  response: z.object({ application: GrantApplication, saved: z.boolean() }),
});

/**
 * Submits the application: every required field, at least one budget line, the amount within
 * the round's minimum and ceiling, the round still open (else VALIDATION_FAILED with the
 * fields, or CONFLICT `round_not_open`). Locks it, gives a reference, mails a receipt to the
 * submitter and starts (or, after a return, resumes) its workflow, all in one transaction.
 * Submitting again with the same key, or an application already submitted, answers the same
 * submission (`submitted: false`).
 */
export const submitGrantApplication = defineContract({
  subject: 'grants.application.submit',
  request: z.object({
    id: z.uuid(),
    idempotencyKey: IdempotencyKey,
    baseVersion: z.coerce.number().int().min(0),
  }),
  response: z.object({ application: GrantApplication, submitted: z.boolean() }),
});

/**
 * An application: the CBO's own members; programme staff (grant readers); an assigned reviewer
 * once they declared no conflict (blind rounds hide the CBO); an approver of its chain. Anyone
 * else NOT_FOUND.
 */
export const getGrantApplication = defineContract({
  subject: 'grants.application.get',
  request: z.object({ id: z.uuid() }),
  response: z.object({ application: GrantApplication }),
});

/** The caller's CBO's applications (members), newest first. */
export const listMyGrantApplications = defineContract({
  subject: 'grants.application.mine',
  request: z.object({}),
  response: z.object({ items: z.array(GrantApplication) }),
});

/** One application in a round's list, for staff. */
export const GrantApplicationSummary = GrantApplication.pick({
  id: true,
  roundId: true,
  cboId: true,
  cboName: true,
  cboNameKm: true,
  stage: true,
  reference: true,
  currency: true,
  totals: true,
  decision: true,
  submittedAt: true,
  updatedAt: true,
}).extend({
  title: z.string(),
  provinceCode: z.string().nullable(),
  /** The mean weighted review score out of 100, once at least one review is in. */
  score: z.number().nullable(),
  reviewsDone: z.number().int(),
  reviewsNeeded: z.number().int(),
});
export type GrantApplicationSummary = z.infer<typeof GrantApplicationSummary>;

export const GrantApplicationListQuery = z.object({
  roundId: z.uuid(),
  stage: ApplicationStage.optional(),
  provinceCode: ProvinceCode.optional(),
  q: z.string().trim().max(100).optional(),
  /** The latest submitted first, or the highest mean review score first (not yet scored last). */
  sort: z.enum(['recent', 'score']).default('recent'),
  limit: z.coerce.number().int().min(1).max(1000).default(100),
  offset: z.coerce.number().int().min(0).default(0),
});

/** A round's applications for staff (grant readers), with counts per stage over the whole round. */
export const listGrantApplications = defineContract({
  subject: 'grants.application.list',
  request: GrantApplicationListQuery,
  response: z.object({
    items: z.array(GrantApplicationSummary),
    total: z.number().int(),
    counts: z.record(ApplicationStage, z.number().int()),
  }),
});

/**
 * Attaches an uploaded file (the gateway's upload id, its content already checked) to a draft.
 * Over the application's size limit is CONFLICT `attachments_too_large`; the same upload twice
 * answers the same attachment.
 */
export const attachGrantFile = defineContract({
  subject: 'grants.application.attach',
  request: z.object({
    id: z.uuid(),
    uploadId: z.string().min(1).max(200),
    kind: AttachmentKind,
    fileName: z.string().trim().min(1).max(200),
    contentType: AttachmentType,
    size: z.number().int().min(1),
  }),
  response: z.object({ application: GrantApplication, attachment: Attachment }),
});

/** Removes an attachment from a draft (its file is deleted by the gateway's storage). */
export const detachGrantFile = defineContract({
  subject: 'grants.application.detach',
  request: z.object({ id: z.uuid(), attachmentId: z.uuid() }),
  response: z.object({ application: GrantApplication, uploadId: z.string() }),
});

/** Where an attachment's bytes are, for the gateway to stream them to someone who may read the application. */
export const getGrantAttachment = defineContract({
  subject: 'grants.attachment.get',
  request: z.object({ id: z.uuid(), attachmentId: z.uuid() }),
  response: z.object({ attachment: Attachment, uploadId: z.string() }),
});

/** The automatic eligibility rules' verdict on a submitted application (the workflow's first step). */
export const EligibilityCheck = z.object({
  passed: z.boolean(),
  failed: z.array(EligibilityRule),
});
export type EligibilityCheck = z.infer<typeof EligibilityCheck>;
