import { sendNotification, type StaffRole } from '@bandanh/contracts';
import { ANONYMOUS, sha256 } from '@bandanh/platform';
import { totpFor } from './mfa.service';
import { TOTP_SECRET, callerOf, identityWorld, totpNow, type IdentityWorld } from '../testing/world';

describe('the two-factor service', () => {
  let world: IdentityWorld;
  beforeEach(() => {
    world = identityWorld();
  });

  it('starts enrolment with a new secret, stored sealed, and an authenticator link', async () => {
    const user = await world.givenAccount({ email: 'dara@bandanh.test' });

    const { secret, otpauthUrl, qrSvg } = await world.mfa.begin(callerOf(user));

    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    expect(otpauthUrl).toContain('otpauth://totp/Bandanh:dara%40bandanh.test');
    expect(qrSvg).toContain('<svg');
    const stored = world.rows.accounts.rows[0];
    expect(stored.totpSecret).not.toContain(secret);
    expect(stored.totpEnabledAt).toBeNull();
  });

  it('refuses to start again once two-factor authentication is on', async () => {
    const user = await world.givenAccount({ totpSecret: TOTP_SECRET });
    await expect(world.mfa.begin(callerOf(user))).rejects.toMatchObject({
      code: 'CONFLICT',
      details: { reason: 'already_enabled' },
    });
  });

  it('refuses to confirm before enrolment has started', async () => {
    const user = await world.givenAccount();
    await expect(world.mfa.confirm(callerOf(user), '123456')).rejects.toMatchObject({
      code: 'CONFLICT',
      message: 'Start the enrolment first',
      details: { reason: 'not_started' },
    });
  });

  it('refuses a wrong code, records it, and leaves two-factor off', async () => {
    const user = await world.givenAccount();
    await world.mfa.begin(callerOf(user));

    await expect(world.mfa.confirm(callerOf(user), '000000')).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
      details: { issues: [expect.objectContaining({ path: 'code', code: 'wrong_code' })] },
    });
    expect(world.rows.accounts.rows[0].totpEnabledAt).toBeNull();
    expect(world.log.steps()).toEqual(['mfa.enable failure']);
  });

  it('turns two-factor on with a right code and hands out ten recovery codes, stored as hashes', async () => {
    const user = await world.givenAccount();
    const { secret } = await world.mfa.begin(callerOf(user));

    const { recoveryCodes } = await world.mfa.confirm(callerOf(user), totpNow(secret));

    expect(recoveryCodes).toHaveLength(10);
    expect(new Set(recoveryCodes).size).toBe(10);
    for (const code of recoveryCodes) expect(code).toMatch(/^[0-9a-f]{5}-[0-9a-f]{5}$/);
    expect([...world.rows.recoveryCodes.codes.get(user.id)!.keys()]).toEqual(recoveryCodes.map(sha256));
    expect(world.rows.accounts.rows[0].totpEnabledAt).toBeInstanceOf(Date);
    expect(world.log.steps()).toEqual(['mfa.enable success']);
    await expect(world.mfa.confirm(callerOf(user), totpNow(secret))).rejects.toMatchObject({
      details: { reason: 'already_enabled' },
    });
  });

  it('accepts an app code at sign-in once: a replayed code is refused', async () => {
    const user = await world.givenAccount({ totpSecret: TOTP_SECRET });
    const code = totpNow();

    await expect(world.mfa.verifySecondFactor(user, code)).resolves.toBe(true);
    const after = world.rows.accounts.rows[0];
    expect(after.totpLastStep).not.toBeNull();
    await expect(world.mfa.verifySecondFactor(after, code)).resolves.toBe(false);
    await expect(world.mfa.verifySecondFactor(after, '000000')).resolves.toBe(false);
  });

  it('spends a recovery code, in any case of letters, once, and records its use', async () => {
    const user = await world.givenAccount();
    const { secret } = await world.mfa.begin(callerOf(user));
    const { recoveryCodes } = await world.mfa.confirm(callerOf(user), totpNow(secret));
    const enabled = world.rows.accounts.rows[0];

    await expect(world.mfa.verifySecondFactor(enabled, recoveryCodes[3].toUpperCase())).resolves.toBe(true);
    await expect(world.mfa.verifySecondFactor(enabled, recoveryCodes[3])).resolves.toBe(false);
    await expect(world.mfa.verifySecondFactor(enabled, 'abcde-12345')).resolves.toBe(false);
    expect(world.log.steps()).toEqual(['mfa.enable success', 'mfa.recovery_code_used success']);
  });

  it('asks an anonymous caller to sign in', async () => {
    await expect(world.mfa.begin(ANONYMOUS)).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
    await expect(world.mfa.confirm(ANONYMOUS, '123456')).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
  });
});

describe('recovery codes and an admin’s reset of a lost second factor', () => {
  let world: IdentityWorld;

  beforeEach(() => {
    world = identityWorld();
  });

  /** A staff member with two-factor on and ten recovery codes, as enrolment leaves them. */
  async function enrolled(roles: StaffRole[] = ['approver']) {
    const user = await world.givenAccount({ kind: 'staff', roles });
    const { secret } = await world.mfa.begin(callerOf(user));
    const { recoveryCodes } = await world.mfa.confirm(callerOf(user), totpNow(secret));
    return { user: world.rows.accounts.rows.find((row) => row.id === user.id)!, secret, recoveryCodes };
  }

  it('tells a person how many recovery codes they have left', async () => {
    const { user, recoveryCodes } = await enrolled();
    await expect(world.mfa.status(callerOf(user))).resolves.toEqual({ enabled: true, recoveryCodesLeft: 10 });
    await world.mfa.verifySecondFactor(user, recoveryCodes[0]);
    await expect(world.mfa.status(callerOf(user))).resolves.toEqual({ enabled: true, recoveryCodesLeft: 9 });
    const plain = await world.givenAccount();
    await expect(world.mfa.status(callerOf(plain))).resolves.toEqual({
      enabled: false,
      recoveryCodesLeft: 0,
    });
    await expect(world.mfa.status(ANONYMOUS)).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
  });

  it('replaces the recovery codes for a code from the app: the old ones stop working', async () => {
    const { user, secret, recoveryCodes: old } = await enrolled();
    // The enrolment's code was spent; the next time step's code is accepted.
    const next = totpFor(secret, 'test').generate({ timestamp: Date.now() + 30_000 });
    const { recoveryCodes } = await world.mfa.regenerateRecoveryCodes(callerOf(user), next);
    expect(recoveryCodes).toHaveLength(10);
    expect(recoveryCodes.filter((code) => old.includes(code))).toEqual([]);
    expect([...world.rows.recoveryCodes.codes.get(user.id)!.keys()]).toEqual(recoveryCodes.map(sha256));
    const now = world.rows.accounts.rows.find((row) => row.id === user.id)!;
    await expect(world.mfa.verifySecondFactor(now, old[1])).resolves.toBe(false);
    await expect(world.mfa.verifySecondFactor(now, recoveryCodes[1])).resolves.toBe(true);
    expect(world.log.steps()).toContain('mfa.recovery_codes_regenerate success');
  });

  it('replaces them for an unused recovery code too (a person who lost their phone)', async () => {
    const { user, recoveryCodes: old } = await enrolled();
    const { recoveryCodes } = await world.mfa.regenerateRecoveryCodes(callerOf(user), old[9]);
    expect(recoveryCodes).toHaveLength(10);
    await expect(world.mfa.status(callerOf(user))).resolves.toEqual({ enabled: true, recoveryCodesLeft: 10 });
  });

  it('refuses a wrong code, keeps the old codes, and counts it towards the sign-in lockout', async () => {
    world = identityWorld({ SIGN_IN_LOCK_AFTER: '2' });
    const { user, recoveryCodes } = await enrolled();
    for (let i = 0; i < 2; i++) {
      await expect(world.mfa.regenerateRecoveryCodes(callerOf(user), '000000')).rejects.toMatchObject({
        code: 'VALIDATION_FAILED',
        details: { issues: [expect.objectContaining({ path: 'code', code: 'wrong_code' })] },
      });
    }
    await expect(world.mfa.regenerateRecoveryCodes(callerOf(user), recoveryCodes[0])).rejects.toMatchObject({
      code: 'RATE_LIMITED',
    });
    expect([...world.rows.recoveryCodes.codes.get(user.id)!.keys()]).toEqual(recoveryCodes.map(sha256));
    expect(world.log.steps().filter((step) => step.startsWith('mfa.recovery_codes_regenerate'))).toEqual([
      'mfa.recovery_codes_regenerate failure',
      'mfa.recovery_codes_regenerate failure',
    ]);
  });

  it('refuses new codes to an account without two-factor authentication', async () => {
    const user = await world.givenAccount();
    await expect(world.mfa.regenerateRecoveryCodes(callerOf(user), '123456')).rejects.toMatchObject({
      code: 'CONFLICT',
      details: { reason: 'mfa_not_enabled' },
    });
  });

  it('lets an admin reset a staff member’s second factor: off, codes gone, signed out, told, audited', async () => {
    const admin = await world.givenAccount({ kind: 'staff', roles: ['admin'], totpSecret: TOTP_SECRET });
    const { user } = await enrolled(['approver']);
    const session = await world.sessions.open(user.id);

    await expect(world.mfa.reset(callerOf(admin), user.id)).resolves.toEqual({
      reset: true,
      endedSessions: 1,
    });
    const after = world.rows.accounts.rows.find((row) => row.id === user.id)!;
    expect(after).toMatchObject({ totpSecret: null, totpEnabledAt: null, totpLastStep: null });
    expect(world.rows.recoveryCodes.codes.has(user.id)).toBe(false);
    await expect(world.sessions.resolve(session.token)).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
    expect(world.log.entries.at(-1)).toMatchObject({
      actorId: admin.id,
      action: 'mfa.reset',
      outcome: 'success',
      targetType: 'user',
      targetId: user.id,
      details: { wasEnabled: true, endedSessions: 1 },
    });
    expect(world.outbox.of(sendNotification)).toEqual([
      expect.objectContaining({
        kind: 'mfa_reset',
        locale: 'km',
        recipient: { email: user.email, userId: user.id },
        params: { name: user.displayName },
      }),
    ]);

    // At the next sign-in the role's two-factor authentication is set up again before anything else.
    const signedIn = await world.sessions.signIn({ email: user.email, password: 'a long test passphrase' });
    expect(signedIn.status).toBe('signed_in');
    if (signedIn.status !== 'signed_in') return;
    await expect(world.sessions.resolve(signedIn.session.token)).resolves.toMatchObject({
      mfaEnrolmentRequired: true,
    });

    // A second click resets nothing more and writes nothing.
    const entries = world.log.entries.length;
    await expect(world.mfa.reset(callerOf(admin), user.id)).resolves.toEqual({
      reset: false,
      endedSessions: 0,
    });
    expect(world.log.entries.length).toBe(entries);
    expect(world.outbox.of(sendNotification)).toHaveLength(1);
  });

  it('refuses an admin their own reset, and everybody else but admins', async () => {
    const admin = await world.givenAccount({ kind: 'staff', roles: ['admin'], totpSecret: TOTP_SECRET });
    const { user } = await enrolled(['coordinator', 'approver']);
    await expect(world.mfa.reset(callerOf(admin), admin.id)).rejects.toMatchObject({
      code: 'CONFLICT',
      details: { reason: 'own_account' },
    });
    await expect(world.mfa.reset(callerOf(user), admin.id)).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(world.mfa.reset(ANONYMOUS, user.id)).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
    expect(world.rows.accounts.rows.find((row) => row.id === admin.id)!.totpEnabledAt).not.toBeNull();
    expect(world.log.steps().filter((step) => step.startsWith('mfa.reset'))).toEqual([]);
  });

  it('resets only staff members, and says which account is unknown', async () => {
    const admin = await world.givenAccount({ kind: 'staff', roles: ['admin'], totpSecret: TOTP_SECRET });
    const member = await world.givenAccount({ totpSecret: TOTP_SECRET });
    await expect(world.mfa.reset(callerOf(admin), member.id)).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
      details: { issues: [expect.objectContaining({ path: 'userId', code: 'not_staff' })] },
    });
    await expect(
      world.mfa.reset(callerOf(admin), '00000000-0000-4000-8000-000000000009'),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});
