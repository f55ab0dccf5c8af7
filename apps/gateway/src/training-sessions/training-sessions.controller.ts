import { Controller } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import {
  confirmTrainingSeat,
  createTrainingSession,
  declineTrainingSeat,
  findTrainingSlots,
  getTrainingSession,
  listTrainingSessions,
} from '@bandanh/contracts';
import { NatsRpc } from '@bandanh/platform';
import { Call, Reply, created } from '../http/call';
import { Endpoint } from '../http/route';
import { TRAINING_SESSION_ROUTES as ROUTES } from './training-sessions.routes';

@Controller()
export class TrainingSessionsController {
  constructor(private readonly rpc: NatsRpc) {}

  @Endpoint(ROUTES.listTrainingSessions)
  list(@Call() { query, caller }: Call<typeof ROUTES.listTrainingSessions>) {
    return this.rpc.send(listTrainingSessions, query, caller);
  }

  @Endpoint(ROUTES.getTrainingSession)
  get(@Call() { params, caller }: Call<typeof ROUTES.getTrainingSession>) {
    return this.rpc.send(getTrainingSession, params, caller);
  }

  @Endpoint(ROUTES.createTrainingSession)
  create(
    @Call() { headers, body, caller }: Call<typeof ROUTES.createTrainingSession>,
    @Reply() reply: FastifyReply,
  ) {
    const request = { idempotencyKey: headers['idempotency-key'], session: body };
    return created(reply, this.rpc.send(createTrainingSession, request, caller));
  }

  @Endpoint(ROUTES.findTrainingSlots)
  findSlots(@Call() { query, caller }: Call<typeof ROUTES.findTrainingSlots>) {
    return this.rpc.send(findTrainingSlots, query, caller);
  }

  @Endpoint(ROUTES.confirmTrainingSeat)
  confirmSeat(
    @Call() { params, caller }: Call<typeof ROUTES.confirmTrainingSeat>,
    @Reply() reply: FastifyReply,
  ) {
    return created(reply, this.rpc.send(confirmTrainingSeat, { sessionId: params.id }, caller));
  }

  @Endpoint(ROUTES.declineTrainingSeat)
  declineSeat(@Call() { params, caller }: Call<typeof ROUTES.declineTrainingSeat>) {
    return this.rpc.send(declineTrainingSeat, { sessionId: params.id }, caller);
  }
}
