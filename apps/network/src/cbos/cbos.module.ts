import { Module } from '@nestjs/common';
import { ExpansionModule } from '../expansion/expansion.module';
import { SettingsModule } from '../settings/settings.module';
import { CbosHandlers } from './cbos.handlers';
import { CbosRepository } from './cbos.repository';
import { CbosService } from './cbos.service';

@Module({
  imports: [SettingsModule, ExpansionModule],
  controllers: [CbosHandlers],
  providers: [CbosService, CbosRepository],
  exports: [CbosService],
})
export class CbosModule {}
