import { Inject, Injectable } from '@nestjs/common';
import {
  appendAudit,
  sendNotification,
  signalGrantResubmitted,
  startGrantApplicationRun,
} from '@bandanh/contracts';
import { AUDIT_OUTBOX_BATCH, NatsRpc, ServiceOutbox } from '@bandanh/platform';
import { GRANTS_DB, type GrantsDatabase } from '../db/database.module';
import { outbox } from '../db/schema';

/**
 * The grants service's outbox: each change's audit entry, messages (notifications) and the
 * application workflows' starts and signals commit with the change, and this relay sends them
 * until they are answered (docs/decisions/0001-create-and-start.md).
 */
@Injectable()
export class GrantsOutbox extends ServiceOutbox {
  constructor(@Inject(GRANTS_DB) database: GrantsDatabase, rpc: NatsRpc) {
    super({
      service: 'grants',
      db: database.db as never,
      table: outbox,
      rpc,
      contracts: [appendAudit, sendNotification, startGrantApplicationRun, signalGrantResubmitted],
      batches: [AUDIT_OUTBOX_BATCH],
    });
  }
}
