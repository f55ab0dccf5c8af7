import { Module } from '@nestjs/common';
import { SeatsHandlers } from './seats.handlers';
import { SeatsRepository } from './seats.repository';
import { SeatsService } from './seats.service';

@Module({
  controllers: [SeatsHandlers],
  providers: [SeatsService, SeatsRepository],
})
export class SeatsModule {}
