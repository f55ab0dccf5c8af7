import { Controller } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { Reply } from '../http/call';
import { Endpoint } from '../http/route';
import { HEALTH_ROUTES } from './health.routes';
import { HealthService } from './health.service';

@Controller()
export class HealthController {
  constructor(private readonly health: HealthService) {}

  @Endpoint(HEALTH_ROUTES.health)
  async check(@Reply() reply: FastifyReply) {
    const health = await this.health.check();
    if (health.status !== 'up') void reply.status(503);
    return health;
  }
}
