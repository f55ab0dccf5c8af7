import { Controller } from '@nestjs/common';
import { createCbo, getCbo, listCbos, recordCboStage, type ParsedRequestOf } from '@bandanh/contracts';
import { Handles } from '@bandanh/platform';
import { CbosService } from './cbos.service';

@Controller()
export class CbosHandlers {
  constructor(private readonly cbos: CbosService) {}

  @Handles(createCbo)
  create({ idempotencyKey, draft }: ParsedRequestOf<typeof createCbo>) {
    return this.cbos.record(idempotencyKey, draft);
  }

  @Handles(getCbo)
  async get({ id }: ParsedRequestOf<typeof getCbo>) {
    return { cbo: await this.cbos.get(id) };
  }

  @Handles(listCbos)
  list(query: ParsedRequestOf<typeof listCbos>) {
    return this.cbos.list(query);
  }

  @Handles(recordCboStage)
  async recordStage({ id, stage }: ParsedRequestOf<typeof recordCboStage>) {
    return { cbo: await this.cbos.recordStage(id, stage) };
  }
}
