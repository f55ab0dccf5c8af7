import { Module } from '@nestjs/common';
import { SettingsModule } from '../settings/settings.module';
import { AssessmentsHandlers } from './assessments.handlers';
import { AssessmentsRepository } from './assessments.repository';
import { AssessmentsService } from './assessments.service';

@Module({
  imports: [SettingsModule],
  controllers: [AssessmentsHandlers],
  providers: [AssessmentsService, AssessmentsRepository],
})
export class AssessmentsModule {}
