import { Controller } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { createGrantRound, getGrantRound, listGrantRounds, updateGrantRound } from '@bandanh/contracts';
import { NatsRpc } from '@bandanh/platform';
import { Call, Reply, created } from '../http/call';
import { Endpoint } from '../http/route';
import { GRANT_ROUND_ROUTES as ROUTES } from './grant-rounds.routes';

/** Grant rounds (grants service): admins open and change them, staff and eligible CBOs read them. */
@Controller()
export class GrantRoundsController {
  constructor(private readonly rpc: NatsRpc) {}

  @Endpoint(ROUTES.listGrantRounds)
  list(@Call() { query, caller }: Call<typeof ROUTES.listGrantRounds>) {
    return this.rpc.send(listGrantRounds, query, caller);
  }

  @Endpoint(ROUTES.getGrantRound)
  get(@Call() { params, caller }: Call<typeof ROUTES.getGrantRound>) {
    return this.rpc.send(getGrantRound, params, caller);
  }

  @Endpoint(ROUTES.createGrantRound)
  create(
    @Call() { headers, body, caller }: Call<typeof ROUTES.createGrantRound>,
    @Reply() reply: FastifyReply,
  ) {
    const request = { idempotencyKey: headers['idempotency-key'], draft: body };
    return created(reply, this.rpc.send(createGrantRound, request, caller));
  }

  @Endpoint(ROUTES.updateGrantRound)
  update(@Call() { params, body, caller }: Call<typeof ROUTES.updateGrantRound>) {
    return this.rpc.send(updateGrantRound, { id: params.id, draft: body }, caller);
  }
}
