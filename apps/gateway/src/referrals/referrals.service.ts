import { Injectable } from '@nestjs/common';
import {
  ReferralRefusal,
  getReferral,
  listReferrals,
  recordReferralFollowUp,
  type Caller,
  type RequestOf,
} from '@bandanh/contracts';
import { DomainError, NatsRpc } from '@bandanh/platform';

type Outcome = Omit<RequestOf<typeof recordReferralFollowUp>, 'referralId'>;

/** Referrals are the network service's; their follow-up is a workflow of the orchestrator's. */
@Injectable()
export class ReferralsService {
  constructor(private readonly rpc: NatsRpc) {}

  list(caller: Caller, query: RequestOf<typeof listReferrals>) {
    return this.rpc.send(listReferrals, query, caller);
  }

  /**
   * The referral's follow-up workflow records the outcome and closes its task; the answer is the
   * referral as it is then. A closed referral is refused here first: its workflow has ended, and
   * the orchestrator answers an update to an ended workflow with NOT_FOUND, not with its
   * validator's CONFLICT `already_closed` (which covers only a follow-up still running).
   */
  async recordOutcome(caller: Caller, referralId: string, outcome: Outcome) {
    const { referral } = await this.rpc.send(getReferral, { id: referralId }, caller);
    if (referral.status === 'closed') {
      throw new DomainError('CONFLICT', 'This referral is already closed', {
        reason: ReferralRefusal.enum.already_closed,
      });
    }
    await this.rpc.send(recordReferralFollowUp, { referralId, ...outcome }, caller, { timeoutMs: 30_000 });
    return this.rpc.send(getReferral, { id: referralId }, caller);
  }
}
