import { Controller, Module, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import type { Caller } from '@bandanh/contracts';
import { CurrentCaller } from '../http/caller.decorator';
import { Endpoint, Input, type RouteInput } from '../http/route';
import { ROUTES } from '../http/routes';
import { CbosService } from './cbos.service';

@Controller()
export class CbosController {
  constructor(private readonly cbos: CbosService) {}

  @Endpoint(ROUTES.listCbos)
  list(
    @Input(ROUTES.listCbos) { query }: RouteInput<typeof ROUTES.listCbos>,
    @CurrentCaller() caller: Caller,
  ) {
    return this.cbos.list(caller, query);
  }

  @Endpoint(ROUTES.createCbo)
  async create(
    @Input(ROUTES.createCbo) { headers, body }: RouteInput<typeof ROUTES.createCbo>,
    @CurrentCaller() caller: Caller,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const result = await this.cbos.record(caller, headers['idempotency-key'], body);
    if (!result.created) void reply.status(200);
    return result;
  }

  @Endpoint(ROUTES.getCbo)
  get(@Input(ROUTES.getCbo) { params }: RouteInput<typeof ROUTES.getCbo>, @CurrentCaller() caller: Caller) {
    return this.cbos.get(caller, params.id);
  }

  @Endpoint(ROUTES.getCboPipeline)
  pipeline(
    @Input(ROUTES.getCboPipeline) { params }: RouteInput<typeof ROUTES.getCboPipeline>,
    @CurrentCaller() caller: Caller,
  ) {
    return this.cbos.pipeline(caller, params.id);
  }

  @Endpoint(ROUTES.issueCboLinkCode)
  issueLinkCode(
    @Input(ROUTES.issueCboLinkCode) { params }: RouteInput<typeof ROUTES.issueCboLinkCode>,
    @CurrentCaller() caller: Caller,
  ) {
    return this.cbos.issueLinkCode(caller, params.id);
  }

  @Endpoint(ROUTES.redeemCboLinkCode)
  redeemLinkCode(
    @Input(ROUTES.redeemCboLinkCode) { body }: RouteInput<typeof ROUTES.redeemCboLinkCode>,
    @CurrentCaller() caller: Caller,
  ) {
    return this.cbos.redeemLinkCode(caller, body.code);
  }

  @Endpoint(ROUTES.createCboClaim)
  claim(
    @Input(ROUTES.createCboClaim) { body }: RouteInput<typeof ROUTES.createCboClaim>,
    @CurrentCaller() caller: Caller,
  ) {
    return this.cbos.claim(caller, body);
  }

  @Endpoint(ROUTES.listCboClaims)
  claims(
    @Input(ROUTES.listCboClaims) { query }: RouteInput<typeof ROUTES.listCboClaims>,
    @CurrentCaller() caller: Caller,
  ) {
    return this.cbos.claims(caller, query.status);
  }

  @Endpoint(ROUTES.decideCboClaim)
  decideClaim(
    @Input(ROUTES.decideCboClaim) { params, body }: RouteInput<typeof ROUTES.decideCboClaim>,
    @CurrentCaller() caller: Caller,
  ) {
    return this.cbos.decideClaim(caller, params.id, body);
  }
}

@Module({ controllers: [CbosController], providers: [CbosService] })
export class CbosModule {}
