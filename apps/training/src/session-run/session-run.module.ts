import { Module } from '@nestjs/common';
import { SessionRunHandlers } from './session-run.handlers';
import { SessionRunRepository } from './session-run.repository';
import { SessionRunService } from './session-run.service';

@Module({
  controllers: [SessionRunHandlers],
  providers: [SessionRunService, SessionRunRepository],
})
export class SessionRunModule {}
