import { Inject, Injectable, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import {
  appendAudit,
  sendNotification,
  signalGrantResubmitted,
  startGrantApplicationRun,
} from '@bandanh/contracts';
import { NatsRpc, OutboxRelay } from '@bandanh/platform';
import { GRANTS_DB, type GrantsDatabase } from '../db/database.module';
import { outbox } from '../db/schema';

/**
 * The grants service's outbox: each change's audit entry, messages (notifications) and the
 * application workflows' starts and signals commit with the change, and this relay sends them
 * until they are answered (docs/decisions/0001-create-and-start.md).
 */
@Injectable()
export class GrantsOutbox implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly relay: OutboxRelay;

  constructor(@Inject(GRANTS_DB) database: GrantsDatabase, rpc: NatsRpc) {
    this.relay = new OutboxRelay({
      service: 'grants',
      db: database.db as never,
      table: outbox,
      rpc,
      contracts: [appendAudit, sendNotification, startGrantApplicationRun, signalGrantResubmitted],
    });
  }

  onApplicationBootstrap(): void {
    this.relay.start();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.relay.stop();
  }

  /** Sends what was just committed without waiting for the next poll. */
  kick(): void {
    this.relay.kick();
  }
}
