import { Controller } from '@nestjs/common';
import {
  acceptInvitation,
  appendAudit,
  beginMfa,
  changePassword,
  confirmMfa,
  createInvitation,
  getInvitation,
  createCboClaim,
  decideCboClaim,
  listCboClaims,
  issueCboLinkCode,
  listAccounts,
  lookupStaffNames,
  listAudit,
  redeemCboLinkCode,
  resolveSession,
  setRoles,
  signIn,
  signOut,
  signUp,
  verifyAudit,
  type Caller,
  type ParsedRequestOf,
} from '@bandanh/contracts';
import { DomainError, Handles, requireRole } from '@bandanh/platform';
import { AccountsService } from './accounts/accounts.service';
import { UsersRepository } from './accounts/users.repository';
import { AuditRepository, actorIdOf } from './audit/audit.repository';
import { CboClaimsService } from './cbo-links/cbo-claims.service';
import { CboLinksService } from './cbo-links/cbo-links.service';
import { InvitationsService } from './invitations/invitations.service';
import { MfaService } from './mfa/mfa.service';
import { SessionsService } from './sessions/sessions.service';

@Controller()
export class IdentityHandlers {
  constructor(
    private readonly sessions: SessionsService,
    private readonly accounts: AccountsService,
    private readonly mfa: MfaService,
    private readonly invitations: InvitationsService,
    private readonly links: CboLinksService,
    private readonly claims: CboClaimsService,
    private readonly audit: AuditRepository,
    private readonly users: UsersRepository,
  ) {}

  @Handles(signIn)
  signIn(request: ParsedRequestOf<typeof signIn>) {
    return this.sessions.signIn(request);
  }

  @Handles(resolveSession)
  resolve({ token }: ParsedRequestOf<typeof resolveSession>) {
    return this.sessions.resolve(token);
  }

  @Handles(signOut)
  signOut({ token }: ParsedRequestOf<typeof signOut>) {
    return this.sessions.signOut(token);
  }

  @Handles(signUp)
  signUp({ email, displayName, password }: ParsedRequestOf<typeof signUp>) {
    return this.accounts.signUp(email, displayName, password);
  }

  @Handles(changePassword)
  changePassword({ current, next }: ParsedRequestOf<typeof changePassword>, caller: Caller) {
    return this.sessions.changePassword(caller, current, next);
  }

  @Handles(beginMfa)
  beginMfa(_: ParsedRequestOf<typeof beginMfa>, caller: Caller) {
    return this.mfa.begin(caller);
  }

  @Handles(confirmMfa)
  confirmMfa({ code }: ParsedRequestOf<typeof confirmMfa>, caller: Caller) {
    return this.mfa.confirm(caller, code);
  }

  @Handles(createInvitation)
  invite({ email, roles }: ParsedRequestOf<typeof createInvitation>, caller: Caller) {
    return this.invitations.create(caller, email, roles);
  }

  @Handles(getInvitation)
  describeInvitation({ token }: ParsedRequestOf<typeof getInvitation>) {
    return this.invitations.describe(token);
  }

  @Handles(acceptInvitation)
  accept({ token, displayName, password }: ParsedRequestOf<typeof acceptInvitation>) {
    return this.invitations.accept(token, displayName, password);
  }

  @Handles(issueCboLinkCode)
  issueLink({ cboId }: ParsedRequestOf<typeof issueCboLinkCode>, caller: Caller) {
    return this.links.issue(caller, cboId);
  }

  @Handles(redeemCboLinkCode)
  redeemLink({ code }: ParsedRequestOf<typeof redeemCboLinkCode>, caller: Caller) {
    return this.links.redeem(caller, code);
  }

  @Handles(createCboClaim)
  async claim(draft: ParsedRequestOf<typeof createCboClaim>, caller: Caller) {
    return { claim: await this.claims.create(caller, draft) };
  }

  @Handles(listCboClaims)
  async claimsList({ status }: ParsedRequestOf<typeof listCboClaims>, caller: Caller) {
    return { items: await this.claims.list(caller, status) };
  }

  @Handles(decideCboClaim)
  async decideClaim(input: ParsedRequestOf<typeof decideCboClaim>, caller: Caller) {
    return { claim: await this.claims.decide(caller, input) };
  }

  @Handles(listAccounts)
  async listAccounts(_: ParsedRequestOf<typeof listAccounts>, caller: Caller) {
    return { items: await this.accounts.list(caller) };
  }

  /** Any staff member may know a colleague's name; applicants and services may not ask. */
  @Handles(lookupStaffNames)
  async staffNames({ ids }: ParsedRequestOf<typeof lookupStaffNames>, caller: Caller) {
    if (caller.kind !== 'staff') throw new DomainError('FORBIDDEN', 'Only staff may look up staff names');
    return { items: await this.users.staffNames(ids) };
  }

  @Handles(setRoles)
  async setRoles({ userId, roles }: ParsedRequestOf<typeof setRoles>, caller: Caller) {
    return { account: await this.accounts.setRoles(caller, userId, roles) };
  }

  /** Any service records what it decided (a denied request, an approval, a sensitive read). */
  @Handles(appendAudit)
  async appendAudit({ onBehalfOf, ...entry }: ParsedRequestOf<typeof appendAudit>, caller: Caller) {
    if (onBehalfOf === undefined) return { seq: await this.audit.append(actorIdOf(caller), entry) };
    // A service records a person's step (a workflow's decision): the person is the actor.
    if (caller.kind !== 'system')
      throw new DomainError('FORBIDDEN', 'Only a service may record an entry for someone else');
    return {
      seq: await this.audit.append(onBehalfOf, {
        ...entry,
        details: { ...entry.details, recordedBy: actorIdOf(caller) },
      }),
    };
  }

  @Handles(listAudit)
  async listAudit({ limit }: ParsedRequestOf<typeof listAudit>, caller: Caller) {
    requireRole(caller, 'admin');
    return { items: await this.audit.latest(limit) };
  }

  @Handles(verifyAudit)
  verifyAudit(_: ParsedRequestOf<typeof verifyAudit>, caller: Caller) {
    requireRole(caller, 'admin');
    return this.audit.verify();
  }
}
