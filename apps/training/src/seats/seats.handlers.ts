import { Controller } from '@nestjs/common';
import {
  confirmTrainingSeat,
  declineTrainingSeat,
  type Caller,
  type ParsedRequestOf,
} from '@bandanh/contracts';
import { Handles } from '@bandanh/platform';
import { SeatsService } from './seats.service';

@Controller()
export class SeatsHandlers {
  constructor(private readonly seats: SeatsService) {}

  @Handles(confirmTrainingSeat)
  confirm({ sessionId }: ParsedRequestOf<typeof confirmTrainingSeat>, caller: Caller) {
    return this.seats.confirm(caller, sessionId);
  }

  @Handles(declineTrainingSeat)
  decline({ sessionId }: ParsedRequestOf<typeof declineTrainingSeat>, caller: Caller) {
    return this.seats.decline(caller, sessionId);
  }
}
