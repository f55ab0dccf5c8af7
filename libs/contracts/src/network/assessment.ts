import { z } from 'zod';
import { defineContract } from '../contract';
import { REGISTRATION_STATUSES } from '../constants/assessment';
import { UNOPENED_PROVINCE_POLICIES } from '../constants/cbo';

/** One criterion of the selection rubric, as an admin configures it. */
export const RubricCriterion = z.object({
  key: z
    .string()
    .trim()
    .regex(/^[a-z][a-z0-9_]{1,39}$/, 'A criterion key is 2 to 40 lower-case letters, digits or _'),
  labelEn: z.string().trim().min(1, 'Give the English label').max(120),
  labelKm: z.string().trim().min(1, 'Give the Khmer label').max(120),
  /** Its share of the total; the weights need not add up to anything. */
  weight: z.coerce.number().int().min(1, 'A weight is at least 1').max(100, 'A weight is at most 100'),
  /** The highest score the assessor may give. */
  maxScore: z.coerce.number().int().min(1).max(10, 'The highest score is at most 10'),
});
export type RubricCriterion = z.infer<typeof RubricCriterion>;

export const Rubric = z
  .array(RubricCriterion)
  .min(1, 'The rubric needs at least one criterion')
  .max(20, 'At most 20 criteria')
  .refine((criteria) => new Set(criteria.map((c) => c.key)).size === criteria.length, {
    message: 'Each criterion needs its own key',
  });
export type Rubric = z.infer<typeof Rubric>;

/** Programme settings an admin changes. */
export const NetworkSettings = z.object({
  /** During the pilot, CBOs whose main purpose is development work are declined. */
  pilotDeclinesDevelopment: z.boolean(),
  /** Days after a decline before the CBO may be assessed again. */
  reassessmentWaitDays: z.coerce.number().int().min(0).max(3650),
  rubric: Rubric,
  /** Recording a CBO in a province whose phase has not opened: allowed with a warning, or refused. */
  unopenedProvinces: z.enum(UNOPENED_PROVINCE_POLICIES, { error: 'Choose warn or refuse' }).default('warn'),
});
export type NetworkSettings = z.infer<typeof NetworkSettings>;

export const getNetworkSettings = defineContract({
  subject: 'network.settings.get',
  request: z.object({}),
  response: z.object({ settings: NetworkSettings, updatedAt: z.iso.datetime().nullable() }),
});

export const updateNetworkSettings = defineContract({
  subject: 'network.settings.update',
  request: NetworkSettings,
  response: z.object({ settings: NetworkSettings, updatedAt: z.iso.datetime().nullable() }),
});

export { REGISTRATION_STATUSES };
export const RegistrationStatus = z.enum(REGISTRATION_STATUSES, {
  error: 'Choose the registration status under the Law on Associations and NGOs',
});

const count = (label: string) =>
  z.coerce
    .number({ error: `${label} must be a number` })
    .int(`${label} must be a whole number`)
    .min(0, `${label} cannot be negative`)
    .max(100_000, `${label} must be at most 100000`);
const text = (label: string) =>
  z.string().trim().min(1, `${label} is required`).max(2000, `${label} must be at most 2000 characters`);

/** What the assessor records about the group, and the score of each rubric criterion. */
export const AssessmentDraft = z.object({
  membersWomen: count('Women members'),
  membersMen: count('Men members'),
  ongoingActivities: text('Ongoing activities'),
  plannedActivities: text('Planned activities'),
  ambitions: text('Ambitions'),
  leadership: text('Leadership'),
  meetingsHeld: count('Meetings held in the last year'),
  recordsKept: z.boolean(),
  registration: RegistrationStatus,
  risks: text('Risks faced'),
  /**
   * The assessor's word that women and men as counted are right where they differ from the
   * members recorded on the CBO: the CBO's member count is then updated to their sum.
   */
  updateMembersCount: z.boolean().optional(),
  scores: z.record(
    z.string(),
    z.coerce.number().int('A score is a whole number').min(0, 'A score is at least 0'),
  ),
});
export type AssessmentDraft = z.infer<typeof AssessmentDraft>;

export const ScorePart = z.object({
  key: z.string(),
  labelEn: z.string(),
  labelKm: z.string(),
  score: z.number().int(),
  maxScore: z.number().int(),
  weight: z.number().int(),
  /** This criterion's points out of its weight's share of 100. */
  points: z.number(),
});
export type ScorePart = z.infer<typeof ScorePart>;

export const Assessment = AssessmentDraft.omit({ scores: true, updateMembersCount: true }).extend({
  id: z.uuid(),
  cboId: z.uuid(),
  assessedBy: z.uuid(),
  assessedAt: z.iso.datetime(),
  parts: z.array(ScorePart),
  /** Out of 100. */
  total: z.number(),
});
export type Assessment = z.infer<typeof Assessment>;

/** Stored by the pipeline workflow once its validator has accepted the step. */
export const recordAssessment = defineContract({
  subject: 'network.assessment.record',
  request: z.object({
    /** The workflow's own id for the step: a retried activity stores it once. */
    stepId: z.string().min(1),
    cboId: z.uuid(),
    assessedBy: z.uuid(),
    draft: AssessmentDraft,
  }),
  response: z.object({ assessment: Assessment }),
});

/**
 * Checks the scores against the rubric in force, and (with the CBO) that women and men add up
 * to its members unless the assessor confirms the new count, without storing anything.
 */
export const checkAssessment = defineContract({
  subject: 'network.assessment.check',
  request: z.object({ draft: AssessmentDraft, cboId: z.uuid().optional() }),
  response: z.object({ parts: z.array(ScorePart), total: z.number() }),
});

/** Every assessment of a CBO, newest first (staff only). */
export const listAssessments = defineContract({
  subject: 'network.assessment.list',
  request: z.object({ cboId: z.uuid() }),
  response: z.object({ items: z.array(Assessment) }),
});

/** What the pipeline asks when a CBO is identified: does a programme rule decline it at once? */
export const screenCbo = defineContract({
  subject: 'network.cbo.screen',
  request: z.object({ cboId: z.uuid() }),
  response: z.object({
    name: z.string(),
    declineReason: z.string().nullable(),
    reassessmentWaitDays: z.number().int(),
  }),
});
