import { defineQuery, defineUpdate } from '@temporalio/workflow';
import type { Referral } from '@bandanh/contracts';
import type { Actor, TaskActivities } from '../cbo-pipeline/definitions';

export const REFERRAL_FOLLOW_UP_WORKFLOW = 'referralFollowUp';

export interface ReferralFollowUpInput {
  referralId: string;
  cboId: string;
  /** How the task names it: the CBO and the partner. */
  label: string;
}

type Outcome = NonNullable<Referral['outcome']>;

export const referralOutcomeUpdate = defineUpdate<
  { status: 'open' | 'closed' },
  [{ actor: Actor; outcome: Outcome; note?: string }]
>('recordOutcome');
export const referralStatusQuery = defineQuery<'open' | 'closed'>('status');

export interface ReferralActivities extends TaskActivities {
  recordReferralOutcome(input: { referralId: string; outcome: Outcome; note?: string }): Promise<void>;
}
