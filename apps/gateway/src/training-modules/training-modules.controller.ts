import { Controller } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import {
  createTrainingModule,
  getTrainingModule,
  listTrainingModules,
  updateTrainingModule,
} from '@bandanh/contracts';
import { NatsRpc } from '@bandanh/platform';
import { Call, Reply, created } from '../http/call';
import { Endpoint } from '../http/route';
import { TRAINING_MODULE_ROUTES } from './training-modules.routes';

@Controller()
export class TrainingModulesController {
  constructor(private readonly rpc: NatsRpc) {}

  @Endpoint(TRAINING_MODULE_ROUTES.listTrainingModules)
  list(@Call() { query, caller }: Call<typeof TRAINING_MODULE_ROUTES.listTrainingModules>) {
    return this.rpc.send(listTrainingModules, query, caller);
  }

  @Endpoint(TRAINING_MODULE_ROUTES.getTrainingModule)
  get(@Call() { params, caller }: Call<typeof TRAINING_MODULE_ROUTES.getTrainingModule>) {
    return this.rpc.send(getTrainingModule, params, caller);
  }

  @Endpoint(TRAINING_MODULE_ROUTES.createTrainingModule)
  create(
    @Call() { headers, body, caller }: Call<typeof TRAINING_MODULE_ROUTES.createTrainingModule>,
    @Reply() reply: FastifyReply,
  ) {
    const request = { idempotencyKey: headers['idempotency-key'], module: body };
    return created(reply, this.rpc.send(createTrainingModule, request, caller));
  }

  @Endpoint(TRAINING_MODULE_ROUTES.updateTrainingModule)
  update(@Call() { params, body, caller }: Call<typeof TRAINING_MODULE_ROUTES.updateTrainingModule>) {
    return this.rpc.send(updateTrainingModule, { id: params.id, module: body }, caller);
  }
}
