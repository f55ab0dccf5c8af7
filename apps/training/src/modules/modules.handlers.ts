import { Controller } from '@nestjs/common';
import {
  createTrainingModule,
  getTrainingModule,
  listTrainingModules,
  updateTrainingModule,
  type Caller,
  type ParsedRequestOf,
} from '@bandanh/contracts';
import { Handles } from '@bandanh/platform';
import { ModulesService } from './modules.service';

@Controller()
export class ModulesHandlers {
  constructor(private readonly modules: ModulesService) {}

  @Handles(listTrainingModules)
  async list({ includeInactive }: ParsedRequestOf<typeof listTrainingModules>, caller: Caller) {
    return { items: await this.modules.list(caller, includeInactive) };
  }

  @Handles(getTrainingModule)
  async get({ id }: ParsedRequestOf<typeof getTrainingModule>, caller: Caller) {
    return { module: await this.modules.get(caller, id) };
  }

  @Handles(createTrainingModule)
  create({ idempotencyKey, module }: ParsedRequestOf<typeof createTrainingModule>, caller: Caller) {
    return this.modules.create(caller, idempotencyKey, module);
  }

  @Handles(updateTrainingModule)
  async update({ id, module }: ParsedRequestOf<typeof updateTrainingModule>, caller: Caller) {
    return { module: await this.modules.update(caller, id, module) };
  }
}
