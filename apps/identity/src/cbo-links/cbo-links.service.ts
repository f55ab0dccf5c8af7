import { Inject, Injectable } from '@nestjs/common';
import { and, eq, gt, isNull } from 'drizzle-orm';
import { randomInt } from 'node:crypto';
import type { Caller } from '@bandanh/contracts';
import { DomainError, requirePerson, requireRole, sha256 } from '@bandanh/platform';
import { AuditRepository } from '../audit/audit.repository';
import { UsersRepository, toAccount } from '../accounts/users.repository';
import type { IdentityConfig } from '../config/env';
import { IDENTITY_DB, type IdentityDatabase } from '../db/database.module';
import { cboLinkCodes } from '../db/schema';
import { IDENTITY_CONFIG } from '../security/security.module';

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

/** A coordinator gives an applicant a code for their CBO; redeeming it links the account. */
@Injectable()
export class CboLinksService {
  constructor(
    @Inject(IDENTITY_CONFIG) private readonly config: IdentityConfig,
    @Inject(IDENTITY_DB) private readonly database: IdentityDatabase,
    private readonly users: UsersRepository,
    private readonly audit: AuditRepository,
  ) {}

  async issue(caller: Caller, cboId: string) {
    const staff = requireRole(caller, 'coordinator', 'admin');
    const code = newLinkCode();
    const expiresAt = new Date(Date.now() + this.config.CBO_LINK_CODE_TTL_DAYS * 86_400_000);
    await this.database.db.transaction(async (tx) => {
      await tx
        .insert(cboLinkCodes)
        .values({ codeHash: sha256(code), cboId, issuedBy: staff.userId, expiresAt });
      await this.audit.append(
        staff.userId,
        { action: 'cbo_link.issue', outcome: 'success', targetType: 'cbo', targetId: cboId },
        tx,
      );
    });
    return { code, expiresAt: expiresAt.toISOString() };
  }

  async redeem(caller: Caller, code: string) {
    const person = requirePerson(caller);
    if (person.kind !== 'applicant')
      throw new DomainError('FORBIDDEN', 'Only applicant accounts link to a CBO');
    if (person.cboId)
      throw new DomainError('CONFLICT', 'Your account is already linked to a CBO', {
        reason: 'already_linked',
      });
    const linked = await this.database.db.transaction(async (tx) => {
      const [used] = await tx
        .update(cboLinkCodes)
        .set({ usedBy: person.userId, usedAt: new Date() })
        .where(
          and(
            eq(cboLinkCodes.codeHash, sha256(normaliseLinkCode(code))),
            isNull(cboLinkCodes.usedAt),
            gt(cboLinkCodes.expiresAt, new Date()),
          ),
        )
        .returning({ cboId: cboLinkCodes.cboId });
      if (!used) return undefined;
      const user = await this.users.update(person.userId, { cboId: used.cboId }, tx);
      await this.audit.append(
        person.userId,
        { action: 'cbo_link.redeem', outcome: 'success', targetType: 'cbo', targetId: used.cboId },
        tx,
      );
      return { account: toAccount(user!) };
    });
    if (!linked) {
      await this.audit.append(person.userId, {
        action: 'cbo_link.redeem',
        outcome: 'failure',
        targetType: 'user',
        targetId: person.userId,
      });
      throw DomainError.invalid([
        {
          path: 'code',
          code: 'unknown_code',
          message: 'This code is not valid, was already used, or has expired',
        },
      ]);
    }
    return linked;
  }
}
