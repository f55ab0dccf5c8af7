import { Injectable } from '@nestjs/common';
import type { Caller, HotlineCall, HotlineCallCorrection, HotlineCallDraft } from '@bandanh/contracts';
import { requireGroup } from '@bandanh/platform';
import { cboNotFound } from '../cbos/cbos.errors';
import { ReferralsService } from '../referrals/referrals.service';
import { callNotFound, unknownPartner } from './hotline.errors';
import { HotlineRepository, type CallFacts, type CallFilter, type StoredCall } from './hotline.repository';

const CORRECTABLE = ['channel', 'callerName', 'occurredAt', 'issue', 'summary', 'guidance'] as const;

/** The facts a correction changes: each as it was, and as it is now. */
function changes(call: StoredCall, facts: CallFacts) {
  const before: Partial<CallFacts> = {};
  const after: Partial<CallFacts> = {};
  for (const field of CORRECTABLE) {
    const now = field === 'occurredAt' ? new Date(facts.occurredAt).toISOString() : facts[field];
    if (call[field] !== now) {
      Object.assign(before, { [field]: call[field] });
      Object.assign(after, { [field]: now });
    }
  }
  return { before, after, changed: Object.keys(after).length > 0 };
}

@Injectable()
export class HotlineService {
  constructor(
    private readonly repository: HotlineRepository,
    private readonly referrals: ReferralsService,
  ) {}

  /**
   * Hotline staff log a call once per idempotency key and, where the group is referred to an
   * active partner NGO, the referral, whose follow-up starts with it: all in one transaction.
   */
  async log(
    caller: Caller,
    idempotencyKey: string,
    cboId: string,
    draft: HotlineCallDraft,
  ): Promise<{ call: HotlineCall; created: boolean }> {
    const { userId: loggedBy } = requireGroup(caller, 'hotlineStaff');
    const { result, replayed } = await this.repository.once(
      { name: 'network.hotline.log', key: idempotencyKey, request: { cboId, draft } },
      async (tx) => {
        const cbo = await tx.findCbo(cboId);
        if (!cbo) throw cboNotFound(cboId);
        let partnerName = '';
        if (draft.referral) {
          const partner = await tx.findPartner(draft.referral.partnerId);
          partnerName = partner?.name ?? '';
          if (!partner?.active) throw unknownPartner();
        }
        const { referral, occurredAt, ...call } = draft;
        const callId = await tx.insertCall({
          ...call,
          cboId,
          loggedBy,
          occurredAt: occurredAt ? new Date(occurredAt) : new Date(),
        });
        // What the call was about goes in the audit log; what was said stays with the call.
        await tx.audit({
          action: 'network.hotline.log',
          target: { type: 'hotline_call', id: callId },
          actor: loggedBy,
          eventId: `network.hotline.log:${callId}`,
          details: { cboId, channel: call.channel, issue: call.issue },
        });
        if (referral) {
          const referralId = await tx.refer(
            { callId, cboId, partnerId: referral.partnerId, reason: referral.reason },
            `${cbo.name} → ${partnerName}`,
          );
          await tx.audit({
            action: 'network.referral.create',
            target: { type: 'referral', id: referralId },
            actor: loggedBy,
            eventId: `network.referral.create:${referralId}`,
            details: { cboId, callId, partnerId: referral.partnerId, partnerName },
          });
        }
        return callId;
      },
    );
    const [call] = await this.calls({ ids: [result] });
    return { call, created: !replayed };
  }

  /**
   * Hotline staff correct a call logged wrong. Nothing is deleted: the call keeps its id and its
   * referral, takes the corrected facts, and the audit log keeps who corrected it, when, and each
   * changed fact before and after. A correction that changes nothing writes nothing.
   */
  async correct(caller: Caller, id: string, correction: HotlineCallCorrection): Promise<HotlineCall> {
    const { userId: correctedBy } = requireGroup(caller, 'hotlineStaff');
    const { note, ...facts } = correction;
    await this.repository.transaction(async (tx) => {
      const [call] = await tx.calls({ ids: [id] });
      if (!call) throw callNotFound(id);
      const { before, after, changed } = changes(call, facts);
      if (!changed) return;
      await tx.correctCall(id, facts, correctedBy);
      await tx.auditCorrection({ callId: id, cboId: call.cboId, correctedBy, before, after, note });
    });
    const [call] = await this.calls({ ids: [id] });
    return call;
  }

  /** Programme staff read the calls, a CBO's or all, latest first. */
  async list(caller: Caller, filter: Pick<CallFilter, 'cboId' | 'limit'>): Promise<HotlineCall[]> {
    requireGroup(caller, 'programmeStaff');
    return this.calls(filter);
  }

  /** The calls, each with the referral made on it (or null). */
  private async calls(filter: CallFilter): Promise<HotlineCall[]> {
    const calls = await this.repository.calls(filter);
    const linked = calls.length ? await this.referrals.forCalls(calls.map((call) => call.id)) : [];
    return calls.map((call) => ({
      ...call,
      referral: linked.find((referral) => referral.callId === call.id) ?? null,
    }));
  }
}
