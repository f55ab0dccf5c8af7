import { Controller } from '@nestjs/common';
import { networkHealth } from '@bandanh/contracts';
import { Handles } from '@bandanh/platform';
import { HealthService } from './health.service';

@Controller()
export class HealthHandlers {
  constructor(private readonly health: HealthService) {}

  @Handles(networkHealth)
  check() {
    return this.health.check();
  }
}
