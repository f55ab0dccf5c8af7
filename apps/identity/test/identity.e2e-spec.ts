import 'reflect-metadata';
import type { INestMicroservice } from '@nestjs/common';
import { connect, type NatsConnection } from 'nats';
import * as OTPAuth from 'otpauth';
import postgres from 'postgres';
import {
  acceptInvitation,
  appendAudit,
  appendAuditEntries,
  beginMfa,
  changePassword,
  confirmMfa,
  createInvitation,
  issueCboLinkCode,
  listAudit,
  listAccounts,
  redeemCboLinkCode,
  resolveSession,
  setRoles,
  signIn,
  signOut,
  signUp,
  verifyAudit,
  type Caller,
} from '@bandanh/contracts';
import { ANONYMOUS, NatsRpc, systemCaller } from '@bandanh/platform';
import {
  createTestCallerKeys,
  createTestDatabase,
  uniqueName,
  type TestCallerKeys,
  type TestDatabase,
} from '@bandanh/platform/testing';
import { ensureAccounts, migrateIdentity, startIdentityService } from '../src/app';
import { loadIdentityConfig } from '../src/config/env';

const ADMIN_TOTP = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';
const totpNow = (secret: string) =>
  new OTPAuth.TOTP({ secret: OTPAuth.Secret.fromBase32(secret) }).generate();

describe('the identity service, on the real PostgreSQL and NATS', () => {
  let database: TestDatabase;
  let service: INestMicroservice;
  let nats: NatsConnection;
  let rpc: NatsRpc;
  let env: Record<string, string>;
  let keys: TestCallerKeys;

  const caller = async (token: string): Promise<Caller> =>
    (await rpc.send(resolveSession, { token }, ANONYMOUS)).caller;
  const signedIn = async (email: string, password: string, code?: string) => {
    const result = await rpc.send(signIn, { email, password, code }, ANONYMOUS);
    if (result.status !== 'signed_in') throw new Error(`expected to sign in, got ${result.status}`);
    return result.session.token;
  };

  beforeAll(async () => {
    database = await createTestDatabase('identity');
    await migrateIdentity(database.url);
    keys = await createTestCallerKeys();
    env = {
      CALLER_KEYS_DIR: keys.dir,
      DATABASE_URL: database.url,
      NATS_PREFIX: uniqueName('identity'),
      LOG_LEVEL: 'error',
      SIGN_IN_LOCK_AFTER: '3',
      SIGN_IN_LOCK_MINUTES: '10',
      SIGN_IN_DELAY_MS: '20',
      SESSION_IDLE_MINUTES: '0.05',
      ARGON2_MEMORY_KIB: '4096',
    };
    const config = loadIdentityConfig(env);
    await ensureAccounts(config, [
      {
        email: 'admin@bandanh.test',
        displayName: 'Admin',
        password: 'correct horse battery',
        kind: 'staff',
        roles: ['admin'],
        totpSecret: ADMIN_TOTP,
      },
      {
        email: 'approver@bandanh.test',
        displayName: 'Approver',
        password: 'four eyes see more',
        kind: 'staff',
        roles: ['approver'],
        totpSecret: ADMIN_TOTP,
      },
    ]);
    service = await startIdentityService(config);
    nats = await connect({ servers: 'nats://127.0.0.1:4222' });
    rpc = new NatsRpc(nats, env.NATS_PREFIX, 10_000, await keys.signer('gateway'));
  });

  afterAll(async () => {
    await nats?.drain();
    await service?.close();
    await database?.drop();
    keys?.remove();
  });

  it('signs up an applicant, who is not linked to any CBO yet', async () => {
    const result = await rpc.send(
      signUp,
      { email: 'Sokha@Example.org', displayName: 'Sokha', password: 'river fish net 2026' },
      ANONYMOUS,
    );
    expect(result.account).toMatchObject({
      email: 'sokha@example.org',
      kind: 'applicant',
      cboId: null,
      roles: [],
    });
    await expect(caller(result.session.token)).resolves.toMatchObject({ kind: 'applicant', cboId: null });
  });

  it('refuses a common password and one shorter than 8 characters', async () => {
    await expect(
      rpc.send(signUp, { email: 'a@example.org', displayName: 'A', password: 'password1' }, ANONYMOUS),
    ).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
      details: { issues: [expect.objectContaining({ path: 'password', code: 'common_password' })] },
    });
    await expect(
      rpc.send(signUp, { email: 'a@example.org', displayName: 'A', password: 'short' }, ANONYMOUS),
    ).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
    });
  });

  it('answers an unknown email and a wrong password alike, then locks the address', async () => {
    const unknown = await rpc
      .send(signIn, { email: 'nobody@example.org', password: 'whatever it is' }, ANONYMOUS)
      .catch((e: unknown) => e);
    const wrong = await rpc
      .send(signIn, { email: 'sokha@example.org', password: 'not the password' }, ANONYMOUS)
      .catch((e: unknown) => e);
    expect(unknown).toMatchObject({
      code: 'UNAUTHENTICATED',
      message: 'The email, password or code is not right',
    });
    expect(wrong).toMatchObject({
      code: 'UNAUTHENTICATED',
      message: 'The email, password or code is not right',
    });

    await rpc
      .send(signIn, { email: 'sokha@example.org', password: 'still wrong' }, ANONYMOUS)
      .catch(() => undefined);
    const started = Date.now();
    await rpc
      .send(signIn, { email: 'sokha@example.org', password: 'wrong again' }, ANONYMOUS)
      .catch(() => undefined);
    expect(Date.now() - started).toBeGreaterThanOrEqual(70); // the third failure waits 20 ms × 2²

    // Locked now: even the right password is refused until the lock ends.
    await expect(
      rpc.send(signIn, { email: 'sokha@example.org', password: 'river fish net 2026' }, ANONYMOUS),
    ).rejects.toMatchObject({
      code: 'RATE_LIMITED',
    });
  });

  it('keeps a session that is in use alive past the idle limit', async () => {
    await rpc.send(
      signUp,
      { email: 'busy@example.org', displayName: 'Busy', password: 'a long busy passphrase' },
      ANONYMOUS,
    );
    const token = await signedIn('busy@example.org', 'a long busy passphrase');
    for (let i = 0; i < 5; i++) {
      await new Promise((r) => setTimeout(r, 1_000)); // 5 s in all, with the idle limit at 3 s
      await expect(caller(token)).resolves.toMatchObject({ kind: 'applicant' });
    }
  });

  it('ends a session left idle too long', async () => {
    await rpc.send(
      signUp,
      { email: 'idle@example.org', displayName: 'Idle', password: 'a long idle passphrase' },
      ANONYMOUS,
    );
    const token = await signedIn('idle@example.org', 'a long idle passphrase');
    await expect(caller(token)).resolves.toMatchObject({ kind: 'applicant' });
    await new Promise((r) => setTimeout(r, 3_200)); // SESSION_IDLE_MINUTES is 3 s here
    await expect(caller(token)).rejects.toMatchObject({
      code: 'UNAUTHENTICATED',
      message: 'Your session has expired; sign in again',
    });
  });

  it('asks the admin for the second factor, and accepts the app code', async () => {
    await expect(
      rpc.send(signIn, { email: 'admin@bandanh.test', password: 'correct horse battery' }, ANONYMOUS),
    ).resolves.toMatchObject({ status: 'mfa_required' });
    const token = await signedIn('admin@bandanh.test', 'correct horse battery', totpNow(ADMIN_TOTP));
    await expect(caller(token)).resolves.toMatchObject({ kind: 'staff', roles: ['admin'] });
  });

  it('takes the second factor at a second step with a single-use challenge instead of the password', async () => {
    const first = await rpc.send(
      signIn,
      { email: 'approver@bandanh.test', password: 'four eyes see more' },
      ANONYMOUS,
    );
    if (first.status !== 'mfa_required') throw new Error('expected the second step');
    await expect(
      rpc.send(signIn, { challenge: first.challenge, code: '000000' }, ANONYMOUS),
    ).rejects.toMatchObject({
      code: 'UNAUTHENTICATED',
    });
    const second = await rpc.send(
      signIn,
      { challenge: first.challenge, code: totpNow(ADMIN_TOTP) },
      ANONYMOUS,
    );
    expect(second.status).toBe('signed_in');
    await expect(
      rpc.send(signIn, { challenge: first.challenge, code: totpNow(ADMIN_TOTP) }, ANONYMOUS),
    ).rejects.toMatchObject({
      code: 'UNAUTHENTICATED',
      message: 'This sign-in has expired; enter your email and password again',
      details: { reason: 'challenge_expired' },
    });
  });

  it('invites an approver, who must enrol two-factor authentication and then needs it to sign in', async () => {
    // The service decides with the caller the gateway resolved; an admin's identity is enough here.
    const admin: Caller = { kind: 'staff', userId: '00000000-0000-4000-8000-000000000001', roles: ['admin'] };
    const { token } = await rpc.send(
      createInvitation,
      { email: 'dara@bandanh.test', roles: ['approver'] },
      admin,
    );
    const accepted = await rpc.send(
      acceptInvitation,
      { token, displayName: 'Dara', password: 'approve with care 7' },
      ANONYMOUS,
    );
    const approverToken = accepted.session.token;
    const resolved = await rpc.send(resolveSession, { token: approverToken }, ANONYMOUS);
    expect(resolved.mfaEnrolmentRequired).toBe(true);

    // The link is single-use.
    await expect(
      rpc.send(acceptInvitation, { token, displayName: 'Again', password: 'approve with care 7' }, ANONYMOUS),
    ).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });

    const { secret } = await rpc.send(beginMfa, {}, resolved.caller);
    const { recoveryCodes } = await rpc.send(confirmMfa, { code: totpNow(secret) }, resolved.caller);
    expect(recoveryCodes).toHaveLength(10);
    expect((await rpc.send(resolveSession, { token: approverToken }, ANONYMOUS)).mfaEnrolmentRequired).toBe(
      false,
    );

    await rpc.send(signOut, { token: approverToken }, ANONYMOUS);
    await expect(caller(approverToken)).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
    await expect(
      rpc.send(signIn, { email: 'dara@bandanh.test', password: 'approve with care 7' }, ANONYMOUS),
    ).resolves.toMatchObject({ status: 'mfa_required' });
    // A recovery code works once.
    await signedIn('dara@bandanh.test', 'approve with care 7', recoveryCodes[0]);
    await expect(
      rpc.send(
        signIn,
        { email: 'dara@bandanh.test', password: 'approve with care 7', code: recoveryCodes[0] },
        ANONYMOUS,
      ),
    ).rejects.toMatchObject({
      code: 'UNAUTHENTICATED',
    });
  });

  it('ends the other sessions when the password changes', async () => {
    await rpc.send(
      signUp,
      { email: 'vanna@example.org', displayName: 'Vanna', password: 'first long passphrase' },
      ANONYMOUS,
    );
    const phone = await signedIn('vanna@example.org', 'first long passphrase');
    const laptop = await signedIn('vanna@example.org', 'first long passphrase');
    const result = await rpc.send(
      changePassword,
      { current: 'first long passphrase', next: 'second long passphrase' },
      await caller(laptop),
    );
    expect(result.endedOtherSessions).toBe(2); // the phone, and the session sign-up opened
    await expect(caller(phone)).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
    await expect(caller(laptop)).resolves.toMatchObject({ kind: 'applicant' });
  });

  it('links an applicant to a CBO with a code a coordinator issued, once', async () => {
    const cboId = '5d0c0a8e-8b63-4d3e-9a57-1c2b3d4e5f60';
    const coordinator: Caller = {
      kind: 'staff',
      userId: '6f1e2d3c-4b5a-4697-8877-665544332211',
      roles: ['coordinator'],
    };
    const { code } = await rpc.send(issueCboLinkCode, { cboId }, coordinator);
    await rpc.send(
      signUp,
      { email: 'kosal@example.org', displayName: 'Kosal', password: 'fishing lot ninety' },
      ANONYMOUS,
    );
    const applicant = await caller(await signedIn('kosal@example.org', 'fishing lot ninety'));

    const { account } = await rpc.send(
      redeemCboLinkCode,
      { code: code.toLowerCase().replace('-', ' ') },
      applicant,
    );
    expect(account.cboId).toBe(cboId);
    await rpc.send(
      signUp,
      { email: 'other@example.org', displayName: 'Other', password: 'another long phrase' },
      ANONYMOUS,
    );
    const other = await caller(await signedIn('other@example.org', 'another long phrase'));
    await expect(rpc.send(redeemCboLinkCode, { code }, other)).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
    });
    await expect(rpc.send(issueCboLinkCode, { cboId }, applicant)).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
  });

  it('lets only an admin list accounts and change roles, and not remove their own admin role', async () => {
    const applicant = await caller(await signedIn('kosal@example.org', 'fishing lot ninety'));
    await expect(rpc.send(listAccounts, {}, applicant)).rejects.toMatchObject({ code: 'FORBIDDEN' });
    const admin: Caller = {
      kind: 'staff',
      userId: (
        await rpc.send(
          listAccounts,
          {},
          { kind: 'staff', userId: '00000000-0000-4000-8000-000000000001', roles: ['admin'] },
        )
      ).items.find((a) => a.email === 'admin@bandanh.test')!.id,
      roles: ['admin'],
    };
    await expect(
      rpc.send(
        setRoles,
        { userId: admin.kind === 'staff' ? admin.userId : '', roles: ['coordinator'] },
        admin,
      ),
    ).rejects.toMatchObject({
      code: 'CONFLICT',
    });
  });

  it("appends a service's entries together: in order, each event once, the chain intact", async () => {
    const network = new NatsRpc(nats, env.NATS_PREFIX, 10_000, await keys.signer('network'));
    const asNetwork = systemCaller('network');
    const event = (name: string) => `batch-test:${name}`;
    const target = (id: string) => `batch-test-${id}`;
    const { seq: first } = await network.send(
      appendAudit,
      {
        action: 'cbo.recorded',
        outcome: 'success',
        targetType: 'cbo',
        targetId: target('a'),
        eventId: event('a'),
      },
      asNetwork,
    );
    const { seqs } = await network.send(
      appendAuditEntries,
      {
        entries: [
          // Sent alone before: the number it has.
          {
            action: 'cbo.recorded',
            outcome: 'success',
            targetType: 'cbo',
            targetId: target('a'),
            eventId: event('a'),
          },
          {
            action: 'cbo.recorded',
            outcome: 'success',
            targetType: 'cbo',
            targetId: target('b'),
            eventId: event('b'),
          },
          { action: 'cbo.updated', outcome: 'success', targetType: 'cbo', targetId: target('b') },
          // Twice in one batch: once.
          {
            action: 'cbo.recorded',
            outcome: 'success',
            targetType: 'cbo',
            targetId: target('b'),
            eventId: event('b'),
          },
          {
            action: 'cbo.recorded',
            outcome: 'denied',
            onBehalfOf: null,
            targetType: 'cbo',
            targetId: target('c'),
          },
        ],
      },
      asNetwork,
    );
    expect(seqs[0]).toBe(first);
    expect(seqs[2]).toBe(seqs[1] + 1);
    expect(seqs[3]).toBe(seqs[1]);
    expect(seqs[4]).toBe(seqs[2] + 1);

    const admin: Caller = { kind: 'staff', userId: '00000000-0000-4000-8000-000000000001', roles: ['admin'] };
    const ours = async () =>
      (await rpc.send(listAudit, { targetType: 'cbo', limit: 20 }, admin)).items
        .filter(({ targetId }) => targetId?.startsWith('batch-test-'))
        .map(({ seq, action, targetId, actorId }) => [seq, action, targetId, actorId]);
    expect(await ours()).toEqual([
      [seqs[4], 'cbo.recorded', target('c'), null],
      [seqs[2], 'cbo.updated', target('b'), 'system:network'],
      [seqs[1], 'cbo.recorded', target('b'), 'system:network'],
      [first, 'cbo.recorded', target('a'), 'system:network'],
    ]);
    await expect(rpc.send(verifyAudit, {}, admin)).resolves.toMatchObject({ valid: true });

    // A bad entry refuses the whole batch, naming it; nothing of it is appended.
    await expect(
      network.send(
        appendAuditEntries,
        {
          entries: [
            { action: 'cbo.recorded', outcome: 'success', targetId: target('d') },
            { action: '', outcome: 'success' },
          ],
        },
        asNetwork,
      ),
    ).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
    expect(await ours()).toHaveLength(4);
  });

  it('keeps an audit chain that verifies, refuses edits, and detects tampering', async () => {
    const admin: Caller = { kind: 'staff', userId: '00000000-0000-4000-8000-000000000001', roles: ['admin'] };
    const before = await rpc.send(verifyAudit, {}, admin);
    expect(before).toMatchObject({ valid: true, firstBrokenSeq: null });
    expect(before.entries).toBeGreaterThan(10);

    const sql = postgres(database.url, { max: 1, onnotice: () => {} });
    try {
      await expect(sql`update identity.audit_log set outcome = 'success' where seq = 3`).rejects.toThrow(
        /append-only/,
      );
      await expect(sql`delete from identity.audit_log where seq = 3`).rejects.toThrow(/append-only/);
      // An insider with superuser rights disables the guard and rewrites an entry.
      await sql`alter table identity.audit_log disable trigger audit_log_append_only`;
      await sql`update identity.audit_log set outcome = 'success' where seq = 3`;
      await sql`alter table identity.audit_log enable trigger audit_log_append_only`;
    } finally {
      await sql.end();
    }
    await expect(rpc.send(verifyAudit, {}, admin)).resolves.toMatchObject({
      valid: false,
      firstBrokenSeq: 3,
    });
  });
});
