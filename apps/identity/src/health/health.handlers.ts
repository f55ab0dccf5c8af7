import { Controller, Inject, Module } from '@nestjs/common';
import { identityHealth } from '@bandanh/contracts';
import { Handles, overallStatus, timedCheck } from '@bandanh/platform';
import { IDENTITY_DB, type IdentityDatabase } from '../db/database.module';

@Controller()
export class HealthHandlers {
  constructor(@Inject(IDENTITY_DB) private readonly database: IdentityDatabase) {}

  @Handles(identityHealth)
  async check() {
    const checks = { postgres: await timedCheck(() => this.database.sql`select 1`) };
    return { service: 'identity', status: overallStatus(checks), checks };
  }
}

@Module({ controllers: [HealthHandlers] })
export class HealthModule {}
