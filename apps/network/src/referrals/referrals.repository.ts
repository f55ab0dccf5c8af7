import { Inject, Injectable } from '@nestjs/common';
import { and, desc, eq, inArray, type SQL } from 'drizzle-orm';
import type { Referral } from '@bandanh/contracts';
import { NETWORK_DB, type NetworkDatabase } from '../db/database.module';
import { NetworkRepository } from '../db/repository';
import { cbos, partners, referrals } from '../db/schema';
import { NetworkOutbox } from '../outbox/network-outbox';

export interface ReferralFilter {
  status?: Referral['status'];
  callIds?: string[];
  id?: string;
}

export type ReferralOutcomeRecord = Pick<Referral, 'status' | 'outcome' | 'outcomeNote'>;

@Injectable()
export class ReferralsRepository extends NetworkRepository {
  constructor(@Inject(NETWORK_DB) database: NetworkDatabase, outbox: NetworkOutbox) {
    super(database, outbox);
  }

  /** Referrals with their CBO's and partner's names, newest first. */
  async list(filter: ReferralFilter): Promise<Referral[]> {
    const conditions: SQL[] = [];
    if (filter.status) conditions.push(eq(referrals.status, filter.status));
    if (filter.callIds) conditions.push(inArray(referrals.callId, filter.callIds));
    if (filter.id) conditions.push(eq(referrals.id, filter.id));
    const rows = await this.db
      .select({ referral: referrals, cboName: cbos.name, partnerName: partners.name })
      .from(referrals)
      .innerJoin(cbos, eq(cbos.id, referrals.cboId))
      .innerJoin(partners, eq(partners.id, referrals.partnerId))
      .where(conditions.length ? and(...conditions) : undefined)
      .orderBy(desc(referrals.createdAt));
    return rows.map(({ referral, cboName, partnerName }) => ({
      id: referral.id,
      callId: referral.callId,
      cboId: referral.cboId,
      cboName,
      partnerId: referral.partnerId,
      partnerName,
      reason: referral.reason,
      status: referral.status,
      outcome: referral.outcome,
      outcomeNote: referral.outcomeNote,
      outcomeAt: referral.outcomeAt?.toISOString() ?? null,
      createdAt: referral.createdAt.toISOString(),
    }));
  }

  /** Writes the outcome, dated now. */
  async setOutcome(id: string, outcome: ReferralOutcomeRecord): Promise<void> {
    await this.db
      .update(referrals)
      .set({ ...outcome, outcomeAt: new Date() })
      .where(eq(referrals.id, id));
  }
}
