import { Controller } from '@nestjs/common';
import {
  getReferral,
  listReferrals,
  recordReferralOutcome,
  type Caller,
  type ParsedRequestOf,
} from '@bandanh/contracts';
import { Handles } from '@bandanh/platform';
import { ReferralsService } from './referrals.service';

@Controller()
export class ReferralsHandlers {
  constructor(private readonly referrals: ReferralsService) {}

  @Handles(listReferrals)
  async list({ status }: ParsedRequestOf<typeof listReferrals>, caller: Caller) {
    return { items: await this.referrals.list(caller, status) };
  }

  @Handles(getReferral)
  async get({ id }: ParsedRequestOf<typeof getReferral>, caller: Caller) {
    return { referral: await this.referrals.get(caller, id) };
  }

  @Handles(recordReferralOutcome)
  async outcome(
    { id, outcome, note, recordedBy, round }: ParsedRequestOf<typeof recordReferralOutcome>,
    caller: Caller,
  ) {
    return { referral: await this.referrals.recordOutcome(caller, id, outcome, note, { recordedBy, round }) };
  }
}
