import { Inject, Injectable } from '@nestjs/common';
import { and, desc, eq } from 'drizzle-orm';
import { isProvinceCode, type Caller, type CboClaim } from '@bandanh/contracts';
import { DomainError, requirePerson, requireRole } from '@bandanh/platform';
import { AuditRepository } from '../audit/audit.repository';
import { UsersRepository } from '../accounts/users.repository';
import { IDENTITY_DB, type IdentityDatabase } from '../db/database.module';
import { cboClaims, users } from '../db/schema';

type ClaimRow = typeof cboClaims.$inferSelect & { applicantName: string; applicantEmail: string };

function toClaim(row: ClaimRow): CboClaim {
  return {
    id: row.id,
    userId: row.userId,
    applicantName: row.applicantName,
    applicantEmail: row.applicantEmail,
    cboName: row.cboName,
    provinceCode: row.provinceCode,
    note: row.note,
    status: row.status,
    cboId: row.cboId,
    decisionReason: row.decisionReason,
    createdAt: row.createdAt.toISOString(),
  };
}

/** The other way to link an account to a CBO: the applicant claims it, a coordinator confirms. */
@Injectable()
export class CboClaimsService {
  constructor(
    @Inject(IDENTITY_DB) private readonly database: IdentityDatabase,
    private readonly users: UsersRepository,
    private readonly audit: AuditRepository,
  ) {}

  private select() {
    return this.database.db
      .select({ claim: cboClaims, applicantName: users.displayName, applicantEmail: users.email })
      .from(cboClaims)
      .innerJoin(users, eq(users.id, cboClaims.userId));
  }

  private async find(id: string): Promise<CboClaim | undefined> {
    const [row] = await this.select().where(eq(cboClaims.id, id));
    return (
      row && toClaim({ ...row.claim, applicantName: row.applicantName, applicantEmail: row.applicantEmail })
    );
  }

  async create(
    caller: Caller,
    draft: { cboName: string; provinceCode: string; note: string },
  ): Promise<CboClaim> {
    const person = requirePerson(caller);
    if (person.kind !== 'applicant')
      throw new DomainError('FORBIDDEN', 'Only applicant accounts claim a CBO');
    if (person.cboId)
      throw new DomainError('CONFLICT', 'Your account is already linked to a CBO', {
        reason: 'already_linked',
      });
    if (!isProvinceCode(draft.provinceCode)) {
      throw DomainError.invalid([
        { path: 'provinceCode', code: 'invalid_value', message: 'Choose a province from the list' },
      ]);
    }
    const id = await this.database.db.transaction(async (tx) => {
      const [pending] = await tx
        .select({ id: cboClaims.id })
        .from(cboClaims)
        .where(and(eq(cboClaims.userId, person.userId), eq(cboClaims.status, 'pending')));
      if (pending)
        throw new DomainError('CONFLICT', 'You already have a claim waiting for a coordinator', {
          reason: 'claim_pending',
        });
      const [row] = await tx
        .insert(cboClaims)
        .values({ userId: person.userId, ...draft })
        .returning({ id: cboClaims.id });
      await this.audit.append(
        person.userId,
        { action: 'cbo_claim.create', outcome: 'success', targetType: 'cbo_claim', targetId: row.id },
        tx,
      );
      return row.id;
    });
    return (await this.find(id))!;
  }

  /** Coordinators see every claim (pending first by default); an applicant sees their own. */
  async list(caller: Caller, status?: CboClaim['status']): Promise<CboClaim[]> {
    const person = requirePerson(caller);
    const filters = [
      status ? eq(cboClaims.status, status) : undefined,
      person.kind === 'applicant' ? eq(cboClaims.userId, person.userId) : undefined,
    ];
    if (person.kind === 'staff') requireRole(caller, 'coordinator', 'admin');
    const rows = await this.select()
      .where(and(...filters))
      .orderBy(desc(cboClaims.createdAt))
      .limit(200);
    return rows.map((r) =>
      toClaim({ ...r.claim, applicantName: r.applicantName, applicantEmail: r.applicantEmail }),
    );
  }

  /** Confirming links the applicant to the CBO the coordinator chose; declining says why. */
  async decide(
    caller: Caller,
    input:
      | { claimId: string; decision: 'confirm'; cboId: string }
      | { claimId: string; decision: 'decline'; reason: string },
  ): Promise<CboClaim> {
    const staff = requireRole(caller, 'coordinator', 'admin');
    await this.database.db.transaction(async (tx) => {
      const [claim] = await tx.select().from(cboClaims).where(eq(cboClaims.id, input.claimId)).for('update');
      if (!claim) throw DomainError.notFound('Claim', input.claimId);
      if (claim.status !== 'pending')
        throw new DomainError('CONFLICT', `This claim was already ${claim.status}`, {
          reason: 'already_decided',
        });
      const decided = { decidedBy: staff.userId, decidedAt: new Date() };
      if (input.decision === 'confirm') {
        const applicant = await this.users.findById(claim.userId, tx);
        if (applicant?.cboId)
          throw new DomainError('CONFLICT', 'The applicant is already linked to a CBO', {
            reason: 'already_linked',
          });
        await this.users.update(claim.userId, { cboId: input.cboId }, tx);
        await tx
          .update(cboClaims)
          .set({ ...decided, status: 'confirmed', cboId: input.cboId })
          .where(eq(cboClaims.id, claim.id));
      } else {
        await tx
          .update(cboClaims)
          .set({ ...decided, status: 'declined', decisionReason: input.reason })
          .where(eq(cboClaims.id, claim.id));
      }
      await this.audit.append(
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
    return (await this.find(input.claimId))!;
  }
}
