import { randomUUID } from 'node:crypto';
import type { CboClaim } from '@bandanh/contracts';
import type { InMemoryAccounts } from '../accounts/accounts.fakes';
import { copy, type Shape } from '../testing/fakes';
import type { ClaimDecision, ClaimRow, CboClaimsRepository } from './cbo-claims.repository';

/** Claims in memory, joined with the accounts for the applicant's name and email. */
export class InMemoryClaims implements Shape<CboClaimsRepository> {
  readonly rows: ClaimRow[] = [];

  constructor(private readonly accounts: InMemoryAccounts) {}

  private toClaim(row: ClaimRow): CboClaim {
    const applicant = this.accounts.rows.find((user) => user.id === row.userId)!;
    const { decidedBy: _by, decidedAt: _at, ...claim } = row;
    return {
      ...claim,
      applicantName: applicant.displayName,
      applicantEmail: applicant.email,
      createdAt: row.createdAt.toISOString(),
    };
  }

  async find(id: string) {
    const row = this.rows.find((candidate) => candidate.id === id);
    return row && this.toClaim(row);
  }

  async list(filter: { status?: ClaimRow['status']; userId?: string }) {
    return this.rows
      .filter(
        (row) =>
          (!filter.status || row.status === filter.status) &&
          (!filter.userId || row.userId === filter.userId),
      )
      .reverse()
      .map((row) => this.toClaim(row));
  }

  async hasPending(userId: string) {
    return this.rows.some((row) => row.userId === userId && row.status === 'pending');
  }

  async insert(userId: string, draft: { cboName: string; provinceCode: string; note: string }) {
    const row: ClaimRow = {
      id: randomUUID(),
      userId,
      ...draft,
      status: 'pending',
      cboId: null,
      decidedBy: null,
      decisionReason: null,
      createdAt: new Date(),
      decidedAt: null,
    };
    this.rows.push(row);
    return row.id;
  }

  async lock(id: string) {
    return copy(this.rows.find((row) => row.id === id));
  }

  async decide(id: string, decision: ClaimDecision) {
    Object.assign(
      this.rows.find((row) => row.id === id)!,
      decision,
    );
  }
}
