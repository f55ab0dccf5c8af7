import { Module } from '@nestjs/common';
import { ReferralsModule } from '../referrals/referrals.module';
import { HotlineHandlers } from './hotline.handlers';
import { HotlineRepository } from './hotline.repository';
import { HotlineService } from './hotline.service';

@Module({
  imports: [ReferralsModule],
  controllers: [HotlineHandlers],
  providers: [HotlineService, HotlineRepository],
})
export class HotlineModule {}
