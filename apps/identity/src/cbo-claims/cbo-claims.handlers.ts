import { Controller } from '@nestjs/common';
import {
  createCboClaim,
  decideCboClaim,
  listCboClaims,
  type Caller,
  type ParsedRequestOf,
} from '@bandanh/contracts';
import { Handles } from '@bandanh/platform';
import { CboClaimsService } from './cbo-claims.service';

@Controller()
export class CboClaimsHandlers {
  constructor(private readonly claims: CboClaimsService) {}

  @Handles(createCboClaim)
  async create(draft: ParsedRequestOf<typeof createCboClaim>, caller: Caller) {
    return { claim: await this.claims.create(caller, draft) };
  }

  @Handles(listCboClaims)
  async list({ status }: ParsedRequestOf<typeof listCboClaims>, caller: Caller) {
    return { items: await this.claims.list(caller, status) };
  }

  @Handles(decideCboClaim)
  async decide(input: ParsedRequestOf<typeof decideCboClaim>, caller: Caller) {
    return { claim: await this.claims.decide(caller, input) };
  }
}
