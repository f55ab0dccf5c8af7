import { Controller } from '@nestjs/common';
import {
  createInvitation,
  listAccounts,
  listInvitations,
  revokeInvitation,
  setRoles,
  verifyAudit,
} from '@bandanh/contracts';
import { NatsRpc } from '@bandanh/platform';
import { Call } from '../http/call';
import { Endpoint } from '../http/route';
import { ADMIN_ROUTES } from './admin.routes';
import { auditPage } from './audit-page';

@Controller()
export class AdminController {
  constructor(private readonly rpc: NatsRpc) {}

  @Endpoint(ADMIN_ROUTES.createInvitation)
  invite(@Call() { body, caller }: Call<typeof ADMIN_ROUTES.createInvitation>) {
    return this.rpc.send(createInvitation, body, caller);
  }

  @Endpoint(ADMIN_ROUTES.listInvitations)
  invitations(@Call() { caller }: Call<typeof ADMIN_ROUTES.listInvitations>) {
    return this.rpc.send(listInvitations, {}, caller);
  }

  @Endpoint(ADMIN_ROUTES.revokeInvitation)
  revoke(@Call() { params, caller }: Call<typeof ADMIN_ROUTES.revokeInvitation>) {
    return this.rpc.send(revokeInvitation, { id: params.id }, caller);
  }

  @Endpoint(ADMIN_ROUTES.listAccounts)
  accounts(@Call() { caller }: Call<typeof ADMIN_ROUTES.listAccounts>) {
    return this.rpc.send(listAccounts, {}, caller);
  }

  @Endpoint(ADMIN_ROUTES.setRoles)
  setRoles(@Call() { params, body, caller }: Call<typeof ADMIN_ROUTES.setRoles>) {
    return this.rpc.send(setRoles, { userId: params.id, roles: body.roles }, caller);
  }

  @Endpoint(ADMIN_ROUTES.listAudit)
  audit(@Call() { query, caller }: Call<typeof ADMIN_ROUTES.listAudit>) {
    return auditPage(this.rpc, query, caller);
  }

  @Endpoint(ADMIN_ROUTES.verifyAudit)
  verify(@Call() { caller }: Call<typeof ADMIN_ROUTES.verifyAudit>) {
    return this.rpc.send(verifyAudit, {}, caller);
  }
}
