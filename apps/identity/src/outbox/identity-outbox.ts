import { Inject, Injectable, Logger } from '@nestjs/common';
import { sendNotification, type Contract, type RequestOf } from '@bandanh/contracts';
import { NatsRpc, ServiceOutbox, enqueue } from '@bandanh/platform';
import { IDENTITY_DB, type Executor, type IdentityDatabase } from '../db/database.module';
import { outbox } from '../db/schema';
import { OutboxRepository } from './outbox.repository';

/** How often delivered messages are deleted. */
const PURGE_EVERY_MS = 5_000;

/**
 * Identity's outbox: a message to another service (a password reset link's email) commits in
 * the same transaction as the change it follows (the link's hash), and the relay sends it, as
 * identity, until the orchestrator answers. A crash between the commit and the send loses
 * nothing; a second send starts nothing twice (the notification's key names the link). A
 * delivered message is deleted within seconds, since it may carry a secret.
 */
@Injectable()
export class IdentityOutbox extends ServiceOutbox {
  private readonly logger = new Logger('IdentityOutbox');
  private purging: NodeJS.Timeout | undefined;

  constructor(
    @Inject(IDENTITY_DB) database: IdentityDatabase,
    rpc: NatsRpc,
    private readonly repository: OutboxRepository,
  ) {
    super({
      service: 'identity',
      db: database.db as never,
      table: outbox,
      rpc,
      contracts: [sendNotification],
    });
  }

  override onApplicationBootstrap(): void {
    super.onApplicationBootstrap();
    this.purging = setInterval(() => void this.purge(), PURGE_EVERY_MS);
  }

  override async onApplicationShutdown(): Promise<void> {
    if (this.purging) clearInterval(this.purging);
    await super.onApplicationShutdown();
    await this.purge();
  }

  /** Writes a message into the outbox, in the caller's transaction (checked by its contract first). */
  async enqueue<C extends Contract>(contract: C, input: RequestOf<C>, tx: Executor): Promise<void> {
    await enqueue(tx as never, outbox, contract, input);
  }

  private async purge(): Promise<void> {
    try {
      await this.repository.deleteDelivered();
    } catch (error) {
      this.logger.warn({ err: error }, 'Delivered outbox messages could not be deleted; trying again');
    }
  }
}
