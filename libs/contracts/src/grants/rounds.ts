import { z } from 'zod';
import { APPROVAL_ROLES, GRANT_CURRENCIES } from '../constants/grants';
import { defineContract } from '../contract';
import { FocusIssue, IdempotencyKey } from '../network/cbo';
import { ProvinceCode } from '../network/provinces';

/**
 * Grant rounds: an admin opens one with its budget envelope, its limits per grant, its dates
 * (Asia/Phnom_Penh), who may apply, its review rubric and its approval chain by amount.
 * Every amount is an integer in the currency's minor units (cents for USD, sen for KHR).
 */

export const GrantCurrency = z.enum(GRANT_CURRENCIES, { error: 'Choose USD or KHR' });
export type GrantCurrency = z.infer<typeof GrantCurrency>;

export const ApprovalRole = z.enum(APPROVAL_ROLES, {
  error: 'Choose the programme manager, the grant committee, the director or an approver',
});
export type ApprovalRole = z.infer<typeof ApprovalRole>;

/** An amount of money in minor units: a whole, non-negative number. */
export const MinorAmount = (what: string) =>
  z.coerce
    .number({ error: `Give ${what} as a number` })
    .int(`Give ${what} in whole cents`)
    .min(0, `${what[0]?.toUpperCase()}${what.slice(1)} cannot be negative`)
    .max(1_000_000_000_000, `${what[0]?.toUpperCase()}${what.slice(1)} is too large`);

/** A date and time as an ISO instant (the web sends Phnom Penh wall time converted, with its offset). */
const Instant = (what: string) =>
  z.iso.datetime({ offset: true, error: `Give the ${what} as a date and time` });

const Label = (what: string) =>
  z
    .string({ error: `Give the ${what}` })
    .trim()
    .min(1, `Give the ${what}`)
    .max(200, `The ${what} must be at most 200 characters`);

/** One criterion of a round's review rubric: each reviewer scores it from 0 to `maxScore`. */
export const GrantRubricCriterion = z.object({
  key: z
    .string({ error: 'Give the criterion a key' })
    .trim()
    .regex(/^[a-z][a-z0-9_]{0,39}$/, 'A key is lower-case letters, digits and _ (like relevance)'),
  labelKm: Label('Khmer label'),
  labelEn: Label('English label'),
  /** Its share of the total, relative to the other criteria's weights. */
  weight: z.coerce.number().int('A weight is a whole number').min(1, 'A weight is at least 1').max(100),
  maxScore: z.coerce
    .number()
    .int()
    .min(1, 'The top score is at least 1')
    .max(10, 'The top score is at most 10')
    .default(5),
});
export type GrantRubricCriterion = z.infer<typeof GrantRubricCriterion>;

/**
 * One step of the approval chain: `role` decides every application asking for more than
 * `aboveAmount` (the first step's is 0, so it decides all). Steps decide in this order.
 */
export const ApprovalStep = z.object({
  role: ApprovalRole,
  aboveAmount: MinorAmount('the amount above which this step decides'),
});
export type ApprovalStep = z.infer<typeof ApprovalStep>;

/** The steps of `chain` that decide an application for `amount`, in order. */
export function approvalStepsFor(chain: readonly ApprovalStep[], amount: number): ApprovalStep[] {
  return chain.filter((step) => amount > step.aboveAmount || step.aboveAmount === 0);
}

/** Who may apply: grant-eligible CBOs, optionally only from these provinces or on these issues. */
export const RoundEligibility = z.object({
  /** Empty: every province. */
  provinceCodes: z.array(ProvinceCode).max(25).default([]),
  /** Empty: every focus issue. */
  focusIssues: z.array(FocusIssue).max(10).default([]),
});
export type RoundEligibility = z.infer<typeof RoundEligibility>;

const RoundFields = z.object({
  nameKm: Label('Khmer name'),
  nameEn: Label('English name'),
  currency: GrantCurrency.default('USD'),
  /** The envelope: what all the round's approved grants together may not exceed. */
  budget: MinorAmount('the budget').refine((value) => value > 0, 'The budget must be more than 0'),
  minAmount: MinorAmount('the minimum per grant'),
  maxAmount: MinorAmount('the ceiling per grant').refine(
    (value) => value > 0,
    'The ceiling must be more than 0',
  ),
  opensAt: Instant('opening'),
  closesAt: Instant('closing'),
  eligibility: RoundEligibility.default({ provinceCodes: [], focusIssues: [] }),
  rubric: z
    .array(GrantRubricCriterion, { error: 'Give the review rubric' })
    .min(1, 'The rubric needs at least one criterion')
    .max(12, 'At most 12 criteria'),
  reviewersPerApplication: z.coerce
    .number()
    .int()
    .min(1, 'At least one reviewer')
    .max(5, 'At most 5 reviewers')
    .default(2),
  blindReview: z.coerce.boolean().default(false),
  approvalChain: z
    .array(ApprovalStep, { error: 'Give the approval chain' })
    .min(1, 'The chain needs at least one step')
    .max(6, 'At most 6 steps'),
});

const isNumber = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value);

/**
 * Checks what no single field can: the order of limits, dates, steps and criteria. It runs even
 * when a field is wrong (the admin hears of every mistake at once, not in two rounds), so it
 * compares only the values that are themselves valid.
 */
function checkRound(round: z.output<typeof RoundFields>, ctx: z.RefinementCtx): void {
  if (isNumber(round.minAmount) && isNumber(round.maxAmount) && round.minAmount > round.maxAmount) {
    ctx.addIssue({ code: 'custom', path: ['minAmount'], message: 'The minimum is above the ceiling' });
  }
  if (isNumber(round.maxAmount) && isNumber(round.budget) && round.maxAmount > round.budget) {
    ctx.addIssue({ code: 'custom', path: ['maxAmount'], message: 'The ceiling is above the whole budget' });
  }
  if (Date.parse(round.closesAt) <= Date.parse(round.opensAt)) {
    ctx.addIssue({ code: 'custom', path: ['closesAt'], message: 'The round must close after it opens' });
  }
  const keys = new Set<string>();
  const rubric: unknown[] = Array.isArray(round.rubric) ? round.rubric : [];
  rubric.forEach((criterion, index) => {
    const key = (criterion as { key?: unknown } | null)?.key;
    if (typeof key !== 'string') return;
    if (keys.has(key)) {
      ctx.addIssue({
        code: 'custom',
        path: ['rubric', index, 'key'],
        message: 'Each criterion needs its own key',
      });
    }
    keys.add(key);
  });
  const chain = (Array.isArray(round.approvalChain) ? round.approvalChain : []).map((step) => ({
    role: (step as { role?: unknown } | null)?.role,
    aboveAmount: (step as { aboveAmount?: unknown } | null)?.aboveAmount,
  }));
  if (chain[0] && isNumber(chain[0].aboveAmount) && chain[0].aboveAmount !== 0) {
    ctx.addIssue({
      code: 'custom',
      path: ['approvalChain', 0, 'aboveAmount'],
      message: 'The first step decides every application: its amount is 0',
    });
  }
  const roles = new Set<unknown>();
  chain.forEach((step, index) => {
    const before = chain[index - 1]?.aboveAmount;
    if (index > 0 && isNumber(step.aboveAmount) && isNumber(before) && step.aboveAmount < before) {
      ctx.addIssue({
        code: 'custom',
        path: ['approvalChain', index, 'aboveAmount'],
        message: 'Each step decides from the same amount as the one before it or above',
      });
    }
    if (typeof step.role === 'string' && roles.has(step.role)) {
      ctx.addIssue({
        code: 'custom',
        path: ['approvalChain', index, 'role'],
        message: 'Each role once in the chain',
      });
    }
    roles.add(step.role);
  });
}

/** A round as the admin writes it. */
export const GrantRoundDraft = RoundFields.superRefine(checkRound, {
  when: (payload) => typeof payload.value === 'object' && payload.value !== null,
});
export type GrantRoundDraft = z.output<typeof GrantRoundDraft>;

/** Whether a round takes applications now: not yet, open, or closed (by its dates). */
export const ROUND_STATES = ['upcoming', 'open', 'closed'] as const;
export const RoundState = z.enum(ROUND_STATES);
export type RoundState = z.infer<typeof RoundState>;

export const GrantRound = RoundFields.extend({
  id: z.uuid(),
  state: RoundState,
  /** What approved grants have taken from the envelope. */
  committed: z.number().int(),
  /** What is left of it: budget − committed. */
  remaining: z.number().int(),
  createdBy: z.uuid().nullable(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});
export type GrantRound = z.infer<typeof GrantRound>;

/** An admin opens a round (a retry with the same key answers the same round). */
export const createGrantRound = defineContract({
  subject: 'grants.round.create',
  request: z.object({ idempotencyKey: IdempotencyKey, draft: GrantRoundDraft }),
  response: z.object({ round: GrantRound, created: z.boolean() }),
});

/**
 * An admin changes a round. Once it has applications, its currency, rubric, reviewers per
 * application and approval chain stay as they were (CONFLICT `round_in_use`), and its budget
 * cannot fall below what is committed (CONFLICT `budget_below_committed`).
 */
export const updateGrantRound = defineContract({
  subject: 'grants.round.update',
  request: z.object({ id: z.uuid(), draft: GrantRoundDraft }),
  response: z.object({ round: GrantRound }),
});

/** A round: staff see every round; a CBO member only one their CBO may apply to (else NOT_FOUND). */
export const getGrantRound = defineContract({
  subject: 'grants.round.get',
  request: z.object({ id: z.uuid() }),
  response: z.object({ round: GrantRound }),
});

/**
 * The rounds, newest first: staff see all (optionally by state); a CBO member sees the open
 * rounds their CBO may apply to, and the rounds it has applied to.
 */
export const listGrantRounds = defineContract({
  subject: 'grants.round.list',
  request: z.object({ state: RoundState.optional() }),
  response: z.object({ items: z.array(GrantRound) }),
});
