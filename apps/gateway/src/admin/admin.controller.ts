import { Controller, Module } from '@nestjs/common';
import {
  createInvitation,
  listAccounts,
  listAudit,
  setRoles,
  verifyAudit,
  type Caller,
} from '@bandanh/contracts';
import { NatsRpc } from '@bandanh/platform';
import { CurrentCaller } from '../http/caller.decorator';
import { Endpoint, Input, type RouteInput } from '../http/route';
import { ROUTES } from '../http/routes';

@Controller()
export class AdminController {
  constructor(private readonly rpc: NatsRpc) {}

  @Endpoint(ROUTES.createInvitation)
  invite(
    @Input(ROUTES.createInvitation) { body }: RouteInput<typeof ROUTES.createInvitation>,
    @CurrentCaller() caller: Caller,
  ) {
    return this.rpc.send(createInvitation, body, caller);
  }

  @Endpoint(ROUTES.listAccounts)
  accounts(@CurrentCaller() caller: Caller) {
    return this.rpc.send(listAccounts, {}, caller);
  }

  @Endpoint(ROUTES.setRoles)
  setRoles(
    @Input(ROUTES.setRoles) { params, body }: RouteInput<typeof ROUTES.setRoles>,
    @CurrentCaller() caller: Caller,
  ) {
    return this.rpc.send(setRoles, { userId: params.id, roles: body.roles }, caller);
  }

  @Endpoint(ROUTES.listAudit)
  audit(
    @Input(ROUTES.listAudit) { query }: RouteInput<typeof ROUTES.listAudit>,
    @CurrentCaller() caller: Caller,
  ) {
    return this.rpc.send(listAudit, query, caller);
  }

  @Endpoint(ROUTES.verifyAudit)
  verify(@CurrentCaller() caller: Caller) {
    return this.rpc.send(verifyAudit, {}, caller);
  }
}

@Module({ controllers: [AdminController] })
export class AdminModule {}
