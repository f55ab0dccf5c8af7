import { Controller } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { createFieldVisit, linkCboToVisit, listFieldVisits } from '@bandanh/contracts';
import { NatsRpc } from '@bandanh/platform';
import { Call, Reply, created } from '../http/call';
import { Endpoint } from '../http/route';
import { FIELD_VISIT_ROUTES } from './field-visits.routes';

@Controller()
export class FieldVisitsController {
  constructor(private readonly rpc: NatsRpc) {}

  @Endpoint(FIELD_VISIT_ROUTES.listFieldVisits)
  list(@Call() { caller }: Call<typeof FIELD_VISIT_ROUTES.listFieldVisits>) {
    return this.rpc.send(listFieldVisits, {}, caller);
  }

  @Endpoint(FIELD_VISIT_ROUTES.createFieldVisit)
  create(
    @Call() { headers, body, caller }: Call<typeof FIELD_VISIT_ROUTES.createFieldVisit>,
    @Reply() reply: FastifyReply,
  ) {
    const request = { idempotencyKey: headers['idempotency-key'], visit: body };
    return created(reply, this.rpc.send(createFieldVisit, request, caller));
  }

  @Endpoint(FIELD_VISIT_ROUTES.linkCboToVisit)
  linkCbo(@Call() { params, body, caller }: Call<typeof FIELD_VISIT_ROUTES.linkCboToVisit>) {
    return this.rpc.send(linkCboToVisit, { visitId: params.id, cboId: body.cboId }, caller);
  }
}
