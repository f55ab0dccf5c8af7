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
  @Endpoint(ROUTES.findDuplicateCbos)
  duplicates(
    @Input(ROUTES.findDuplicateCbos) { query }: RouteInput<typeof ROUTES.findDuplicateCbos>,
    @CurrentCaller() caller: Caller,
  ) {
    return this.cbos.duplicates(caller, query);
  }

  @Endpoint(ROUTES.assessCbo)
  assess(
    @Input(ROUTES.assessCbo) { params, body }: RouteInput<typeof ROUTES.assessCbo>,
    @CurrentCaller() caller: Caller,
  ) {
    return this.cbos.assess(caller, params.id, body);
  }

  @Endpoint(ROUTES.listCboAssessments)
  assessments(
    @Input(ROUTES.listCboAssessments) { params }: RouteInput<typeof ROUTES.listCboAssessments>,
    @CurrentCaller() caller: Caller,
  ) {
    return this.cbos.assessments(caller, params.id);
  }

  @Endpoint(ROUTES.decideSelection)
  decide(
    @Input(ROUTES.decideSelection) { params, body }: RouteInput<typeof ROUTES.decideSelection>,
    @CurrentCaller() caller: Caller,
  ) {
    return this.cbos.decide(caller, params.id, body);
  }

  @Endpoint(ROUTES.reopenAssessment)
  reopen(
    @Input(ROUTES.reopenAssessment) { params }: RouteInput<typeof ROUTES.reopenAssessment>,
    @CurrentCaller() caller: Caller,
  ) {
    return this.cbos.reopen(caller, params.id);
  }

  @Endpoint(ROUTES.withdrawCbo)
  withdraw(
    @Input(ROUTES.withdrawCbo) { params, body }: RouteInput<typeof ROUTES.withdrawCbo>,
    @CurrentCaller() caller: Caller,
  ) {
    return this.cbos.withdraw(caller, params.id, body.reason);
  }

  @Endpoint(ROUTES.myCbo)
  mine(@CurrentCaller() caller: Caller) {
    return this.cbos.mine(caller);
  }

  @Endpoint(ROUTES.listCboHotline)
  hotline(
    @Input(ROUTES.listCboHotline) { params }: RouteInput<typeof ROUTES.listCboHotline>,
    @CurrentCaller() caller: Caller,
  ) {
    return this.cbos.hotline(caller, params.id);
  }

  @Endpoint(ROUTES.logHotlineCall)
  async logCall(
    @Input(ROUTES.logHotlineCall) { params, headers, body }: RouteInput<typeof ROUTES.logHotlineCall>,
    @CurrentCaller() caller: Caller,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const result = await this.cbos.logCall(caller, params.id, headers['idempotency-key'], body);
    if (!result.created) void reply.status(200);
    return result;
  }
}

@Module({ controllers: [CbosController], providers: [CbosService] })
export class CbosModule {}
