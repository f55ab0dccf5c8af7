import { Controller } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { Call, Reply, created } from '../http/call';
import { Endpoint } from '../http/route';
import { CBO_ROUTES } from './cbos.routes';
import { CbosService } from './cbos.service';

@Controller()
export class CbosController {
  constructor(private readonly cbos: CbosService) {}

  @Endpoint(CBO_ROUTES.listCbos)
  list(@Call() { query, caller }: Call<typeof CBO_ROUTES.listCbos>) {
    return this.cbos.list(caller, query);
  }

  @Endpoint(CBO_ROUTES.createCbo)
  create(@Call() { headers, body, caller }: Call<typeof CBO_ROUTES.createCbo>, @Reply() reply: FastifyReply) {
    return created(reply, this.cbos.record(caller, headers['idempotency-key'], body));
  }

  @Endpoint(CBO_ROUTES.getCbo)
  get(@Call() { params, caller }: Call<typeof CBO_ROUTES.getCbo>) {
    return this.cbos.get(caller, params.id);
  }

  @Endpoint(CBO_ROUTES.getCboPipeline)
  pipeline(@Call() { params, caller }: Call<typeof CBO_ROUTES.getCboPipeline>) {
    return this.cbos.pipeline(caller, params.id);
  }

  @Endpoint(CBO_ROUTES.issueCboLinkCode)
  issueLinkCode(@Call() { params, caller }: Call<typeof CBO_ROUTES.issueCboLinkCode>) {
    return this.cbos.issueLinkCode(caller, params.id);
  }

  @Endpoint(CBO_ROUTES.redeemCboLinkCode)
  redeemLinkCode(@Call() { body, caller }: Call<typeof CBO_ROUTES.redeemCboLinkCode>) {
    return this.cbos.redeemLinkCode(caller, body.code);
  }

  @Endpoint(CBO_ROUTES.findDuplicateCbos)
  duplicates(@Call() { query, caller }: Call<typeof CBO_ROUTES.findDuplicateCbos>) {
    return this.cbos.duplicates(caller, query);
  }

  @Endpoint(CBO_ROUTES.getApplicationStatus)
  status(@Call() { params }: Call<typeof CBO_ROUTES.getApplicationStatus>) {
    return this.cbos.applicationStatus(params.reference);
  }

  @Endpoint(CBO_ROUTES.myCbo)
  mine(@Call() { caller }: Call<typeof CBO_ROUTES.myCbo>) {
    return this.cbos.mine(caller);
  }
}
