import { Module } from '@nestjs/common';
import { ReferralsHandlers } from './referrals.handlers';
import { ReferralsService } from './referrals.service';
import { ReferralWorkflows } from './referrals.temporal';

@Module({ controllers: [ReferralsHandlers], providers: [ReferralsService, ReferralWorkflows] })
export class ReferralsModule {}
