import { Controller } from '@nestjs/common';
import { trainingHealth } from '@bandanh/contracts';
import { Handles } from '@bandanh/platform';
import { HealthService } from './health.service';

@Controller()
export class HealthHandlers {
  constructor(private readonly health: HealthService) {}

  @Handles(trainingHealth)
  check() {
    return this.health.check();
  }
}
