import { Controller } from '@nestjs/common';
import { identityHealth } from '@bandanh/contracts';
import { Handles } from '@bandanh/platform';
import { HealthService } from './health.service';

@Controller()
export class HealthHandlers {
  constructor(private readonly health: HealthService) {}

  @Handles(identityHealth)
  check() {
    return this.health.check();
  }
}
