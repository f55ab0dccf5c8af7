import { Controller } from '@nestjs/common';
import {
  cancelTrainingSession,
  getTrainingSessionRun,
  moveTrainingSession,
  recordTrainingSessionAttendance,
  startTrainingSession,
  type Caller,
  type ParsedRequestOf,
} from '@bandanh/contracts';
import { Handles } from '@bandanh/platform';
import { TrainingSessionsService } from './training.service';

@Controller()
export class TrainingSessionsHandlers {
  constructor(private readonly sessions: TrainingSessionsService) {}

  @Handles(startTrainingSession)
  start(input: ParsedRequestOf<typeof startTrainingSession>, caller: Caller) {
    return this.sessions.start(caller, input);
  }

  @Handles(getTrainingSessionRun)
  get({ sessionId }: ParsedRequestOf<typeof getTrainingSessionRun>, caller: Caller) {
    return this.sessions.get(caller, sessionId);
  }

  @Handles(moveTrainingSession)
  move({ sessionId, startsAt, endsAt }: ParsedRequestOf<typeof moveTrainingSession>, caller: Caller) {
    return this.sessions.move(caller, sessionId, startsAt, endsAt);
  }

  @Handles(cancelTrainingSession)
  cancel({ sessionId, reason }: ParsedRequestOf<typeof cancelTrainingSession>, caller: Caller) {
    return this.sessions.cancel(caller, sessionId, reason);
  }

  @Handles(recordTrainingSessionAttendance)
  recordAttendance(
    { sessionId, marks }: ParsedRequestOf<typeof recordTrainingSessionAttendance>,
    caller: Caller,
  ) {
    return this.sessions.recordAttendance(caller, sessionId, marks);
  }
}
