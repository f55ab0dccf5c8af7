import { Controller } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { listPartners, savePartner } from '@bandanh/contracts';
import { NatsRpc } from '@bandanh/platform';
import { Call, Reply, created } from '../http/call';
import { Endpoint } from '../http/route';
import { PARTNER_ROUTES } from './partners.routes';

@Controller()
export class PartnersController {
  constructor(private readonly rpc: NatsRpc) {}

  @Endpoint(PARTNER_ROUTES.listPartners)
  list(@Call() { query, caller }: Call<typeof PARTNER_ROUTES.listPartners>) {
    return this.rpc.send(listPartners, query, caller);
  }

  @Endpoint(PARTNER_ROUTES.createPartner)
  create(
    @Call() { headers, body, caller }: Call<typeof PARTNER_ROUTES.createPartner>,
    @Reply() reply: FastifyReply,
  ) {
    const request = { idempotencyKey: headers['idempotency-key'], partner: body };
    return created(reply, this.rpc.send(savePartner, request, caller));
  }

  @Endpoint(PARTNER_ROUTES.updatePartner)
  update(@Call() { params, body, caller }: Call<typeof PARTNER_ROUTES.updatePartner>) {
    return this.rpc.send(savePartner, { id: params.id, partner: body }, caller);
  }
}
