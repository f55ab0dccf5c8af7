import { Controller } from '@nestjs/common';
import {
  acceptInvitation,
  createInvitation,
  getInvitation,
  listInvitations,
  revokeInvitation,
  type Caller,
  type ParsedRequestOf,
} from '@bandanh/contracts';
import { Handles } from '@bandanh/platform';
import { InvitationsService } from './invitations.service';

@Controller()
export class InvitationsHandlers {
  constructor(private readonly invitations: InvitationsService) {}

  @Handles(createInvitation)
  create({ email, roles }: ParsedRequestOf<typeof createInvitation>, caller: Caller) {
    return this.invitations.create(caller, email, roles);
  }

  @Handles(getInvitation)
  describe({ token }: ParsedRequestOf<typeof getInvitation>) {
    return this.invitations.describe(token);
  }

  @Handles(acceptInvitation)
  accept({ token, displayName, password, locale }: ParsedRequestOf<typeof acceptInvitation>) {
    return this.invitations.accept(token, displayName, password, locale);
  }

  @Handles(listInvitations)
  list(_request: ParsedRequestOf<typeof listInvitations>, caller: Caller) {
    return this.invitations.listPending(caller);
  }

  @Handles(revokeInvitation)
  revoke({ id }: ParsedRequestOf<typeof revokeInvitation>, caller: Caller) {
    return this.invitations.revoke(caller, id);
  }
}
