import { Controller } from '@nestjs/common';
import {
  getExpansion,
  listOpenProvinces,
  openDuePhase,
  saveExpansionPlan,
  saveTargets,
  type Caller,
  type ParsedRequestOf,
} from '@bandanh/contracts';
import { Handles } from '@bandanh/platform';
import { ExpansionService } from './expansion.service';

@Controller()
export class ExpansionHandlers {
  constructor(private readonly expansion: ExpansionService) {}

  @Handles(getExpansion)
  get(_input: ParsedRequestOf<typeof getExpansion>, caller: Caller) {
    return this.expansion.dashboard(caller);
  }

  @Handles(saveExpansionPlan)
  async savePlan({ phases }: ParsedRequestOf<typeof saveExpansionPlan>, caller: Caller) {
    return { phases: await this.expansion.savePlan(caller, phases) };
  }

  @Handles(saveTargets)
  async saveTargets({ targets }: ParsedRequestOf<typeof saveTargets>, caller: Caller) {
    return { targets: await this.expansion.saveTargets(caller, targets) };
  }

  @Handles(openDuePhase)
  async openDue({ asOf }: ParsedRequestOf<typeof openDuePhase>, caller: Caller) {
    return { opened: await this.expansion.openDue(caller, new Date(asOf)) };
  }

  /** Public: the application form offers only open provinces. */
  @Handles(listOpenProvinces)
  async open() {
    return { provinces: await this.expansion.openProvinces() };
  }
}
