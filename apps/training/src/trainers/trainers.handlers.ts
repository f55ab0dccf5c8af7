import { Controller } from '@nestjs/common';
import {
  getOwnTrainer,
  getTrainer,
  listTrainers,
  saveTrainer,
  updateTrainerAvailability,
  type Caller,
  type ParsedRequestOf,
} from '@bandanh/contracts';
import { Handles } from '@bandanh/platform';
import { TrainersService } from './trainers.service';

@Controller()
export class TrainersHandlers {
  constructor(private readonly trainers: TrainersService) {}

  @Handles(listTrainers)
  async list(filter: ParsedRequestOf<typeof listTrainers>, caller: Caller) {
    return { items: await this.trainers.list(caller, filter) };
  }

  @Handles(getTrainer)
  async get({ userId }: ParsedRequestOf<typeof getTrainer>, caller: Caller) {
    return { trainer: await this.trainers.get(caller, userId) };
  }

  @Handles(getOwnTrainer)
  async mine(_input: ParsedRequestOf<typeof getOwnTrainer>, caller: Caller) {
    return { trainer: await this.trainers.mine(caller) };
  }

  @Handles(saveTrainer)
  save({ userId, trainer }: ParsedRequestOf<typeof saveTrainer>, caller: Caller) {
    return this.trainers.save(caller, userId, trainer);
  }

  @Handles(updateTrainerAvailability)
  async availability(
    { userId, availability }: ParsedRequestOf<typeof updateTrainerAvailability>,
    caller: Caller,
  ) {
    return { trainer: await this.trainers.updateAvailability(caller, userId, availability) };
  }
}
