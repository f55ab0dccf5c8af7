import { Controller } from '@nestjs/common';
import {
  createCbo,
  getCbo,
  listCbos,
  recordCboStage,
  type Caller,
  type ParsedRequestOf,
} from '@bandanh/contracts';
import { Handles } from '@bandanh/platform';
import { CbosService } from './cbos.service';

@Controller()
export class CbosHandlers {
  constructor(private readonly cbos: CbosService) {}

  @Handles(createCbo)
  create({ idempotencyKey, draft }: ParsedRequestOf<typeof createCbo>, caller: Caller) {
    return this.cbos.record(caller, idempotencyKey, draft);
  }

  @Handles(getCbo)
  async get({ id }: ParsedRequestOf<typeof getCbo>, caller: Caller) {
    return { cbo: await this.cbos.get(caller, id) };
  }

  @Handles(listCbos)
  list(query: ParsedRequestOf<typeof listCbos>, caller: Caller) {
    return this.cbos.list(caller, query);
  }

  @Handles(recordCboStage)
  async recordStage({ id, stage }: ParsedRequestOf<typeof recordCboStage>, caller: Caller) {
    return { cbo: await this.cbos.recordStage(caller, id, stage) };
  }
}
