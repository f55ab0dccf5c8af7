import { Inject, Injectable } from '@nestjs/common';
import { randomInt } from 'node:crypto';
import type { Account, Caller } from '@bandanh/contracts';
import { DomainError, requireGroup, requirePerson, sha256 } from '@bandanh/platform';
import { AccountsRepository, toAccount } from '../accounts/accounts.repository';
import { AuditService, onUser } from '../audit/audit.service';
import type { IdentityConfig } from '../config/env';
import { Transactions } from '../db/database.module';
import { IDENTITY_CONFIG } from '../security/security.module';
import { DAY, issueToken } from '../security/tokens';
import { alreadyLinked, unknownLinkCode } from './cbo-links.errors';
import { CboLinksRepository } from './cbo-links.repository';

const ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';

/** XXXXX-XXXXX without look-alike letters; about 50 bits. */
export function newLinkCode(): string {
  const chars = Array.from({ length: 10 }, () => ALPHABET[randomInt(ALPHABET.length)]);
  return `${chars.slice(0, 5).join('')}-${chars.slice(5).join('')}`;
}

export function normaliseLinkCode(code: string): string {
  const raw = code.toUpperCase().replace(/[^A-Z0-9]/g, '');
  return raw.length === 10 ? `${raw.slice(0, 5)}-${raw.slice(5)}` : raw;
}

/** The caller is an applicant whose account belongs to no CBO yet (`onlyApplicants` says why not). */
export function requireUnlinkedApplicant(caller: Caller, onlyApplicants: string) {
  const person = requirePerson(caller);
  if (person.kind !== 'applicant') throw new DomainError('FORBIDDEN', onlyApplicants);
  if (person.cboId) throw alreadyLinked();
  return person;
}

/** A coordinator gives an applicant a code for their CBO; redeeming it links the account. */
@Injectable()
export class CboLinksService {
  constructor(
    @Inject(IDENTITY_CONFIG) private readonly config: IdentityConfig,
    private readonly links: CboLinksRepository,
    private readonly accounts: AccountsRepository,
    private readonly audit: AuditService,
    private readonly transactions: Transactions,
  ) {}

  async issue(caller: Caller, cboId: string) {
    const staff = requireGroup(caller, 'cboWriters');
    const {
      token: code,
      tokenHash,
      expiresAt,
    } = issueToken(this.config.CBO_LINK_CODE_TTL_DAYS * DAY, newLinkCode);
    await this.transactions.run(async (tx) => {
      await this.links.insert({ codeHash: tokenHash, cboId, issuedBy: staff.userId, expiresAt }, tx);
      await this.audit.record(
        staff.userId,
        { action: 'cbo_link.issue', outcome: 'success', targetType: 'cbo', targetId: cboId },
        tx,
      );
    });
    return { code, expiresAt: expiresAt.toISOString() };
  }

  async redeem(caller: Caller, code: string): Promise<{ account: Account }> {
    const person = requireUnlinkedApplicant(caller, 'Only applicant accounts link to a CBO');
    const linked = await this.transactions.run(async (tx) => {
      const cboId = await this.links.spend(sha256(normaliseLinkCode(code)), person.userId, tx);
      if (!cboId) return undefined;
      const user = await this.accounts.update(person.userId, { cboId }, tx);
      await this.audit.record(
        person.userId,
        { action: 'cbo_link.redeem', outcome: 'success', targetType: 'cbo', targetId: cboId },
        tx,
      );
      return { account: toAccount(user!) };
    });
    if (!linked) {
      await this.audit.record(person.userId, {
        action: 'cbo_link.redeem',
        outcome: 'failure',
        ...onUser(person.userId),
      });
      throw unknownLinkCode();
    }
    return linked;
  }
}
