import { Controller } from '@nestjs/common';
import { getExpansion, saveExpansionPlan, saveTargets } from '@bandanh/contracts';
import { NatsRpc } from '@bandanh/platform';
import { Call } from '../http/call';
import { Endpoint } from '../http/route';
import { EXPANSION_ROUTES } from './expansion.routes';

@Controller()
export class ExpansionController {
  constructor(private readonly rpc: NatsRpc) {}

  @Endpoint(EXPANSION_ROUTES.getExpansion)
  dashboard(@Call() { caller }: Call<typeof EXPANSION_ROUTES.getExpansion>) {
    return this.rpc.send(getExpansion, {}, caller);
  }

  @Endpoint(EXPANSION_ROUTES.saveExpansionPlan)
  savePlan(@Call() { body, caller }: Call<typeof EXPANSION_ROUTES.saveExpansionPlan>) {
    return this.rpc.send(saveExpansionPlan, body, caller);
  }

  @Endpoint(EXPANSION_ROUTES.saveTargets)
  saveTargets(@Call() { body, caller }: Call<typeof EXPANSION_ROUTES.saveTargets>) {
    return this.rpc.send(saveTargets, body, caller);
  }
}
