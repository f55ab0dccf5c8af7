import { Module } from '@nestjs/common';
import { ProvincesHandlers } from './provinces.handlers';
import { ProvincesService } from './provinces.service';

@Module({ controllers: [ProvincesHandlers], providers: [ProvincesService] })
export class ProvincesModule {}
