import { Module } from '@nestjs/common';
import { RoundsHandlers } from './rounds.handlers';
import { RoundsRepository } from './rounds.repository';
import { RoundsService } from './rounds.service';

@Module({
  controllers: [RoundsHandlers],
  providers: [RoundsService, RoundsRepository],
  exports: [RoundsRepository],
})
export class RoundsModule {}
