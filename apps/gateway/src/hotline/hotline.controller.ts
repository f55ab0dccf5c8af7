import { Controller } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { Call, Reply, created } from '../http/call';
import { Endpoint } from '../http/route';
import { HOTLINE_ROUTES } from './hotline.routes';
import { HotlineService } from './hotline.service';

@Controller()
export class HotlineController {
  constructor(private readonly hotline: HotlineService) {}

  @Endpoint(HOTLINE_ROUTES.listCboHotline)
  list(@Call() { params, caller }: Call<typeof HOTLINE_ROUTES.listCboHotline>) {
    return this.hotline.list(caller, params.id);
  }

  @Endpoint(HOTLINE_ROUTES.logHotlineCall)
  log(
    @Call() { params, headers, body, caller }: Call<typeof HOTLINE_ROUTES.logHotlineCall>,
    @Reply() reply: FastifyReply,
  ) {
    return created(reply, this.hotline.log(caller, params.id, headers['idempotency-key'], body));
  }

  @Endpoint(HOTLINE_ROUTES.correctHotlineCall)
  correct(@Call() { params, body, caller }: Call<typeof HOTLINE_ROUTES.correctHotlineCall>) {
    return this.hotline.correct(caller, params.id, body);
  }
}
