import { Controller } from '@nestjs/common';
import {
  createTrainingSession,
  findTrainingSlots,
  getTrainingSession,
  listTrainingSessions,
  type Caller,
  type ParsedRequestOf,
} from '@bandanh/contracts';
import { Handles } from '@bandanh/platform';
import { SessionsService } from './sessions.service';

@Controller()
export class SessionsHandlers {
  constructor(private readonly sessions: SessionsService) {}

  @Handles(createTrainingSession)
  create({ idempotencyKey, session }: ParsedRequestOf<typeof createTrainingSession>, caller: Caller) {
    return this.sessions.create(caller, idempotencyKey, session);
  }

  @Handles(findTrainingSlots)
  async findSlots(query: ParsedRequestOf<typeof findTrainingSlots>, caller: Caller) {
    return { items: await this.sessions.findSlots(caller, query) };
  }

  @Handles(listTrainingSessions)
  async list(filter: ParsedRequestOf<typeof listTrainingSessions>, caller: Caller) {
    return { items: await this.sessions.list(caller, filter) };
  }

  @Handles(getTrainingSession)
  async get({ id }: ParsedRequestOf<typeof getTrainingSession>, caller: Caller) {
    return { session: await this.sessions.get(caller, id) };
  }
}
