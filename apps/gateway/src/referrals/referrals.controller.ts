import { Controller } from '@nestjs/common';
import { Call } from '../http/call';
import { Endpoint } from '../http/route';
import { REFERRAL_ROUTES } from './referrals.routes';
import { ReferralsService } from './referrals.service';

@Controller()
export class ReferralsController {
  constructor(private readonly referrals: ReferralsService) {}

  @Endpoint(REFERRAL_ROUTES.listReferrals)
  list(@Call() { query, caller }: Call<typeof REFERRAL_ROUTES.listReferrals>) {
    return this.referrals.list(caller, query);
  }

  @Endpoint(REFERRAL_ROUTES.recordReferralOutcome)
  recordOutcome(@Call() { params, body, caller }: Call<typeof REFERRAL_ROUTES.recordReferralOutcome>) {
    return this.referrals.recordOutcome(caller, params.id, body);
  }
}
