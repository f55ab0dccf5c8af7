import { Injectable } from '@nestjs/common';
import type { Caller } from '@bandanh/contracts';
import { requireGroup, requireSystem } from '@bandanh/platform';
import type { FollowUpOutcome, ReferralFollowUpInput } from '@bandanh/workflows';
import { ReferralWorkflows } from './referrals.temporal';

/** Hotline referrals' follow-ups: who may start one, and who may record its outcome. */
@Injectable()
export class ReferralsService {
  constructor(private readonly workflows: ReferralWorkflows) {}

  /** The network service's outbox starts a follow-up, with the referral it committed. */
  async start(
    caller: Caller,
    input: ReferralFollowUpInput,
  ): Promise<{ workflowId: string; started: boolean }> {
    requireSystem(caller, 'network');
    return this.workflows.start(input);
  }

  /** Hotline staff record the outcome; the workflow refuses it once the referral is closed. */
  async recordOutcome(
    caller: Caller,
    referralId: string,
    outcome: FollowUpOutcome,
    note: string | undefined,
  ): Promise<{ workflowId: string }> {
    const staff = requireGroup(caller, 'hotlineStaff');
    return this.workflows.recordOutcome(referralId, {
      actor: { userId: staff.userId, roles: staff.roles },
      outcome,
      note,
    });
  }
}
