import { Controller } from '@nestjs/common';
import { Call } from '../http/call';
import { Endpoint } from '../http/route';
import { CLAIM_ROUTES } from './cbo-claims.routes';
import { CboClaimsService } from './cbo-claims.service';

@Controller()
export class CboClaimsController {
  constructor(private readonly claims: CboClaimsService) {}

  @Endpoint(CLAIM_ROUTES.createCboClaim)
  claim(@Call() { body, caller }: Call<typeof CLAIM_ROUTES.createCboClaim>) {
    return this.claims.claim(caller, body);
  }

  @Endpoint(CLAIM_ROUTES.listCboClaims)
  list(@Call() { query, caller }: Call<typeof CLAIM_ROUTES.listCboClaims>) {
    return this.claims.list(caller, query);
  }

  @Endpoint(CLAIM_ROUTES.decideCboClaim)
  decide(@Call() { params, body, caller }: Call<typeof CLAIM_ROUTES.decideCboClaim>) {
    return this.claims.decide(caller, params.id, body);
  }
}
