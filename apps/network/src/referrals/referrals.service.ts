import { Injectable } from '@nestjs/common';
import type { Caller, Referral } from '@bandanh/contracts';
import { requireGroup, requireSystem } from '@bandanh/platform';
import { referralNotFound } from './referrals.errors';
import { ReferralsRepository } from './referrals.repository';

type Outcome = NonNullable<Referral['outcome']>;

@Injectable()
export class ReferralsService {
  constructor(private readonly repository: ReferralsRepository) {}

  /** Programme staff follow the referrals, open or closed. */
  async list(caller: Caller, status?: Referral['status']): Promise<Referral[]> {
    requireGroup(caller, 'programmeStaff');
    return this.repository.list({ status });
  }

  /** Programme staff, and the referral's follow-up workflow, read one referral. */
  async get(caller: Caller, id: string): Promise<Referral> {
    if (caller.kind !== 'system') requireGroup(caller, 'programmeStaff');
    return this.find(id);
  }

  /** The referrals made on these hotline calls. */
  forCalls(callIds: string[]): Promise<Referral[]> {
    return this.repository.list({ callIds });
  }

  /**
   * Written by the referral's follow-up workflow, once the coordinator's step is accepted:
   * the referral stays open while the partner is still working on it, and closes otherwise.
   */
  async recordOutcome(
    caller: Caller,
    id: string,
    outcome: Outcome,
    note?: string,
    /** The coordinator whose step it was, and the follow-up's round (one outcome each). */
    step: { recordedBy?: string; round?: number } = {},
  ): Promise<Referral> {
    requireSystem(caller, 'orchestrator');
    await this.repository.transaction(async (tx) => {
      const [before] = await tx.list({ id });
      if (!before) throw referralNotFound(id);
      const status = outcome === 'in_progress' ? 'open' : 'closed';
      await tx.setOutcome(id, { outcome, outcomeNote: note ?? null, status });
      await tx.audit({
        action: 'network.referral.recordOutcome',
        target: { type: 'referral', id },
        actor: step.recordedBy ?? 'system:orchestrator',
        // The round names the step: a retried activity records its outcome once.
        eventId: `network.referral.recordOutcome:${id}:${step.round ?? before.outcomeAt ?? 'first'}`,
        details: {
          cboId: before.cboId,
          partnerName: before.partnerName,
          before: { status: before.status, outcome: before.outcome },
          after: { status, outcome },
        },
      });
    });
    return this.find(id);
  }

  private async find(id: string): Promise<Referral> {
    const [referral] = await this.repository.list({ id });
    if (!referral) throw referralNotFound(id);
    return referral;
  }
}
