import { z } from 'zod';
import { defineContract } from '../contract';
import { FocusIssue, IN_FUTURE, dateInCambodia, todayInCambodia } from './cbo';
import { HOTLINE_CHANNELS, REFERRAL_OUTCOMES, REFERRAL_STATUSES } from '../constants/hotline';

const text = (label: string, max: number) =>
  z.string().trim().min(1, `${label} is required`).max(max, `${label} must be at most ${max} characters`);
const optional = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .optional()
    .transform((value) => (value ? value : undefined));

/** A partner NGO the hotline refers groups to. */
export const PartnerDraft = z.object({
  name: text('Name', 200),
  expertise: z.array(FocusIssue).min(1, 'Choose at least one area of expertise'),
  description: optional(1000),
  contactName: optional(120),
  phone: optional(40),
  email: z
    .email({ error: 'Enter a valid email address' })
    .optional()
    .or(z.literal('').transform(() => undefined)),
  active: z.boolean().default(true),
});
export type PartnerDraft = z.output<typeof PartnerDraft>;

export const Partner = z.object({
  id: z.uuid(),
  name: z.string(),
  expertise: z.array(FocusIssue),
  description: z.string().nullable(),
  contactName: z.string().nullable(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
  active: z.boolean(),
});
export type Partner = z.infer<typeof Partner>;

export const listPartners = defineContract({
  subject: 'network.partner.list',
  request: z.object({ includeInactive: z.boolean().default(false) }),
  response: z.object({ items: z.array(Partner) }),
});
export const savePartner = defineContract({
  subject: 'network.partner.save',
  request: z.object({
    id: z.uuid().optional(),
    idempotencyKey: z.string().optional(),
    partner: PartnerDraft,
  }),
  response: z.object({ partner: Partner, created: z.boolean() }),
});

export { HOTLINE_CHANNELS, REFERRAL_OUTCOMES, REFERRAL_STATUSES };
export const ReferralOutcome = z.enum(REFERRAL_OUTCOMES, { error: 'Choose the outcome' });

/** When a call happened: its date in Cambodia is not after today. */
const OccurredAt = z.iso
  .datetime({ offset: true, error: 'Give the date and time' })
  .refine((value) => dateInCambodia(new Date(value)) <= todayInCambodia(), {
    message: 'The call date cannot be after today',
    params: { reason: IN_FUTURE },
  });

/** What a call was: the facts a correction may change too. */
const HotlineCallFacts = z.object({
  channel: z.enum(HOTLINE_CHANNELS, { error: 'Choose call, message or visit' }),
  /** Who called, as they gave their name. */
  callerName: text('Caller', 120),
  occurredAt: OccurredAt.optional(),
  issue: FocusIssue,
  summary: text('What the group asked', 2000),
  guidance: text('Guidance given', 2000),
});

export const HotlineCallDraft = HotlineCallFacts.extend({
  /** Where the NGO lacks the expertise: the partner the group is referred to. */
  referral: z
    .object({ partnerId: z.uuid({ error: 'Choose a partner NGO' }), reason: text('Reason', 1000) })
    .optional(),
});
export type HotlineCallDraft = z.output<typeof HotlineCallDraft>;

export const Referral = z.object({
  id: z.uuid(),
  callId: z.uuid(),
  cboId: z.uuid(),
  cboName: z.string(),
  partnerId: z.uuid(),
  partnerName: z.string(),
  reason: z.string(),
  status: z.enum(REFERRAL_STATUSES),
  outcome: ReferralOutcome.nullable(),
  outcomeNote: z.string().nullable(),
  outcomeAt: z.iso.datetime().nullable(),
  createdAt: z.iso.datetime(),
});
export type Referral = z.infer<typeof Referral>;

export const HotlineCall = z.object({
  id: z.uuid(),
  cboId: z.uuid(),
  channel: z.enum(HOTLINE_CHANNELS),
  callerName: z.string(),
  occurredAt: z.iso.datetime(),
  issue: FocusIssue,
  summary: z.string(),
  guidance: z.string(),
  loggedBy: z.uuid(),
  /** The last correction of the call, if any (the audit log keeps each, with what it was before). */
  correctedBy: z.uuid().nullable(),
  correctedAt: z.iso.datetime().nullable(),
  referral: Referral.nullable(),
});
export type HotlineCall = z.infer<typeof HotlineCall>;

/** A correction of a call logged wrong: its facts as they should have been (the referral stays). */
export const HotlineCallCorrection = HotlineCallFacts.extend({
  occurredAt: OccurredAt,
  /** Why it is corrected, kept in the audit log. */
  note: optional(500),
});
export type HotlineCallCorrection = z.output<typeof HotlineCallCorrection>;

/**
 * Hotline staff correct a call logged wrong: nothing is deleted, and the audit log keeps who
 * corrected it, when, and what it was before and after.
 */
export const correctHotlineCall = defineContract({
  subject: 'network.hotline.correct',
  request: z.object({ id: z.uuid(), correction: HotlineCallCorrection }),
  response: z.object({ call: HotlineCall }),
});

export const logHotlineCall = defineContract({
  subject: 'network.hotline.log',
  request: z.object({ idempotencyKey: z.string().min(8), cboId: z.uuid(), call: HotlineCallDraft }),
  response: z.object({ call: HotlineCall, created: z.boolean() }),
});

export const listHotlineCalls = defineContract({
  subject: 'network.hotline.list',
  request: z.object({
    cboId: z.uuid().optional(),
    limit: z.coerce.number().int().min(1).max(100).default(50),
  }),
  response: z.object({ items: z.array(HotlineCall) }),
});

export const listReferrals = defineContract({
  subject: 'network.referral.list',
  request: z.object({ status: z.enum(REFERRAL_STATUSES).optional() }),
  response: z.object({ items: z.array(Referral) }),
});

export const getReferral = defineContract({
  subject: 'network.referral.get',
  request: z.object({ id: z.uuid() }),
  response: z.object({ referral: Referral }),
});

export const ReferralOutcomeDraft = z.object({ outcome: ReferralOutcome, note: optional(1000) });

/** Written by the referral's follow-up workflow. */
export const recordReferralOutcome = defineContract({
  subject: 'network.referral.recordOutcome',
  request: z.object({
    id: z.uuid(),
    outcome: ReferralOutcome,
    note: z.string().optional(),
    /** The coordinator whose step it was (for the audit log), and the follow-up's round. */
    recordedBy: z.uuid().optional(),
    round: z.number().int().min(0).optional(),
  }),
  response: z.object({ referral: Referral }),
});
