import { Module } from '@nestjs/common';
import { PartnersHandlers } from './partners.handlers';
import { PartnersRepository } from './partners.repository';
import { PartnersService } from './partners.service';

@Module({
  controllers: [PartnersHandlers],
  providers: [PartnersService, PartnersRepository],
})
export class PartnersModule {}
