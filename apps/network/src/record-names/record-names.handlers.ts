import { Controller } from '@nestjs/common';
import { lookupRecordNames, type Caller, type ParsedRequestOf } from '@bandanh/contracts';
import { Handles } from '@bandanh/platform';
import { RecordNamesService } from './record-names.service';

@Controller()
export class RecordNamesHandlers {
  constructor(private readonly records: RecordNamesService) {}

  @Handles(lookupRecordNames)
  async names(ids: ParsedRequestOf<typeof lookupRecordNames>, caller: Caller) {
    return { items: await this.records.names(caller, ids) };
  }
}
