import { Controller } from '@nestjs/common';
import {
  createFieldVisit,
  linkCboToVisit,
  listFieldVisits,
  type Caller,
  type ParsedRequestOf,
} from '@bandanh/contracts';
import { Handles } from '@bandanh/platform';
import { FieldVisitsService } from './field-visits.service';

@Controller()
export class FieldVisitsHandlers {
  constructor(private readonly visits: FieldVisitsService) {}

  @Handles(createFieldVisit)
  create({ idempotencyKey, visit }: ParsedRequestOf<typeof createFieldVisit>, caller: Caller) {
    return this.visits.create(caller, idempotencyKey, visit);
  }

  @Handles(listFieldVisits)
  async list(_input: ParsedRequestOf<typeof listFieldVisits>, caller: Caller) {
    return { items: await this.visits.list(caller) };
  }

  @Handles(linkCboToVisit)
  async link({ visitId, cboId }: ParsedRequestOf<typeof linkCboToVisit>, caller: Caller) {
    return { visit: await this.visits.link(caller, visitId, cboId) };
  }
}
