import { Module } from '@nestjs/common';
import { ProgressHandlers } from './progress.handlers';
import { ProgressRepository } from './progress.repository';
import { ProgressService } from './progress.service';

@Module({
  controllers: [ProgressHandlers],
  providers: [ProgressService, ProgressRepository],
})
export class ProgressModule {}
