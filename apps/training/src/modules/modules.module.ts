import { Module } from '@nestjs/common';
import { ModulesHandlers } from './modules.handlers';
import { ModulesRepository } from './modules.repository';
import { ModulesService } from './modules.service';

@Module({
  controllers: [ModulesHandlers],
  providers: [ModulesService, ModulesRepository],
})
export class ModulesModule {}
