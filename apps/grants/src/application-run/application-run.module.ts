import { Module } from '@nestjs/common';
import { ApplicationRunHandlers } from './application-run.handlers';
import { ApplicationRunRepository } from './application-run.repository';
import { ApplicationRunService } from './application-run.service';

@Module({
  controllers: [ApplicationRunHandlers],
  providers: [ApplicationRunService, ApplicationRunRepository],
})
export class ApplicationRunModule {}
