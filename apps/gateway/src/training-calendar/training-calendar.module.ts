import { Module } from '@nestjs/common';
import { TrainingCalendarController } from './training-calendar.controller';

@Module({ controllers: [TrainingCalendarController] })
export class TrainingCalendarModule {}
