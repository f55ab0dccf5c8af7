import { z } from 'zod';
import { TRAINING_SCHEDULE_REFUSALS } from './constants/training';

/**
 * The rules' vocabulary: why a step was refused, one enum per domain. A refusal carries its
 * reason in `details.reason` (with the facts that go with it, e.g. `details.stage`); workflows,
 * services and the web name reasons from these lists, never as loose strings. The `*_REFUSALS`
 * arrays are plain constants, for code (workflows, client components) that must not load zod.
 */

/** A step of a CBO's pipeline (assessment, decision, reassessment, withdrawal, recording). */
export const PIPELINE_REFUSALS = [
  /** The CBO is not at the stage the step needs (`details.stage` says where it is). */
  'wrong_stage',
  /** Another step for the same CBO is being recorded. */
  'busy',
  /** The approver took part in what they would decide. */
  'four_eyes',
  /** A declined CBO cannot be reassessed before `details.reassessableFrom`. */
  'too_early',
  /** A CBO like this one is already recorded (`details.duplicates` lists them). */
  'possible_duplicate',
  /** Recording a CBO in a province whose expansion phase has not opened (`details.opensOn`). */
  'province_not_open',
  /** A duplicate decision for a CBO not flagged as a likely duplicate of that one. */
  'not_flagged',
  /** A coordinator already decided about this CBO's likely duplicates (`details.decision`). */
  'duplicate_decided',
] as const;
export const PipelineRefusal = z.enum(PIPELINE_REFUSALS);
export type PipelineRefusal = z.infer<typeof PipelineRefusal>;

/** A step of a hotline referral's follow-up. */
export const REFERRAL_REFUSALS = ['already_closed', 'busy'] as const;
export const ReferralRefusal = z.enum(REFERRAL_REFUSALS);
export type ReferralRefusal = z.infer<typeof ReferralRefusal>;

/** Accounts: sign-in, two-factor enrolment, links and claims between members and CBOs. */
export const ACCOUNT_REFUSALS = [
  /** The second-factor challenge is too old; sign in again. */
  'challenge_expired',
  'already_enabled',
  /** Confirming two-factor before starting its enrolment. */
  'not_started',
  /** The account already belongs to a CBO. */
  'already_linked',
  /** The account already has a claim waiting for a coordinator. */
  'claim_pending',
  'already_decided',
  /** An admin invited an address that already has an account (change its roles instead). */
  'account_exists',
  /** A password reset link that was used, replaced by a newer one, or has expired. */
  'reset_link_invalid',
  /** Recovery codes asked for by an account without two-factor authentication. */
  'mfa_not_enabled',
  /** An admin resetting their own second factor (another admin must). */
  'own_account',
] as const;
export const AccountRefusal = z.enum(ACCOUNT_REFUSALS);
export type AccountRefusal = z.infer<typeof AccountRefusal>;

/** The expansion plan. */
export const EXPANSION_REFUSALS = [
  /** A phase that has opened cannot be moved or emptied. */
  'phase_already_open',
] as const;
export const ExpansionRefusal = z.enum(EXPANSION_REFUSALS);
export type ExpansionRefusal = z.infer<typeof ExpansionRefusal>;

/** A step of a training session's workflow (move, cancel, attendance). */
export const TRAINING_SESSION_REFUSALS = [
  /** Another step for the same session is being recorded. */
  'busy',
  /** The session has been held: it can no longer be moved or cancelled. */
  'already_held',
  /** The session was cancelled. */
  'session_cancelled',
  /** A new start in the past, or an end not after the start. */
  'invalid_time',
  /** Attendance taken by someone who is not a trainer of the session. */
  'not_session_trainer',
  /** Attendance before the session has been held. */
  'not_held_yet',
  /** Attendance already recorded. */
  'attendance_recorded',
  /** Marks that do not match the expected attendees (`details.unexpected`, `details.missing`). */
  'attendees_mismatch',
] as const;
export const TrainingSessionRefusal = z.enum(TRAINING_SESSION_REFUSALS);
export type TrainingSessionRefusal = z.infer<typeof TrainingSessionRefusal>;

/** Every reason a refusal may carry. */
export type RefusalReason =
  | PipelineRefusal
  | ReferralRefusal
  | AccountRefusal
  | ExpansionRefusal
  | TrainingRefusal
  | TrainingScheduleRefusal
  | TrainingSessionRefusal
  | TrainingSeatRefusal
  | GrantRefusal;

/** The training catalogue and trainers. */
export const TRAINING_REFUSALS = [
  /** A new module with an id the catalogue already holds. */
  'module_exists',
] as const;
export const TrainingRefusal = z.enum(TRAINING_REFUSALS);
export type TrainingRefusal = z.infer<typeof TrainingRefusal>;

/** Why a session cannot be scheduled: the scheduling rules' codes (constants/training.ts). */
export { TRAINING_SCHEDULE_REFUSALS };
export const TrainingScheduleRefusal = z.enum(TRAINING_SCHEDULE_REFUSALS);
export type TrainingScheduleRefusal = z.infer<typeof TrainingScheduleRefusal>;

/** Why a CBO member's seat at a session is refused (apps/training/src/scheduling/seats.ts). */
export const TRAINING_SEAT_REFUSALS = [
  /** The member's CBO already holds as many confirmed seats as it may. */
  'cbo_limit_reached',
  /** The member's account is not linked to a CBO yet. */
  'not_linked_to_cbo',
  /** The session was cancelled or has been held. */
  'session_closed',
  /** The member's CBO is not invited to the session. */
  'not_invited',
] as const;
export const TrainingSeatRefusal = z.enum(TRAINING_SEAT_REFUSALS);
export type TrainingSeatRefusal = z.infer<typeof TrainingSeatRefusal>;

/** Grants: rounds, applications and the steps of an application's workflow. */
export const GRANT_REFUSALS = [
  /** Another step for the same application is being recorded. */
  'busy',
  /** The application is not at the stage the step needs (`details.stage` says where it is). */
  'wrong_stage',
  /** The round does not take applications now (`details.state`: upcoming or closed). */
  'round_not_open',
  /** The CBO may not apply to this round (`details.rules` lists the eligibility rules it fails). */
  'not_eligible',
  /** A newer copy of the draft is saved (`details.current` is the server's application). */
  'draft_newer',
  /** The application is submitted: it can no longer be changed. */
  'not_editable',
  /** The application's files would be larger than its limit (`details.limit`, `details.used`). */
  'attachments_too_large',
  /** Once a round has applications, its rubric, currency and chain stay as they were. */
  'round_in_use',
  /** A round's budget below what its approved grants already took (`details.committed`). */
  'budget_below_committed',
  /** An approval for more than is left of the round's envelope (`details.remaining`). */
  'envelope_exhausted',
  /** The approver reviewed it, assessed the CBO, submitted it or decided an earlier step. */
  'four_eyes',
  /** The caller does not hold the current step's role (`details.role`). */
  'not_your_step',
  /** The caller is not an assigned reviewer of the application. */
  'not_assigned',
  /** Scoring before declaring no conflict. */
  'not_declared',
  /** The reviewer already declared, or already scored. */
  'already_done',
  /** An approved amount above the requested one or an earlier step's (`details.max`). */
  'amount_too_high',
  /** A decline, a return or an ineligibility without the reason the CBO will read. */
  'reason_required',
] as const;
export const GrantRefusal = z.enum(GRANT_REFUSALS);
export type GrantRefusal = z.infer<typeof GrantRefusal>;
