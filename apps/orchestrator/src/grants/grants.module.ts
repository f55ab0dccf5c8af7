import { Module } from '@nestjs/common';
import { GrantApplicationsHandlers } from './grants.handlers';
import { GrantApplicationsService } from './grants.service';
import { GrantApplicationWorkflows } from './grants.temporal';

@Module({
  controllers: [GrantApplicationsHandlers],
  providers: [GrantApplicationsService, GrantApplicationWorkflows],
})
export class GrantApplicationsModule {}
