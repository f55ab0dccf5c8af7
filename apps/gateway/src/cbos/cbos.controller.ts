import { Controller, Module, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { Endpoint, Input, type RouteInput } from '../http/route';
import { ROUTES } from '../http/routes';
import { CbosService } from './cbos.service';

@Controller()
export class CbosController {
  constructor(private readonly cbos: CbosService) {}

  @Endpoint(ROUTES.listCbos)
  list(@Input(ROUTES.listCbos) { query }: RouteInput<typeof ROUTES.listCbos>) {
    return this.cbos.list(query);
  }

  @Endpoint(ROUTES.createCbo)
  async create(
    @Input(ROUTES.createCbo) { headers, body }: RouteInput<typeof ROUTES.createCbo>,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const result = await this.cbos.record(headers['idempotency-key'], body);
    if (!result.created) void reply.status(200);
    return result;
  }

  @Endpoint(ROUTES.getCbo)
  get(@Input(ROUTES.getCbo) { params }: RouteInput<typeof ROUTES.getCbo>) {
    return this.cbos.get(params.id);
  }

  @Endpoint(ROUTES.getCboPipeline)
  pipeline(@Input(ROUTES.getCboPipeline) { params }: RouteInput<typeof ROUTES.getCboPipeline>) {
    return this.cbos.pipeline(params.id);
  }
}

@Module({ controllers: [CbosController], providers: [CbosService] })
export class CbosModule {}
