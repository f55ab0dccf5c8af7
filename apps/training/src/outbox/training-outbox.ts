import { Inject, Injectable } from '@nestjs/common';
import {
  appendAudit,
  sendNotification,
  signalTrainingStarted,
  startTrainingSession,
} from '@bandanh/contracts';
import { AUDIT_OUTBOX_BATCH, NatsRpc, ServiceOutbox } from '@bandanh/platform';
import { TRAINING_DB, type TrainingDatabase } from '../db/database.module';
import { outbox } from '../db/schema';

/**
 * The training service's outbox: each change's audit entry, messages (notifications) and
 * workflow starts and signals commit with the change, and this relay sends them until they are
 * answered (docs/decisions/0001-create-and-start.md).
 */
@Injectable()
export class TrainingOutbox extends ServiceOutbox {
  constructor(@Inject(TRAINING_DB) database: TrainingDatabase, rpc: NatsRpc) {
    super({
      service: 'training',
      db: database.db as never,
      table: outbox,
      rpc,
      contracts: [appendAudit, sendNotification, startTrainingSession, signalTrainingStarted],
      batches: [AUDIT_OUTBOX_BATCH],
    });
  }
}
