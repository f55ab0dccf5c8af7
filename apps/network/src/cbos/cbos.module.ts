import { Module } from '@nestjs/common';
import { CbosHandlers } from './cbos.handlers';
import { CbosRepository } from './cbos.repository';
import { CbosService } from './cbos.service';

@Module({
  controllers: [CbosHandlers],
  providers: [CbosService, CbosRepository],
})
export class CbosModule {}
