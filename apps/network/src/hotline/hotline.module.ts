import { Controller, Inject, Injectable, Module } from '@nestjs/common';
import { and, asc, desc, eq, inArray, type SQL } from 'drizzle-orm';
import {
  getReferral,
  listHotlineCalls,
  listPartners,
  listReferrals,
  logHotlineCall,
  recordReferralOutcome,
  savePartner,
  startReferralFollowUp,
  type Caller,
  type HotlineCall,
  type HotlineCallDraft,
  type ParsedRequestOf,
  type Partner,
  type PartnerDraft,
  type Referral,
} from '@bandanh/contracts';
import { DomainError, Handles, enqueue, requireRole, requireSystem, runOnce } from '@bandanh/platform';
import { NETWORK_DB, type NetworkDatabase } from '../db/database.module';
import {
  cbos,
  hotlineCalls,
  idempotencyKeys,
  outbox,
  partners,
  referrals,
  type PartnerRow,
} from '../db/schema';
import { NetworkOutbox } from '../outbox/outbox.module';

const HOTLINE_STAFF = ['coordinator', 'admin'] as const;
const STAFF_READERS = ['coordinator', 'admin', 'assessor', 'approver'] as const;

function toPartner(row: PartnerRow): Partner {
  return {
    id: row.id,
    name: row.name,
    expertise: row.expertise,
    description: row.description,
    contactName: row.contactName,
    phone: row.phone,
    email: row.email,
    active: row.active,
  };
}

@Injectable()
export class HotlineService {
  constructor(
    @Inject(NETWORK_DB) private readonly database: NetworkDatabase,
    private readonly outbox: NetworkOutbox,
  ) {}

  async partners(includeInactive: boolean): Promise<Partner[]> {
    const rows = await this.database.db
      .select()
      .from(partners)
      .where(includeInactive ? undefined : eq(partners.active, true))
      .orderBy(asc(partners.name));
    return rows.map(toPartner);
  }

  async savePartner(id: string | undefined, key: string | undefined, draft: PartnerDraft) {
    const values = {
      ...draft,
      description: draft.description ?? null,
      contactName: draft.contactName ?? null,
      phone: draft.phone ?? null,
      email: draft.email ?? null,
    };
    if (id) {
      const [row] = await this.database.db
        .update(partners)
        .set({ ...values, updatedAt: new Date() })
        .where(eq(partners.id, id))
        .returning();
      if (!row) throw DomainError.notFound('Partner', id);
      return { partner: toPartner(row), created: false };
    }
    if (!key) throw DomainError.invalid([{ path: 'idempotencyKey', code: 'required', message: 'Required' }]);
    const { result, replayed } = await runOnce(
      this.database.db,
      idempotencyKeys,
      { name: 'network.partner.create', key, request: draft },
      async (tx) => toPartner((await tx.insert(partners).values(values).returning())[0]),
    );
    return { partner: result, created: !replayed };
  }

  /** Logs a call and, where the group is referred to a partner, the referral, in one transaction. */
  async log(key: string, cboId: string, loggedBy: string, draft: HotlineCallDraft) {
    const { result, replayed } = await runOnce(
      this.database.db,
      idempotencyKeys,
      { name: 'network.hotline.log', key, request: { cboId, draft } },
      async (tx) => {
        const [cbo] = await tx.select({ id: cbos.id, name: cbos.name }).from(cbos).where(eq(cbos.id, cboId));
        if (!cbo) throw DomainError.notFound('CBO', cboId);
        let partnerName = '';
        if (draft.referral) {
          const [partner] = await tx.select().from(partners).where(eq(partners.id, draft.referral.partnerId));
          partnerName = partner?.name ?? '';
          if (!partner?.active) {
            throw DomainError.invalid([
              {
                path: 'referral.partnerId',
                code: 'unknown_partner',
                message: 'Choose a partner NGO from the list',
              },
            ]);
          }
        }
        const [call] = await tx
          .insert(hotlineCalls)
          .values({
            cboId,
            loggedBy,
            channel: draft.channel,
            callerName: draft.callerName,
            occurredAt: draft.occurredAt ? new Date(draft.occurredAt) : new Date(),
            issue: draft.issue,
            summary: draft.summary,
            guidance: draft.guidance,
          })
          .returning();
        if (draft.referral) {
          const [referral] = await tx
            .insert(referrals)
            .values({
              callId: call.id,
              cboId,
              partnerId: draft.referral.partnerId,
              reason: draft.referral.reason,
            })
            .returning({ id: referrals.id });
          // The follow-up starts with the referral: the command commits with it (the outbox).
          await enqueue(tx, outbox, startReferralFollowUp, {
            referralId: referral.id,
            cboId,
            label: `${cbo.name} → ${partnerName}`,
          });
        }
        return call.id;
      },
    );
    if (!replayed) this.outbox.kick();
    const [call] = await this.calls({ ids: [result] });
    return { call, created: !replayed };
  }

  async calls(filter: { cboId?: string; ids?: string[]; limit?: number }): Promise<HotlineCall[]> {
    const conditions: SQL[] = [];
    if (filter.cboId) conditions.push(eq(hotlineCalls.cboId, filter.cboId));
    if (filter.ids) conditions.push(inArray(hotlineCalls.id, filter.ids));
    const rows = await this.database.db
      .select()
      .from(hotlineCalls)
      .where(conditions.length ? and(...conditions) : undefined)
      .orderBy(desc(hotlineCalls.occurredAt))
      .limit(filter.limit ?? 50);
    const linked = rows.length ? await this.referrals({ callIds: rows.map((row) => row.id) }) : [];
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
      referral: linked.find((referral) => referral.callId === row.id) ?? null,
    }));
  }

  async referrals(filter: {
    status?: 'open' | 'closed';
    callIds?: string[];
    id?: string;
  }): Promise<Referral[]> {
    const conditions: SQL[] = [];
    if (filter.status) conditions.push(eq(referrals.status, filter.status));
    if (filter.callIds) conditions.push(inArray(referrals.callId, filter.callIds));
    if (filter.id) conditions.push(eq(referrals.id, filter.id));
    const rows = await this.database.db
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

  async referral(id: string): Promise<Referral> {
    const [referral] = await this.referrals({ id });
    if (!referral) throw DomainError.notFound('Referral', id);
    return referral;
  }

  async recordOutcome(id: string, outcome: Referral['outcome'] & string, note?: string): Promise<Referral> {
    await this.database.db
      .update(referrals)
      .set({
        outcome,
        outcomeNote: note ?? null,
        outcomeAt: new Date(),
        status: outcome === 'in_progress' ? 'open' : 'closed',
      })
      .where(eq(referrals.id, id));
    return this.referral(id);
  }
}

@Controller()
export class HotlineHandlers {
  constructor(private readonly service: HotlineService) {}

  @Handles(listPartners)
  async partners({ includeInactive }: ParsedRequestOf<typeof listPartners>, caller: Caller) {
    requireRole(caller, ...STAFF_READERS);
    return { items: await this.service.partners(includeInactive) };
  }

  @Handles(savePartner)
  save({ id, idempotencyKey, partner }: ParsedRequestOf<typeof savePartner>, caller: Caller) {
    requireRole(caller, ...HOTLINE_STAFF);
    return this.service.savePartner(id, idempotencyKey, partner);
  }

  @Handles(logHotlineCall)
  log({ idempotencyKey, cboId, call }: ParsedRequestOf<typeof logHotlineCall>, caller: Caller) {
    const staff = requireRole(caller, ...HOTLINE_STAFF);
    return this.service.log(idempotencyKey, cboId, staff.userId, call);
  }

  @Handles(listHotlineCalls)
  async calls({ cboId, limit }: ParsedRequestOf<typeof listHotlineCalls>, caller: Caller) {
    requireRole(caller, ...STAFF_READERS);
    return { items: await this.service.calls({ cboId, limit }) };
  }

  @Handles(listReferrals)
  async referrals({ status }: ParsedRequestOf<typeof listReferrals>, caller: Caller) {
    requireRole(caller, ...STAFF_READERS);
    return { items: await this.service.referrals({ status }) };
  }

  @Handles(getReferral)
  async referral({ id }: ParsedRequestOf<typeof getReferral>, caller: Caller) {
    if (caller.kind !== 'system') requireRole(caller, ...STAFF_READERS);
    return { referral: await this.service.referral(id) };
  }

  /** Written by the referral's follow-up workflow, once the coordinator's step is accepted. */
  @Handles(recordReferralOutcome)
  async outcome({ id, outcome, note }: ParsedRequestOf<typeof recordReferralOutcome>, caller: Caller) {
    requireSystem(caller, 'orchestrator');
    return { referral: await this.service.recordOutcome(id, outcome, note) };
  }
}

@Module({ controllers: [HotlineHandlers], providers: [HotlineService] })
export class HotlineModule {}
