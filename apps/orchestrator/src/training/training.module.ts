import { Module } from '@nestjs/common';
import { TrainingSessionsHandlers } from './training.handlers';
import { TrainingSessionsService } from './training.service';
import { TrainingSessionWorkflows } from './training.temporal';

@Module({
  controllers: [TrainingSessionsHandlers],
  providers: [TrainingSessionsService, TrainingSessionWorkflows],
})
export class TrainingSessionsModule {}
