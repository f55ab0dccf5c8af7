import { Controller, Module, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { Endpoint } from '../http/route';
import { ROUTES } from '../http/routes';
import { HealthService } from './health.service';

@Controller()
export class HealthController {
  constructor(private readonly health: HealthService) {}

  @Endpoint(ROUTES.health)
  async check(@Res({ passthrough: true }) reply: FastifyReply) {
    const health = await this.health.check();
    if (health.status !== 'up') void reply.status(503);
    return health;
  }
}

@Module({ controllers: [HealthController], providers: [HealthService] })
export class HealthModule {}
