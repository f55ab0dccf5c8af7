import { createHash } from 'node:crypto';
import postgres from 'postgres';
import { uniqueName, waitFor } from '@bandanh/platform/testing';
import { Mailbox, type MailMessage } from './mail';
import { STAFF, TestStack, totp, type TestAccount } from './stack';

/** A test's own address: Mailpit is shared, so each test finds its messages by recipient. */
const address = (label: string) => `${uniqueName(label)}@reset.test.bandanh.org`;

/** Calls the API as `token` (or nobody), answering the status and the parsed body. */
async function call(stack: TestStack, token: string | undefined, path: string, body?: unknown) {
  const response = await fetch(`${stack.gatewayUrl}${path}`, {
    method: body === undefined ? 'GET' : 'POST',
    headers: {
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as any };
}

/** The reset link's token in a mail, read from the link as the recipient would follow it. */
function tokenIn(mail: MailMessage): { link: string; token: string } {
  const match = /(https?:\/\/\S+\/password-reset\/)([A-Za-z0-9_-]+)/.exec(mail.Text);
  if (!match) throw new Error(`No reset link in: ${mail.Text}`);
  return { link: match[0], token: match[2] };
}

const signIn = (stack: TestStack, email: string, password: string, code?: string) =>
  call(stack, undefined, '/api/auth/sign-in', { email, password, ...(code ? { code } : {}) });

describe('password reset by email, through the gateway, with the real Mailpit', () => {
  let stack: TestStack;
  let sql: postgres.Sql;
  const mailbox = new Mailbox();
  const used: string[] = [];

  beforeAll(async () => {
    stack = await TestStack.start('reset', {
      SMTP_URL: process.env.SMTP_URL ?? 'smtp://127.0.0.1:1025',
      WEB_URL: 'https://bandanh.example.org',
    });
    sql = postgres(stack.database.url, { max: 1, onnotice: () => {} });
  });

  afterAll(async () => {
    await mailbox.remove(used).catch(() => undefined);
    await sql?.end();
    await stack?.stop();
  });

  /** An applicant account that signed up on the page of `locale`, and its session. */
  async function member(email: string, locale: 'km' | 'en') {
    used.push(email);
    const { status, body } = await call(stack, undefined, '/api/auth/sign-up', {
      email,
      displayName: 'Sokha',
      password: 'the old river passphrase',
      locale,
    });
    expect(status).toBe(201);
    return body.session.token as string;
  }

  it('mails a link in the account’s language that sets a new password once, ending every session', async () => {
    const email = address('member');
    const session = await member(email, 'en');

    const asked = await call(stack, undefined, '/api/auth/password-reset', { email: email.toUpperCase() });
    expect(asked).toEqual({ status: 202, body: { accepted: true } });
    const mail = await mailbox.only(email);
    expect(mail.Subject).toBe('Reset your Bandanh password');
    expect(mail.Text).toContain('for 30 minutes');
    const { link, token } = tokenIn(mail);
    expect(link).toBe(`https://bandanh.example.org/en/password-reset/${token}`);

    // Nothing of the link is kept but its hash; identity's outbox forgets the mail once delivered.
    const [stored] = await sql`select token_hash from identity.password_reset_tokens`;
    expect(stored.token_hash).not.toContain(token);
    await waitFor(
      async () => ((await sql`select count(*)::int as n from identity.outbox`)[0].n === 0 ? true : undefined),
      { what: 'the delivered message to leave the outbox', timeoutMs: 15_000 },
    );

    expect(await call(stack, undefined, '/api/auth/password-reset/check', { token })).toMatchObject({
      status: 200,
      body: { expiresAt: expect.any(String) },
    });
    const weak = await call(stack, undefined, '/api/auth/password-reset/completion', {
      token,
      password: 'password123',
    });
    expect(weak.status).toBe(400);
    expect(weak.body.details.issues).toEqual([
      expect.objectContaining({ path: 'password', code: 'common_password' }),
    ]);

    const done = await call(stack, undefined, '/api/auth/password-reset/completion', {
      token,
      password: 'a new passphrase by the lake',
    });
    expect(done).toEqual({ status: 200, body: { endedSessions: 1 } });
    expect((await call(stack, session, '/api/auth/me')).status).toBe(401);
    expect((await signIn(stack, email, 'the old river passphrase')).status).toBe(401);
    expect(await signIn(stack, email, 'a new passphrase by the lake')).toMatchObject({
      status: 200,
      body: { status: 'signed_in' },
    });

    // The link works once.
    const again = await call(stack, undefined, '/api/auth/password-reset/completion', {
      token,
      password: 'yet another passphrase here',
    });
    expect(again).toMatchObject({ status: 404, body: { details: { reason: 'reset_link_invalid' } } });
    expect((await call(stack, undefined, '/api/auth/password-reset/check', { token })).status).toBe(404);
    expect((await signIn(stack, email, 'yet another passphrase here')).status).toBe(401);

    const admin = await stack.tokenFor(STAFF.admin);
    const { body: audit } = await call(stack, admin, '/api/admin/audit?limit=100');
    const actions = audit.items.map(
      (entry: { action: string; outcome: string }) => `${entry.action} ${entry.outcome}`,
    );
    expect(actions).toEqual(
      expect.arrayContaining([
        'password_reset.request success',
        'password_reset.complete success',
        'password_reset.complete failure',
      ]),
    );
  });

  it('writes to an account that reads Khmer in Khmer, and refuses its link once expired', async () => {
    const email = address('khmer');
    await member(email, 'km');
    await call(stack, undefined, '/api/auth/password-reset', { email });
    const mail = await mailbox.only(email);
    expect(mail.Subject).toBe('កំណត់ពាក្យសម្ងាត់ Bandanh របស់អ្នកឡើងវិញ');
    expect(mail.Text).toContain('៣០ នាទី');
    const { link, token } = tokenIn(mail);
    expect(link).toContain('/km/password-reset/');

    // Its time runs out (as PASSWORD_RESET_TTL would have it).
    const tokenHash = createHash('sha256').update(token).digest('hex');
    const expired = await sql`update identity.password_reset_tokens
      set expires_at = now() - interval '1 second' where token_hash = ${tokenHash}`;
    expect(expired.count).toBe(1);
    const late = await call(stack, undefined, '/api/auth/password-reset/completion', {
      token,
      password: 'a new passphrase by the lake',
    });
    expect(late).toMatchObject({ status: 404, body: { details: { reason: 'reset_link_invalid' } } });
    expect((await signIn(stack, email, 'the old river passphrase')).status).toBe(200);
  });

  it('answers an unknown address exactly as a known one, and mails nothing', async () => {
    const known = address('known');
    await member(known, 'en');
    const unknown = address('unknown');
    used.push(unknown);

    const forKnown = await call(stack, undefined, '/api/auth/password-reset', { email: known });
    const forUnknown = await call(stack, undefined, '/api/auth/password-reset', { email: unknown });
    expect(forUnknown).toEqual(forKnown);
    expect(forUnknown).toEqual({ status: 202, body: { accepted: true } });
    await mailbox.only(known);
    // The known address's mail has come: a mail to the unknown one would have come with it.
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(await mailbox.to(unknown)).toEqual([]);

    const bad = await call(stack, undefined, '/api/auth/password-reset', { email: 'not an address' });
    expect(bad.status).toBe(400);
  });

  it('keeps the link of an older ask from working once a newer one was sent', async () => {
    const email = address('twice');
    await member(email, 'en');
    await call(stack, undefined, '/api/auth/password-reset', { email });
    const first = tokenIn(await mailbox.only(email)).token;
    await call(stack, undefined, '/api/auth/password-reset', { email });
    const mails = await waitFor(async () => {
      const found = await mailbox.to(email);
      return found.length === 2 ? found : undefined;
    });
    const tokens = await Promise.all(mails.map(async (m) => tokenIn(await mailbox.message(m.ID)).token));
    const second = tokens.find((token) => token !== first)!;
    expect((await call(stack, undefined, '/api/auth/password-reset/check', { token: first })).status).toBe(
      404,
    );
    expect((await call(stack, undefined, '/api/auth/password-reset/check', { token: second })).status).toBe(
      200,
    );
  });

  it('loses no ask while the notification service is down: the outbox sends it when it is back', async () => {
    const email = address('later');
    await member(email, 'en');
    await stack.stopService('orchestrator');
    expect(await call(stack, undefined, '/api/auth/password-reset', { email })).toEqual({
      status: 202,
      body: { accepted: true },
    });
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(await mailbox.to(email)).toEqual([]);
    const [pending] = await sql`select attempts, delivered_at from identity.outbox`;
    expect(pending).toMatchObject({ delivered_at: null });

    await stack.restart();
    const mail = await mailbox.only(email, 60_000);
    expect(tokenIn(mail).token).toBeTruthy();
  }, 90_000);
});

describe('recovery codes and an admin’s reset of a lost second factor, through the gateway', () => {
  let stack: TestStack;
  const mailbox = new Mailbox();
  const secret = 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ';
  let approver: TestAccount;
  /** The recovery codes the first test ends with. */
  let fresh: string[] = [];

  beforeAll(async () => {
    stack = await TestStack.start('mfa-recovery', {
      SMTP_URL: process.env.SMTP_URL ?? 'smtp://127.0.0.1:1025',
    });
    approver = {
      email: address('approver'),
      password: 'an approver passphrase',
      roles: ['approver'],
      totpSecret: secret,
    };
    await stack.ensureAccount(approver);
  });

  afterAll(async () => {
    await mailbox.remove([approver.email]).catch(() => undefined);
    await stack?.stop();
  });

  it('shows the codes left and replaces them once for a right code; the old ones stop working', async () => {
    const session = (await signIn(stack, approver.email, approver.password, totp(secret))).body.session
      .token as string;
    expect(await call(stack, session, '/api/auth/mfa')).toEqual({
      status: 200,
      body: { enabled: true, recoveryCodesLeft: 0 },
    });
    const wrong = await call(stack, session, '/api/auth/mfa/recovery-codes', { code: '000000' });
    expect(wrong.status).toBe(400);
    expect(wrong.body.details.issues).toEqual([
      expect.objectContaining({ path: 'code', code: 'wrong_code' }),
    ]);

    // The sign-in spent this time step's code: the next step's is the one to give.
    const first = await call(stack, session, '/api/auth/mfa/recovery-codes', {
      code: totp(secret, Date.now() + 30_000),
    });
    expect(first.status).toBe(200);
    expect(first.body.recoveryCodes).toHaveLength(10);
    const second = await call(stack, session, '/api/auth/mfa/recovery-codes', {
      code: first.body.recoveryCodes[0],
    });
    expect(second.status).toBe(200);
    fresh = second.body.recoveryCodes;
    expect(fresh.filter((code) => first.body.recoveryCodes.includes(code))).toEqual([]);
    expect((await call(stack, session, '/api/auth/mfa')).body).toEqual({
      enabled: true,
      recoveryCodesLeft: 10,
    });

    // An old code no longer signs in; a new one does, once.
    expect((await signIn(stack, approver.email, approver.password, first.body.recoveryCodes[1])).status).toBe(
      401,
    );
    expect((await signIn(stack, approver.email, approver.password, fresh[4])).status).toBe(200);
    expect((await signIn(stack, approver.email, approver.password, fresh[4])).status).toBe(401);
    expect((await call(stack, session, '/api/auth/mfa')).body).toEqual({
      enabled: true,
      recoveryCodesLeft: 9,
    });

    // Someone without two-factor authentication has no codes to replace.
    const coordinator = await stack.tokenFor(STAFF.coordinator);
    expect((await call(stack, coordinator, '/api/auth/mfa')).body).toEqual({
      enabled: false,
      recoveryCodesLeft: 0,
    });
    expect(await call(stack, coordinator, '/api/auth/mfa/recovery-codes', { code: '123456' })).toMatchObject({
      status: 409,
      body: { details: { reason: 'mfa_not_enabled' } },
    });
  });

  it('lets an admin reset another staff member’s second factor, audited; they enrol again at next sign-in', async () => {
    const admin = await stack.tokenFor(STAFF.admin);
    const { body: accounts } = await call(stack, admin, '/api/admin/accounts');
    const target = accounts.items.find((a: { email: string }) => a.email === approver.email);
    const me = accounts.items.find((a: { email: string }) => a.email === STAFF.admin.email);
    expect(target.mfaEnabled).toBe(true);
    const session = (await signIn(stack, approver.email, approver.password, fresh[5])).body.session
      .token as string;

    // Not their own, and not for anyone but an admin.
    expect(await call(stack, admin, `/api/admin/accounts/${me.id}/mfa-reset`, {})).toMatchObject({
      status: 409,
      body: { details: { reason: 'own_account' } },
    });
    const coordinator = await stack.tokenFor(STAFF.coordinator);
    expect((await call(stack, coordinator, `/api/admin/accounts/${target.id}/mfa-reset`, {})).status).toBe(
      403,
    );

    const reset = await call(stack, admin, `/api/admin/accounts/${target.id}/mfa-reset`, {});
    expect(reset.status).toBe(200);
    expect(reset.body.reset).toBe(true);
    expect(reset.body.endedSessions).toBeGreaterThanOrEqual(1);
    expect((await call(stack, session, '/api/auth/me')).status).toBe(401);
    expect(await call(stack, admin, `/api/admin/accounts/${target.id}/mfa-reset`, {})).toEqual({
      status: 200,
      body: { reset: false, endedSessions: 0 },
    });
    const { body: after } = await call(stack, admin, '/api/admin/accounts');
    expect(after.items.find((a: { id: string }) => a.id === target.id).mfaEnabled).toBe(false);

    // They are told by email, in their language (Khmer for an account made without one).
    const mail = await mailbox.only(approver.email);
    expect(mail.Subject).toBe('ការផ្ទៀងផ្ទាត់ពីរជំហាននៃគណនី Bandanh របស់អ្នកត្រូវបានកំណត់ឡើងវិញ');

    // The password alone signs them in, to the enrolment and nothing else.
    const again = await signIn(stack, approver.email, approver.password);
    expect(again.body.status).toBe('signed_in');
    const blocked = await call(stack, again.body.session.token, '/api/cbos');
    expect(blocked).toMatchObject({ status: 403, body: { details: { mfaEnrolmentRequired: true } } });
    expect((await call(stack, again.body.session.token, '/api/auth/me')).body.mfaEnrolmentRequired).toBe(
      true,
    );

    const { body: audit } = await call(stack, admin, '/api/admin/audit?limit=50');
    expect(audit.items).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          action: 'mfa.reset',
          outcome: 'success',
          actorId: me.id,
          targetType: 'user',
          targetId: target.id,
        }),
      ]),
    );
  });
});
