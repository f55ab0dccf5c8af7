import { Controller } from '@nestjs/common';
import {
  appendAudit,
  appendAuditEntries,
  listAudit,
  verifyAudit,
  type Caller,
  type ParsedRequestOf,
} from '@bandanh/contracts';
import { Handles } from '@bandanh/platform';
import { AuditService } from './audit.service';

@Controller()
export class AuditHandlers {
  constructor(private readonly audit: AuditService) {}

  @Handles(appendAudit)
  async append(entry: ParsedRequestOf<typeof appendAudit>, caller: Caller) {
    return { seq: await this.audit.append(caller, entry) };
  }

  @Handles(appendAuditEntries)
  async appendMany({ entries }: ParsedRequestOf<typeof appendAuditEntries>, caller: Caller) {
    return { seqs: await this.audit.appendMany(caller, entries) };
  }

  @Handles(listAudit)
  list(query: ParsedRequestOf<typeof listAudit>, caller: Caller) {
    return this.audit.page(caller, query);
  }

  @Handles(verifyAudit)
  verify(_: ParsedRequestOf<typeof verifyAudit>, caller: Caller) {
    return this.audit.verify(caller);
  }
}
