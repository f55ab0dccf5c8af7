import { Injectable } from '@nestjs/common';
import type { Caller, RecordName } from '@bandanh/contracts';
import { requireGroup } from '@bandanh/platform';
import { RecordNamesRepository } from './record-names.repository';

/** Names for ids: what the audit log shows instead of a CBO's or a partner's id. */
@Injectable()
export class RecordNamesService {
  constructor(private readonly repository: RecordNamesRepository) {}

  /** Programme staff (admins among them) read the names; a CBO member or the public cannot. */
  async names(caller: Caller, ids: { cbos: string[]; partners: string[] }): Promise<RecordName[]> {
    requireGroup(caller, 'programmeStaff');
    return this.repository.names([...new Set(ids.cbos)], [...new Set(ids.partners)]);
  }
}
