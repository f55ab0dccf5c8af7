import { Controller } from '@nestjs/common';
import {
  attachGrantFile,
  detachGrantFile,
  getGrantApplication,
  getGrantAttachment,
  listGrantApplications,
  listMyGrantApplications,
  saveGrantApplication,
  startGrantApplication,
  submitGrantApplication,
  type Caller,
  type ParsedRequestOf,
} from '@bandanh/contracts';
import { Handles } from '@bandanh/platform';
import { ApplicationsService } from './applications.service';

@Controller()
export class ApplicationsHandlers {
  constructor(private readonly applications: ApplicationsService) {}

  @Handles(startGrantApplication)
  start({ roundId }: ParsedRequestOf<typeof startGrantApplication>, caller: Caller) {
    return this.applications.start(caller, roundId);
  }

  @Handles(saveGrantApplication)
  save({ id, baseVersion, draft }: ParsedRequestOf<typeof saveGrantApplication>, caller: Caller) {
    return this.applications.save(caller, id, baseVersion, draft);
  }

  @Handles(submitGrantApplication)
  submit(
    { id, idempotencyKey, baseVersion }: ParsedRequestOf<typeof submitGrantApplication>,
    caller: Caller,
  ) {
    return this.applications.submit(caller, id, idempotencyKey, baseVersion);
  }

  @Handles(getGrantApplication)
  async get({ id }: ParsedRequestOf<typeof getGrantApplication>, caller: Caller) {
    return { application: await this.applications.get(caller, id) };
  }

  @Handles(listMyGrantApplications)
  async mine(_input: ParsedRequestOf<typeof listMyGrantApplications>, caller: Caller) {
    return { items: await this.applications.mine(caller) };
  }

  @Handles(listGrantApplications)
  list(filter: ParsedRequestOf<typeof listGrantApplications>, caller: Caller) {
    return this.applications.list(caller, filter);
  }

  @Handles(attachGrantFile)
  attach({ id, ...file }: ParsedRequestOf<typeof attachGrantFile>, caller: Caller) {
    return this.applications.attach(caller, id, file);
  }

  @Handles(detachGrantFile)
  detach({ id, attachmentId }: ParsedRequestOf<typeof detachGrantFile>, caller: Caller) {
    return this.applications.detach(caller, id, attachmentId);
  }

  @Handles(getGrantAttachment)
  attachment({ id, attachmentId }: ParsedRequestOf<typeof getGrantAttachment>, caller: Caller) {
    return this.applications.attachment(caller, id, attachmentId);
  }
}
