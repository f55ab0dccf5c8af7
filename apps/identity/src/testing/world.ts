/**
 * Identity's services wired over in-memory repositories, for the unit tests: the real rules,
 * fake storage. Used by `*.spec.ts` only.
 */
import type { Caller } from '@bandanh/contracts';
import { SecretBox } from '@bandanh/platform';
import { InMemoryAccounts, aUser } from '../accounts/accounts.fakes';
import type { AccountsRepository } from '../accounts/accounts.repository';
import { AccountsService } from '../accounts/accounts.service';
import { fakeAudit } from '../audit/audit.fakes';
import { InMemoryClaims } from '../cbo-claims/cbo-claims.fakes';
import type { CboClaimsRepository } from '../cbo-claims/cbo-claims.repository';
import { CboClaimsService } from '../cbo-claims/cbo-claims.service';
import { InMemoryLinkCodes } from '../cbo-links/cbo-links.fakes';
import type { CboLinksRepository } from '../cbo-links/cbo-links.repository';
import { CboLinksService } from '../cbo-links/cbo-links.service';
import { encryptionKeys } from '../config/env';
import type { UserRow } from '../db/schema';
import { InMemoryInvitations } from '../invitations/invitations.fakes';
import type { InvitationsRepository } from '../invitations/invitations.repository';
import { InvitationsService } from '../invitations/invitations.service';
import { InMemoryRecoveryCodes } from '../mfa/mfa.fakes';
import type { MfaRepository } from '../mfa/mfa.repository';
import { MfaService, totpFor } from '../mfa/mfa.service';
import type { IdentityOutbox } from '../outbox/identity-outbox';
import { InMemoryOutbox } from '../outbox/outbox.fakes';
import { InMemoryResetTokens } from '../password-reset/password-reset.fakes';
import type { PasswordResetRepository } from '../password-reset/password-reset.repository';
import { PasswordResetService } from '../password-reset/password-reset.service';
import { InMemorySessions } from '../sessions/sessions.fakes';
import type { SessionsRepository } from '../sessions/sessions.repository';
import { SessionsService } from '../sessions/sessions.service';
import { SignUpService } from '../sign-up/sign-up.service';
import { asReal, fakeTransactions, testConfig, testHasher } from './fakes';

/** The caller a signed-in account is (staff with its roles, or an applicant with its CBO). */
export function callerOf(user: UserRow, sessionId?: string): Caller {
  return user.kind === 'staff'
    ? { kind: 'staff', userId: user.id, roles: user.roles, sessionId }
    : { kind: 'applicant', userId: user.id, cboId: user.cboId, sessionId };
}

export function identityWorld(env: Record<string, string> = {}) {
  const config = testConfig(env);
  const hasher = testHasher();
  const { keys, currentKeyId } = encryptionKeys(config);
  const box = new SecretBox(keys, currentKeyId);
  const transactions = fakeTransactions();
  const { log, audit } = fakeAudit();
  const rows = {
    accounts: new InMemoryAccounts(),
    sessions: new InMemorySessions(),
    recoveryCodes: new InMemoryRecoveryCodes(),
    invitations: new InMemoryInvitations(),
    linkCodes: new InMemoryLinkCodes(),
    resetLinks: new InMemoryResetTokens(),
    claims: undefined as unknown as InMemoryClaims,
  };
  const outbox = new InMemoryOutbox();
  const sendsMail = asReal<IdentityOutbox>(outbox);
  rows.claims = new InMemoryClaims(rows.accounts);
  const accounts = asReal<AccountsRepository>(rows.accounts);
  const sessionsRepository = asReal<SessionsRepository>(rows.sessions);
  const mfa = new MfaService(
    config,
    accounts,
    asReal<MfaRepository>(rows.recoveryCodes),
    sessionsRepository,
    audit,
    box,
    sendsMail,
    transactions,
  );
  const sessions = new SessionsService(
    config,
    accounts,
    sessionsRepository,
    audit,
    hasher,
    mfa,
    transactions,
  );
  const invitationsRepository = asReal<InvitationsRepository>(rows.invitations);
  const linksRepository = asReal<CboLinksRepository>(rows.linkCodes);
  return {
    config,
    log,
    rows,
    outbox,
    audit,
    mfa,
    sessions,
    passwordReset: new PasswordResetService(
      config,
      accounts,
      asReal<PasswordResetRepository>(rows.resetLinks),
      sessionsRepository,
      audit,
      hasher,
      sendsMail,
      transactions,
    ),
    accounts: new AccountsService(accounts, audit, transactions),
    signUps: new SignUpService(sessions, hasher, transactions),
    invitations: new InvitationsService(
      config,
      invitationsRepository,
      accounts,
      sessions,
      audit,
      hasher,
      transactions,
    ),
    links: new CboLinksService(config, linksRepository, accounts, audit, transactions),
    claims: new CboClaimsService(asReal<CboClaimsRepository>(rows.claims), accounts, audit, transactions),

    /** Stores an account whose password is `password` (and, with `totpSecret`, two-factor on). */
    async givenAccount(
      overrides: Partial<UserRow> & { password?: string; totpSecret?: string } = {},
    ): Promise<UserRow> {
      const { password = 'a long test passphrase', totpSecret, ...fields } = overrides;
      const user = aUser({ passwordHash: await hasher.hash(password), ...fields });
      if (totpSecret)
        Object.assign(user, { totpSecret: box.seal(totpSecret, user.id), totpEnabledAt: new Date() });
      rows.accounts.rows.push(user);
      return user;
    },
  };
}

export type IdentityWorld = ReturnType<typeof identityWorld>;

/** A base32 secret for an authenticator app, and its code right now. */
export const TOTP_SECRET = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';
export const totpNow = (secret = TOTP_SECRET) => totpFor(secret, 'test').generate();
