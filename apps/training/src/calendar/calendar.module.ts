import { Module } from '@nestjs/common';
import { CalendarHandlers } from './calendar.handlers';
import { CalendarRepository } from './calendar.repository';
import { CalendarService } from './calendar.service';

@Module({
  controllers: [CalendarHandlers],
  providers: [CalendarService, CalendarRepository],
})
export class CalendarModule {}
