import { Inject, Injectable } from '@nestjs/common';
import { appendAudit, startPipeline, startReferralFollowUp } from '@bandanh/contracts';
import { AUDIT_OUTBOX_BATCH, NatsRpc, ServiceOutbox } from '@bandanh/platform';
import { NETWORK_DB, type NetworkDatabase } from '../db/database.module';
import { outbox } from '../db/schema';

/**
 * The network service's outbox: a CBO's pipeline start and a referral's follow-up start
 * commit with the CBO or the referral, and this relay sends them to the orchestrator until
 * it answers (docs/decisions/0001-create-and-start.md).
 */
@Injectable()
export class NetworkOutbox extends ServiceOutbox {
  constructor(@Inject(NETWORK_DB) database: NetworkDatabase, rpc: NatsRpc) {
    super({
      service: 'network',
      db: database.db as never,
      table: outbox,
      rpc,
      contracts: [startPipeline, startReferralFollowUp, appendAudit],
      batches: [AUDIT_OUTBOX_BATCH],
    });
  }
}
