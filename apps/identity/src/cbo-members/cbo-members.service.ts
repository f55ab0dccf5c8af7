import { Injectable } from '@nestjs/common';
import type { Caller, CboMember } from '@bandanh/contracts';
import { requireSystem } from '@bandanh/platform';
import { CboMembersRepository } from './cbo-members.repository';

/** A CBO's members, for the services that write to them (orchestrator, training, grants); nobody else asks. */
@Injectable()
export class CboMembersService {
  constructor(private readonly members: CboMembersRepository) {}

  async list(caller: Caller, cboId: string): Promise<CboMember[]> {
    requireSystem(caller, 'orchestrator', 'training', 'grants');
    // Each in the language they signed up in (Khmer for accounts older than that choice).
    return this.members.activeMembers(cboId);
  }
}
