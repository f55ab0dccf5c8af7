import { Controller } from '@nestjs/common';
import {
  recordReferralFollowUp,
  startReferralFollowUp,
  type Caller,
  type ParsedRequestOf,
} from '@bandanh/contracts';
import { Handles } from '@bandanh/platform';
import { ReferralsService } from './referrals.service';

@Controller()
export class ReferralsHandlers {
  constructor(private readonly referrals: ReferralsService) {}

  @Handles(startReferralFollowUp)
  start(input: ParsedRequestOf<typeof startReferralFollowUp>, caller: Caller) {
    return this.referrals.start(caller, input);
  }

  @Handles(recordReferralFollowUp)
  outcome({ referralId, outcome, note }: ParsedRequestOf<typeof recordReferralFollowUp>, caller: Caller) {
    return this.referrals.recordOutcome(caller, referralId, outcome, note);
  }
}
