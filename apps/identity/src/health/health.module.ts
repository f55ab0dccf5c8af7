import { Module } from '@nestjs/common';
import { HealthHandlers } from './health.handlers';
import { HealthRepository } from './health.repository';
import { HealthService } from './health.service';

@Module({
  controllers: [HealthHandlers],
  providers: [HealthService, HealthRepository],
})
export class HealthModule {}
