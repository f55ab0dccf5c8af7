import { Controller } from '@nestjs/common';
import {
  applyAsCbo,
  createCbo,
  decideCboDuplicate,
  findDuplicateCbos,
  getApplicationStatus,
  getCbo,
  getCboApplicant,
  listCbos,
  listDuplicateFlags,
  recordCboStage,
  screenCbo,
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

  /** Anyone may apply: the gateway's public route, rate-limited by the idempotency key. */
  @Handles(applyAsCbo)
  apply({ idempotencyKey, application }: ParsedRequestOf<typeof applyAsCbo>) {
    return this.cbos.apply(idempotencyKey, application);
  }

  /** Anyone with a reference: the gateway's public route, rate-limited per address. */
  @Handles(getApplicationStatus)
  async status({ reference }: ParsedRequestOf<typeof getApplicationStatus>) {
    return { application: await this.cbos.status(reference) };
  }

  @Handles(getCboApplicant)
  applicant({ cboId }: ParsedRequestOf<typeof getCboApplicant>, caller: Caller) {
    return this.cbos.applicant(caller, cboId);
  }

  @Handles(findDuplicateCbos)
  async duplicates(probe: ParsedRequestOf<typeof findDuplicateCbos>, caller: Caller) {
    return { items: await this.cbos.duplicates(caller, probe) };
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
  async recordStage({ id, stage, decision }: ParsedRequestOf<typeof recordCboStage>, caller: Caller) {
    return { cbo: await this.cbos.recordStage(caller, id, stage, decision) };
  }

  @Handles(decideCboDuplicate)
  async decideDuplicate({ id, decision }: ParsedRequestOf<typeof decideCboDuplicate>, caller: Caller) {
    return { cbo: await this.cbos.decideDuplicate(caller, id, decision) };
  }

  @Handles(listDuplicateFlags)
  async duplicateFlags({ ids }: ParsedRequestOf<typeof listDuplicateFlags>, caller: Caller) {
    return { items: await this.cbos.duplicateFlags(caller, ids) };
  }

  @Handles(screenCbo)
  screen({ cboId }: ParsedRequestOf<typeof screenCbo>, caller: Caller) {
    return this.cbos.screen(caller, cboId);
  }
}
