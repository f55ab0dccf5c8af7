import { Injectable } from '@nestjs/common';
import {
  getReferral,
  listReferrals,
  recordReferralFollowUp,
  type Caller,
  type RequestOf,
} from '@bandanh/contracts';
import { NatsRpc } from '@bandanh/platform';

type Outcome = Omit<RequestOf<typeof recordReferralFollowUp>, 'referralId'>;

/** Referrals are the network service's; their follow-up is a workflow of the orchestrator's. */
@Injectable()
export class ReferralsService {
  constructor(private readonly rpc: NatsRpc) {}

  list(caller: Caller, query: RequestOf<typeof listReferrals>) {
    return this.rpc.send(listReferrals, query, caller);
  }

  /**
   * The referral's follow-up workflow records the outcome and closes its task (and refuses a
   * closed referral, CONFLICT `already_closed`); the answer is the referral as it is then.
   */
  async recordOutcome(caller: Caller, referralId: string, outcome: Outcome) {
    await this.rpc.send(recordReferralFollowUp, { referralId, ...outcome }, caller);
    return this.rpc.send(getReferral, { id: referralId }, caller);
  }
}
