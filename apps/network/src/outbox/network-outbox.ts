import { Inject, Injectable, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { appendAudit, startPipeline, startReferralFollowUp } from '@bandanh/contracts';
import { NatsRpc, OutboxRelay } from '@bandanh/platform';
import { NETWORK_DB, type NetworkDatabase } from '../db/database.module';
import { outbox } from '../db/schema';

/**
 * The network service's outbox: a CBO's pipeline start and a referral's follow-up start
 * commit with the CBO or the referral, and this relay sends them to the orchestrator until
 * it answers (docs/decisions/0001-create-and-start.md).
 */
@Injectable()
export class NetworkOutbox implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly relay: OutboxRelay;

  constructor(@Inject(NETWORK_DB) database: NetworkDatabase, rpc: NatsRpc) {
    this.relay = new OutboxRelay({
      service: 'network',
      db: database.db as never,
      table: outbox,
      rpc,
      contracts: [startPipeline, startReferralFollowUp, appendAudit],
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
