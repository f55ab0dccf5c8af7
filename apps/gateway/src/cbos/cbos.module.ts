import { Module } from '@nestjs/common';
import { CbosController } from './cbos.controller';
import { CbosService } from './cbos.service';

@Module({ controllers: [CbosController], providers: [CbosService] })
export class CbosModule {}
