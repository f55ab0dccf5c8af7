import { Module } from '@nestjs/common';
import { ExpansionHandlers } from './expansion.handlers';
import { ExpansionRepository } from './expansion.repository';
import { ExpansionService } from './expansion.service';

@Module({
  controllers: [ExpansionHandlers],
  providers: [ExpansionService, ExpansionRepository],
  exports: [ExpansionService],
})
export class ExpansionModule {}
