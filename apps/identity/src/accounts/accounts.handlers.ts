import { Controller } from '@nestjs/common';
import {
  listAccounts,
  listStaffByRole,
  lookupStaffNames,
  setRoles,
  type Caller,
  type ParsedRequestOf,
} from '@bandanh/contracts';
import { Handles } from '@bandanh/platform';
import { AccountsService } from './accounts.service';

@Controller()
export class AccountsHandlers {
  constructor(private readonly accounts: AccountsService) {}

  @Handles(listAccounts)
  async list(_: ParsedRequestOf<typeof listAccounts>, caller: Caller) {
    return { items: await this.accounts.list(caller) };
  }

  @Handles(lookupStaffNames)
  async staffNames({ ids }: ParsedRequestOf<typeof lookupStaffNames>, caller: Caller) {
    return { items: await this.accounts.staffNames(caller, ids) };
  }

  @Handles(listStaffByRole)
  async byRole({ role }: ParsedRequestOf<typeof listStaffByRole>, caller: Caller) {
    return { items: await this.accounts.staffWithRole(caller, role) };
  }

  @Handles(setRoles)
  async setRoles({ userId, roles }: ParsedRequestOf<typeof setRoles>, caller: Caller) {
    return { account: await this.accounts.setRoles(caller, userId, roles) };
  }
}
