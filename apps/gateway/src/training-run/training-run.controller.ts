import { Controller } from '@nestjs/common';
import {
  cancelTrainingSession,
  getTrainingAttendance,
  getTrainingSessionRun,
  moveTrainingSession,
  recordTrainingSessionAttendance,
} from '@bandanh/contracts';
import { NatsRpc } from '@bandanh/platform';
import { Call } from '../http/call';
import { Endpoint } from '../http/route';
import { TRAINING_RUN_ROUTES as ROUTES } from './training-run.routes';

/** A session's run: the workflow's own subjects (orchestrator) and its attendance sheet (training). */
@Controller()
export class TrainingRunController {
  constructor(private readonly rpc: NatsRpc) {}

  @Endpoint(ROUTES.getTrainingSessionRun)
  get(@Call() { params, caller }: Call<typeof ROUTES.getTrainingSessionRun>) {
    return this.rpc.send(getTrainingSessionRun, { sessionId: params.id }, caller);
  }

  @Endpoint(ROUTES.moveTrainingSession)
  move(@Call() { params, body, caller }: Call<typeof ROUTES.moveTrainingSession>) {
    return this.rpc.send(moveTrainingSession, { sessionId: params.id, ...body }, caller);
  }

  @Endpoint(ROUTES.cancelTrainingSession)
  cancel(@Call() { params, body, caller }: Call<typeof ROUTES.cancelTrainingSession>) {
    return this.rpc.send(cancelTrainingSession, { sessionId: params.id, reason: body.reason }, caller);
  }

  @Endpoint(ROUTES.getTrainingAttendance)
  attendance(@Call() { params, caller }: Call<typeof ROUTES.getTrainingAttendance>) {
    return this.rpc.send(getTrainingAttendance, { sessionId: params.id }, caller);
  }

  @Endpoint(ROUTES.recordTrainingAttendance)
  record(@Call() { params, body, caller }: Call<typeof ROUTES.recordTrainingAttendance>) {
    return this.rpc.send(
      recordTrainingSessionAttendance,
      { sessionId: params.id, marks: body.marks },
      caller,
    );
  }
}
