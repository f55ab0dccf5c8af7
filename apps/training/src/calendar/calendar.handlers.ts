import { Controller } from '@nestjs/common';
import {
  getTrainerCalendarFeed,
  getTrainerCalendarToken,
  type Caller,
  type ParsedRequestOf,
} from '@bandanh/contracts';
import { Handles } from '@bandanh/platform';
import { CalendarService } from './calendar.service';

@Controller()
export class CalendarHandlers {
  constructor(private readonly calendar: CalendarService) {}

  @Handles(getTrainerCalendarToken)
  token({ rotate }: ParsedRequestOf<typeof getTrainerCalendarToken>, caller: Caller) {
    return this.calendar.token(caller, rotate);
  }

  /** Anyone holding the secret URL: a calendar app subscribes without signing in. */
  @Handles(getTrainerCalendarFeed)
  feed({ token }: ParsedRequestOf<typeof getTrainerCalendarFeed>) {
    return this.calendar.feed(token);
  }
}
