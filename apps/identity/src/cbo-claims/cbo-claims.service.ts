import { Injectable } from '@nestjs/common';
import { isProvinceCode, type Caller, type CboClaim } from '@bandanh/contracts';
import { DomainError, requireGroup } from '@bandanh/platform';
import { AccountsRepository } from '../accounts/accounts.repository';
import { AuditService } from '../audit/audit.service';
import { alreadyLinked } from '../cbo-links/cbo-links.errors';
import { requireUnlinkedApplicant } from '../cbo-links/cbo-links.service';
import { Transactions } from '../db/database.module';
import { alreadyDecided, claimPending, notAProvince } from './cbo-claims.errors';
import { CboClaimsRepository } from './cbo-claims.repository';

export type ClaimDecisionInput =
  | { claimId: string; decision: 'confirm'; cboId: string }
  | { claimId: string; decision: 'decline'; reason: string };

/** The other way to link an account to a CBO: the applicant claims it, a coordinator confirms. */
@Injectable()
export class CboClaimsService {
  constructor(
    private readonly claims: CboClaimsRepository,
    private readonly accounts: AccountsRepository,
    private readonly audit: AuditService,
    private readonly transactions: Transactions,
  ) {}

  async create(
    caller: Caller,
    draft: { cboName: string; provinceCode: string; note: string },
  ): Promise<CboClaim> {
    const person = requireUnlinkedApplicant(caller, 'Only applicant accounts claim a CBO');
    if (!isProvinceCode(draft.provinceCode)) throw notAProvince();
    const id = await this.transactions.run(async (tx) => {
      if (await this.claims.hasPending(person.userId, tx)) throw claimPending();
      const claimId = await this.claims.insert(person.userId, draft, tx);
      await this.audit.record(
        person.userId,
        { action: 'cbo_claim.create', outcome: 'success', targetType: 'cbo_claim', targetId: claimId },
        tx,
      );
      return claimId;
    });
    return (await this.claims.find(id))!;
  }

  /** Coordinators see every claim (pending first by default); an applicant sees their own. */
  list(caller: Caller, status?: CboClaim['status']): Promise<CboClaim[]> {
    const person = requireGroup(caller, 'claimReaders');
    return this.claims.list({ status, userId: person.kind === 'applicant' ? person.userId : undefined });
  }

  /** Confirming links the applicant to the CBO the coordinator chose; declining says why. */
  async decide(caller: Caller, input: ClaimDecisionInput): Promise<CboClaim> {
    const staff = requireGroup(caller, 'cboWriters');
    await this.transactions.run(async (tx) => {
      const claim = await this.claims.lock(input.claimId, tx);
      if (!claim) throw DomainError.notFound('Claim', input.claimId);
      if (claim.status !== 'pending') throw alreadyDecided(claim.status);
      const decided = { decidedBy: staff.userId, decidedAt: new Date() };
      if (input.decision === 'confirm') {
        const applicant = await this.accounts.findById(claim.userId, tx);
        if (applicant?.cboId) throw alreadyLinked('The applicant');
        await this.accounts.update(claim.userId, { cboId: input.cboId }, tx);
        await this.claims.decide(claim.id, { ...decided, status: 'confirmed', cboId: input.cboId }, tx);
      } else {
        await this.claims.decide(
          claim.id,
          { ...decided, status: 'declined', decisionReason: input.reason },
          tx,
        );
      }
      await this.audit.record(
        staff.userId,
        {
          action: `cbo_claim.${input.decision}`,
          outcome: 'success',
          targetType: 'cbo_claim',
          targetId: claim.id,
          details:
            input.decision === 'confirm'
              ? { cboId: input.cboId, userId: claim.userId }
              : { userId: claim.userId },
        },
        tx,
      );
    });
    return (await this.claims.find(input.claimId))!;
  }
}
