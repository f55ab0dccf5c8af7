import { Module } from '@nestjs/common';
import { ApplicationsHandlers } from './applications.handlers';
import { ApplicationsRepository } from './applications.repository';
import { ApplicationsService } from './applications.service';

@Module({
  controllers: [ApplicationsHandlers],
  providers: [ApplicationsService, ApplicationsRepository],
})
export class ApplicationsModule {}
