import { Inject, Injectable } from '@nestjs/common';
import type { ServiceHealth } from '@bandanh/contracts';
import { overallStatus, timedCheck } from '@bandanh/platform';
import { NETWORK_DB, type NetworkDatabase } from '../db/database.module';

@Injectable()
export class HealthService {
  constructor(@Inject(NETWORK_DB) private readonly database: Pick<NetworkDatabase, 'sql'>) {}

  /** The service is up when its database answers. */
  async check(): Promise<ServiceHealth> {
    const checks = { postgres: await timedCheck(() => this.database.sql`select 1`) };
    return { service: 'network', status: overallStatus(checks), checks };
  }
}
