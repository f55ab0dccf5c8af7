import { Injectable } from '@nestjs/common';
import { overallStatus, timedCheck } from '@bandanh/platform';
import { HealthRepository } from './health.repository';

@Injectable()
export class HealthService {
  constructor(private readonly repository: HealthRepository) {}

  async check() {
    const checks = { postgres: await timedCheck(() => this.repository.ping()) };
    return { service: 'identity', status: overallStatus(checks), checks };
  }
}
