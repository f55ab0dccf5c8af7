import { Controller, Inject, Module } from '@nestjs/common';
import { networkHealth } from '@bandanh/contracts';
import { Handles, overallStatus, timedCheck } from '@bandanh/platform';
import { NETWORK_DB, type NetworkDatabase } from '../db/database.module';

@Controller()
export class HealthHandlers {
  constructor(@Inject(NETWORK_DB) private readonly database: NetworkDatabase) {}

  @Handles(networkHealth)
  async check() {
    const checks = { postgres: await timedCheck(() => this.database.sql`select 1`) };
    return { service: 'network', status: overallStatus(checks), checks };
  }
}

@Module({ controllers: [HealthHandlers] })
export class HealthModule {}
