import { ANONYMOUS, sha256 } from '@bandanh/platform';
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
