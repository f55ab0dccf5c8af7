import { Inject, Injectable } from '@nestjs/common';
import type { ServiceHealth } from '@bandanh/contracts';
import { overallStatus, timedCheck } from '@bandanh/platform';
import { TRAINING_DB, type TrainingDatabase } from '../db/database.module';

@Injectable()
export class HealthService {
  constructor(@Inject(TRAINING_DB) private readonly database: Pick<TrainingDatabase, 'sql'>) {}

  /** The service is up when its database answers. */
  async check(): Promise<ServiceHealth> {
    const checks = { postgres: await timedCheck(() => this.database.sql`select 1`) };
    return { service: 'training', status: overallStatus(checks), checks };
  }
}
