import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { and, desc, eq, inArray, type SQL } from 'drizzle-orm';
import {
  startReferralFollowUp,
  type HotlineCall,
  type HotlineCallCorrection,
  type HotlineCallDraft,
} from '@bandanh/contracts';
import { NETWORK_DB, type NetworkDatabase } from '../db/database.module';
import { NetworkRepository } from '../db/repository';
import { cbos, hotlineCalls, partners, referrals } from '../db/schema';
import { NetworkOutbox } from '../outbox/network-outbox';

/** A hotline call as the repository has it: its referral, if any, is the referrals' to tell. */
export type StoredCall = Omit<HotlineCall, 'referral'>;

export type NewCall = Omit<HotlineCallDraft, 'referral' | 'occurredAt'> & {
  cboId: string;
  loggedBy: string;
  occurredAt: Date;
};

export interface NewReferral {
  callId: string;
  cboId: string;
  partnerId: string;
  reason: string;
}

/** The facts of a call a correction may change. */
export type CallFacts = Omit<HotlineCallCorrection, 'note'>;

/** One correction, for the audit log: who, which call, what it was and what it is now. */
export interface CallCorrection {
  callId: string;
  cboId: string;
  correctedBy: string;
  before: Partial<CallFacts>;
  after: Partial<CallFacts>;
  note?: string;
}

export interface CallFilter {
  cboId?: string;
  ids?: string[];
  limit?: number;
}

@Injectable()
export class HotlineRepository extends NetworkRepository {
  constructor(@Inject(NETWORK_DB) database: NetworkDatabase, outbox: NetworkOutbox) {
    super(database, outbox);
  }

  async findCbo(id: string): Promise<{ id: string; name: string } | undefined> {
    const [cbo] = await this.db.select({ id: cbos.id, name: cbos.name }).from(cbos).where(eq(cbos.id, id));
    return cbo;
  }

  async findPartner(id: string): Promise<{ name: string; active: boolean } | undefined> {
    const [partner] = await this.db
      .select({ name: partners.name, active: partners.active })
      .from(partners)
      .where(eq(partners.id, id));
    return partner;
  }

  /** Stores the call and answers its id. */
  async insertCall(call: NewCall): Promise<string> {
    const [row] = await this.db
      .insert(hotlineCalls)
      .values({
        cboId: call.cboId,
        loggedBy: call.loggedBy,
        channel: call.channel,
        callerName: call.callerName,
        occurredAt: call.occurredAt,
        issue: call.issue,
        summary: call.summary,
        guidance: call.guidance,
      })
      .returning({ id: hotlineCalls.id });
    return row.id;
  }

  /** Stores the call's referral and, through the outbox, starts its follow-up under `label`; its id. */
  async refer(referral: NewReferral, label: string): Promise<string> {
    const [row] = await this.db.insert(referrals).values(referral).returning({ id: referrals.id });
    await this.enqueue(startReferralFollowUp, { referralId: row.id, cboId: referral.cboId, label });
    return row.id;
  }

  /** Writes the corrected facts of a call, and who corrected it when. */
  async correctCall(id: string, facts: CallFacts, correctedBy: string): Promise<void> {
    await this.db
      .update(hotlineCalls)
      .set({ ...facts, occurredAt: new Date(facts.occurredAt), correctedBy, correctedAt: new Date() })
      .where(eq(hotlineCalls.id, id));
  }

  /** The correction's audit entry, through the outbox: it commits with the correction. */
  async auditCorrection(correction: CallCorrection): Promise<void> {
    const { callId, cboId, correctedBy, before, after, note } = correction;
    await this.audit({
      action: 'hotline.call.correct',
      target: { type: 'hotline_call', id: callId },
      actor: correctedBy,
      // A retried correction finds the facts corrected and writes nothing: each one is new.
      eventId: `hotline-correct:${callId}:${randomUUID()}`,
      details: { cboId, before, after, ...(note ? { note } : {}) },
    });
  }

  /** Calls, latest first: a CBO's, or those with `ids`; 50 unless `limit` says. */
  async calls(filter: CallFilter): Promise<StoredCall[]> {
    const conditions: SQL[] = [];
    if (filter.cboId) conditions.push(eq(hotlineCalls.cboId, filter.cboId));
    if (filter.ids) conditions.push(inArray(hotlineCalls.id, filter.ids));
    const rows = await this.db
      .select()
      .from(hotlineCalls)
      .where(conditions.length ? and(...conditions) : undefined)
      .orderBy(desc(hotlineCalls.occurredAt))
      .limit(filter.limit ?? 50);
    return rows.map((row) => ({
      id: row.id,
      cboId: row.cboId,
      channel: row.channel,
      callerName: row.callerName,
      occurredAt: row.occurredAt.toISOString(),
      issue: row.issue,
      summary: row.summary,
      guidance: row.guidance,
      loggedBy: row.loggedBy,
      correctedBy: row.correctedBy,
      correctedAt: row.correctedAt?.toISOString() ?? null,
    }));
  }
}
