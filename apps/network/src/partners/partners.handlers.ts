import { Controller } from '@nestjs/common';
import { listPartners, savePartner, type Caller, type ParsedRequestOf } from '@bandanh/contracts';
import { Handles } from '@bandanh/platform';
import { PartnersService } from './partners.service';

@Controller()
export class PartnersHandlers {
  constructor(private readonly partners: PartnersService) {}

  @Handles(listPartners)
  async list({ includeInactive }: ParsedRequestOf<typeof listPartners>, caller: Caller) {
    return { items: await this.partners.list(caller, includeInactive) };
  }

  @Handles(savePartner)
  save({ id, idempotencyKey, partner }: ParsedRequestOf<typeof savePartner>, caller: Caller) {
    return this.partners.save(caller, id, idempotencyKey, partner);
  }
}
