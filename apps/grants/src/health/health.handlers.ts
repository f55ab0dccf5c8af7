import { Controller } from '@nestjs/common';
import { grantsHealth } from '@bandanh/contracts';
import { Handles } from '@bandanh/platform';
import { HealthService } from './health.service';

@Controller()
export class HealthHandlers {
  constructor(private readonly health: HealthService) {}

  @Handles(grantsHealth)
  check() {
    return this.health.check();
  }
}
