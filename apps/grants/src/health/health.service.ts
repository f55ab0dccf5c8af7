import { Inject, Injectable } from '@nestjs/common';
import type { ServiceHealth } from '@bandanh/contracts';
import { overallStatus, timedCheck } from '@bandanh/platform';
import { GRANTS_DB, type GrantsDatabase } from '../db/database.module';

@Injectable()
export class HealthService {
  constructor(@Inject(GRANTS_DB) private readonly database: Pick<GrantsDatabase, 'sql'>) {}

  /** The service is up when its database answers. */
  async check(): Promise<ServiceHealth> {
    const checks = { postgres: await timedCheck(() => this.database.sql`select 1`) };
    return { service: 'grants', status: overallStatus(checks), checks };
  }
}
