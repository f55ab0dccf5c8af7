import { Controller } from '@nestjs/common';
import {
  cancelTrainingSessionRun,
  completeTrainingSession,
  getTrainingAttendance,
  holdTrainingSession,
  inviteToTrainingSession,
  recordTrainingAttendance,
  remindTrainingSession,
  rescheduleTrainingSession,
  type Caller,
  type ParsedRequestOf,
} from '@bandanh/contracts';
import { Handles } from '@bandanh/platform';
import { SessionRunService } from './session-run.service';

@Controller()
export class SessionRunHandlers {
  constructor(private readonly run: SessionRunService) {}

  @Handles(inviteToTrainingSession)
  invite(input: ParsedRequestOf<typeof inviteToTrainingSession>, caller: Caller) {
    return this.run.invite(caller, input);
  }

  @Handles(remindTrainingSession)
  remind({ sessionId, eventId, lead }: ParsedRequestOf<typeof remindTrainingSession>, caller: Caller) {
    return this.run.remind(caller, { sessionId, eventId, lead });
  }

  @Handles(rescheduleTrainingSession)
  reschedule(input: ParsedRequestOf<typeof rescheduleTrainingSession>, caller: Caller) {
    return this.run.reschedule(caller, input);
  }

  @Handles(cancelTrainingSessionRun)
  cancel(input: ParsedRequestOf<typeof cancelTrainingSessionRun>, caller: Caller) {
    return this.run.cancel(caller, input);
  }

  @Handles(holdTrainingSession)
  hold({ sessionId }: ParsedRequestOf<typeof holdTrainingSession>, caller: Caller) {
    return this.run.hold(caller, { sessionId });
  }

  @Handles(recordTrainingAttendance)
  recordAttendance(input: ParsedRequestOf<typeof recordTrainingAttendance>, caller: Caller) {
    return this.run.recordAttendance(caller, input);
  }

  @Handles(completeTrainingSession)
  complete({ sessionId }: ParsedRequestOf<typeof completeTrainingSession>, caller: Caller) {
    return this.run.complete(caller, { sessionId });
  }

  @Handles(getTrainingAttendance)
  attendance({ sessionId }: ParsedRequestOf<typeof getTrainingAttendance>, caller: Caller) {
    return this.run.attendance(caller, sessionId);
  }
}
