import { Module } from '@nestjs/common';
import { ExpansionScheduleService } from './expansion-schedule.service';
import { ExpansionSchedules } from './expansion-schedule.temporal';

@Module({ providers: [ExpansionScheduleService, ExpansionSchedules] })
export class ExpansionScheduleModule {}
