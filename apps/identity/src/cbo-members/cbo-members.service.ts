import { Injectable } from '@nestjs/common';
import type { Caller, CboMember } from '@bandanh/contracts';
import { requireSystem } from '@bandanh/platform';
import { CboMembersRepository } from './cbo-members.repository';

/** A CBO's members, for the orchestrator that notifies them; nobody else asks. */
@Injectable()
export class CboMembersService {
  constructor(private readonly members: CboMembersRepository) {}

  async list(caller: Caller, cboId: string): Promise<CboMember[]> {
    requireSystem(caller, 'orchestrator');
    const rows = await this.members.activeMembers(cboId);
    // Accounts keep no language yet: members read Khmer until they can choose.
    return rows.map((row) => ({ ...row, locale: 'km' }));
  }
}
