import { Controller } from '@nestjs/common';
import {
  createGrantRound,
  getGrantRound,
  listGrantRounds,
  updateGrantRound,
  type Caller,
  type ParsedRequestOf,
} from '@bandanh/contracts';
import { Handles } from '@bandanh/platform';
import { RoundsService } from './rounds.service';

@Controller()
export class RoundsHandlers {
  constructor(private readonly rounds: RoundsService) {}

  @Handles(createGrantRound)
  create({ idempotencyKey, draft }: ParsedRequestOf<typeof createGrantRound>, caller: Caller) {
    return this.rounds.create(caller, idempotencyKey, draft);
  }

  @Handles(updateGrantRound)
  async update({ id, draft }: ParsedRequestOf<typeof updateGrantRound>, caller: Caller) {
    return { round: await this.rounds.update(caller, id, draft) };
  }

  @Handles(getGrantRound)
  async get({ id }: ParsedRequestOf<typeof getGrantRound>, caller: Caller) {
    return { round: await this.rounds.get(caller, id) };
  }

  @Handles(listGrantRounds)
  async list({ state }: ParsedRequestOf<typeof listGrantRounds>, caller: Caller) {
    return { items: await this.rounds.list(caller, state) };
  }
}
