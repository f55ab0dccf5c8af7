import { defineQuery, defineUpdate } from '@temporalio/workflow';
import type { Referral } from '@bandanh/contracts';
import type { Actor, TaskActivities } from '../shared/definitions';

export const REFERRAL_FOLLOW_UP_WORKFLOW = 'referralFollowUp';

export interface ReferralFollowUpInput {
  referralId: string;
  cboId: string;
  /** How the task names it: the CBO and the partner. */
  label: string;
}

/** What the follow-up records: the partner's answer, "in progress" keeping it open. */
export type FollowUpOutcome = NonNullable<Referral['outcome']>;

/** A coordinator's step: the outcome of the referral, and a note. */
export interface FollowUpStep {
  actor: Actor;
  outcome: FollowUpOutcome;
  note?: string;
}

export const referralOutcomeUpdate = defineUpdate<{ status: 'open' | 'closed' }, [FollowUpStep]>(
  'recordOutcome',
);
export const referralStatusQuery = defineQuery<'open' | 'closed'>('status');

export interface ReferralActivities extends TaskActivities {
  recordReferralOutcome(input: {
    referralId: string;
    outcome: FollowUpOutcome;
    note?: string;
    /** The coordinator whose step it is, and the round: for the audit entry, once per round. */
    recordedBy?: string;
    round?: number;
  }): Promise<void>;
}
