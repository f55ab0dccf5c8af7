import { Controller } from '@nestjs/common';
import { listCboMembers, type Caller, type ParsedRequestOf } from '@bandanh/contracts';
import { Handles } from '@bandanh/platform';
import { CboMembersService } from './cbo-members.service';

@Controller()
export class CboMembersHandlers {
  constructor(private readonly members: CboMembersService) {}

  @Handles(listCboMembers)
  async list({ cboId }: ParsedRequestOf<typeof listCboMembers>, caller: Caller) {
    return { items: await this.members.list(caller, cboId) };
  }
}
