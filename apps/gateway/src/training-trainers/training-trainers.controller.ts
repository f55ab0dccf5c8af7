import { Controller } from '@nestjs/common';
import {
  getOwnTrainer,
  getTrainer,
  listTrainers,
  saveTrainer,
  updateTrainerAvailability,
} from '@bandanh/contracts';
import { NatsRpc } from '@bandanh/platform';
import { Call } from '../http/call';
import { Endpoint } from '../http/route';
import { TRAINING_TRAINER_ROUTES as ROUTES } from './training-trainers.routes';

@Controller()
export class TrainingTrainersController {
  constructor(private readonly rpc: NatsRpc) {}

  @Endpoint(ROUTES.listTrainers)
  list(@Call() { query, caller }: Call<typeof ROUTES.listTrainers>) {
    return this.rpc.send(listTrainers, query, caller);
  }

  @Endpoint(ROUTES.getTrainer)
  get(@Call() { params, caller }: Call<typeof ROUTES.getTrainer>) {
    return this.rpc.send(getTrainer, { userId: params.id }, caller);
  }

  @Endpoint(ROUTES.saveTrainer)
  save(@Call() { params, body, caller }: Call<typeof ROUTES.saveTrainer>) {
    return this.rpc.send(saveTrainer, { userId: params.id, trainer: body }, caller);
  }

  @Endpoint(ROUTES.updateTrainerAvailability)
  availability(@Call() { params, body, caller }: Call<typeof ROUTES.updateTrainerAvailability>) {
    return this.rpc.send(updateTrainerAvailability, { userId: params.id, availability: body }, caller);
  }

  @Endpoint(ROUTES.getOwnTrainer)
  mine(@Call() { caller }: Call<typeof ROUTES.getOwnTrainer>) {
    return this.rpc.send(getOwnTrainer, {}, caller);
  }

  @Endpoint(ROUTES.updateOwnAvailability)
  ownAvailability(@Call() { body, caller }: Call<typeof ROUTES.updateOwnAvailability>) {
    return this.rpc.send(updateTrainerAvailability, { availability: body }, caller);
  }
}
