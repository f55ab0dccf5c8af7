import { ANONYMOUS, sha256 } from '@bandanh/platform';
import { TOTP_SECRET, callerOf, identityWorld, totpNow, type IdentityWorld } from '../testing/world';

const PASSWORD = 'river fish net 2026';
const WRONG = { code: 'UNAUTHENTICATED', message: 'The email, password or code is not right' };
const EXPIRED_CHALLENGE = {
  code: 'UNAUTHENTICATED',
  message: 'This sign-in has expired; enter your email and password again',
  details: { reason: 'challenge_expired' },
};

describe('the sessions service', () => {
  let world: IdentityWorld;
  beforeEach(() => {
    world = identityWorld({
      SIGN_IN_LOCK_AFTER: '3',
      SIGN_IN_LOCK_MINUTES: '10',
      SESSION_IDLE_MINUTES: '30',
    });
  });

  describe('signing in', () => {
    it('opens a session whose token is stored only as its hash, and records it', async () => {
      const user = await world.givenAccount({ email: 'sokha@example.org', password: PASSWORD });

      const result = await world.sessions.signIn({ email: 'sokha@example.org', password: PASSWORD });

      if (result.status !== 'signed_in') throw new Error('expected to sign in');
      expect(result.account).toMatchObject({ id: user.id, email: 'sokha@example.org' });
      const [stored] = world.rows.sessions.liveOf(user.id);
      expect(stored.tokenHash).toBe(sha256(result.session.token));
      expect(stored.csrfToken).toBe(result.session.csrfToken);
      expect(world.log.steps()).toEqual(['session.sign_in success']);
    });

    it('answers an unknown email and a wrong password alike, and counts both', async () => {
      await world.givenAccount({ email: 'sokha@example.org', password: PASSWORD });

      await expect(
        world.sessions.signIn({ email: 'nobody@example.org', password: PASSWORD }),
      ).rejects.toMatchObject(WRONG);
      await expect(
        world.sessions.signIn({ email: 'sokha@example.org', password: 'not it' }),
      ).rejects.toMatchObject(WRONG);
      expect(world.log.entries.map((entry) => entry.details)).toEqual([
        { reason: 'password', email: sha256('nobody@example.org'), failures: 1 },
        { reason: 'password', email: sha256('sokha@example.org'), failures: 1 },
      ]);
    });

    it('refuses a disabled account even with the right password', async () => {
      await world.givenAccount({ email: 'gone@example.org', password: PASSWORD, disabledAt: new Date() });
      await expect(
        world.sessions.signIn({ email: 'gone@example.org', password: PASSWORD }),
      ).rejects.toMatchObject(WRONG);
    });

    it('locks the address after SIGN_IN_LOCK_AFTER failures, even for the right password', async () => {
      await world.givenAccount({ email: 'sokha@example.org', password: PASSWORD });
      for (let i = 0; i < 3; i++) {
        await world.sessions.signIn({ email: 'sokha@example.org', password: 'wrong' }).catch(() => undefined);
      }

      const refusal = await world.sessions
        .signIn({ email: 'sokha@example.org', password: PASSWORD })
        .catch((e) => e);

      expect(refusal).toMatchObject({ code: 'RATE_LIMITED' });
      expect(refusal.details.retryAfterSeconds).toBeGreaterThan(595);
      expect(refusal.details.retryAfterSeconds).toBeLessThanOrEqual(600);
      expect(world.log.entries.at(-1)).toMatchObject({
        actorId: null,
        action: 'session.sign_in',
        outcome: 'failure',
        details: { reason: 'locked', email: sha256('sokha@example.org') },
      });
    });

    it('lets the person in once the lock has ended, and forgets the failures', async () => {
      await world.givenAccount({ email: 'sokha@example.org', password: PASSWORD });
      world.rows.sessions.attemptsByEmail.set('sokha@example.org', {
        email: 'sokha@example.org',
        failures: 3,
        lockedUntil: new Date(Date.now() - 1_000),
        lastFailureAt: new Date(Date.now() - 600_000),
      });

      await expect(
        world.sessions.signIn({ email: 'sokha@example.org', password: PASSWORD }),
      ).resolves.toMatchObject({
        status: 'signed_in',
      });
      expect(world.rows.sessions.attemptsByEmail.has('sokha@example.org')).toBe(false);
    });
  });

  describe('the second factor', () => {
    it('asks for it with a challenge, then takes it at a second step once', async () => {
      const user = await world.givenAccount({
        email: 'admin@bandanh.test',
        kind: 'staff',
        roles: ['admin'],
        totpSecret: TOTP_SECRET,
      });

      const first = await world.sessions.signIn({
        email: 'admin@bandanh.test',
        password: 'a long test passphrase',
      });
      if (first.status !== 'mfa_required') throw new Error('expected the second step');
      expect(world.rows.sessions.challenges[0]).toMatchObject({
        tokenHash: sha256(first.challenge),
        userId: user.id,
      });
      expect(world.rows.sessions.liveOf(user.id)).toHaveLength(0);

      await expect(
        world.sessions.signIn({ challenge: first.challenge, code: totpNow() }),
      ).resolves.toMatchObject({
        status: 'signed_in',
      });
      await expect(
        world.sessions.signIn({ challenge: first.challenge, code: totpNow() }),
      ).rejects.toMatchObject(EXPIRED_CHALLENGE);
    });

    it('counts a wrong code at the second step as a failed sign-in', async () => {
      await world.givenAccount({ email: 'admin@bandanh.test', totpSecret: TOTP_SECRET });
      const first = await world.sessions.signIn({
        email: 'admin@bandanh.test',
        password: 'a long test passphrase',
      });
      if (first.status !== 'mfa_required') throw new Error('expected the second step');

      await expect(
        world.sessions.signIn({ challenge: first.challenge, code: '000000' }),
      ).rejects.toMatchObject(WRONG);
      expect(world.rows.sessions.attemptsByEmail.get('admin@bandanh.test')?.failures).toBe(1);
      expect(world.log.entries.at(-1)?.details).toMatchObject({ reason: 'second_factor' });
    });

    it('refuses an unknown or expired challenge as expired', async () => {
      const user = await world.givenAccount({ email: 'admin@bandanh.test', totpSecret: TOTP_SECRET });
      await world.rows.sessions.createChallenge({
        tokenHash: sha256('old'),
        userId: user.id,
        email: user.email,
        expiresAt: new Date(Date.now() - 1),
      });

      await expect(world.sessions.signIn({ challenge: 'old', code: totpNow() })).rejects.toMatchObject(
        EXPIRED_CHALLENGE,
      );
      await expect(world.sessions.signIn({ challenge: 'never', code: totpNow() })).rejects.toMatchObject(
        EXPIRED_CHALLENGE,
      );
    });

    it('takes the code with the password, but not the same code twice', async () => {
      await world.givenAccount({ email: 'admin@bandanh.test', totpSecret: TOTP_SECRET });
      const request = { email: 'admin@bandanh.test', password: 'a long test passphrase', code: totpNow() };

      await expect(world.sessions.signIn(request)).resolves.toMatchObject({ status: 'signed_in' });
      await expect(world.sessions.signIn(request)).rejects.toMatchObject(WRONG);
    });
  });

  describe('resolving a session', () => {
    it('answers the caller, and whether the account must still enrol two-factor authentication', async () => {
      const admin = await world.givenAccount({ kind: 'staff', roles: ['admin'] });
      const grant = await world.sessions.open(admin.id);

      const resolved = await world.sessions.resolve(grant.token);

      expect(resolved).toMatchObject({
        caller: { kind: 'staff', userId: admin.id, roles: ['admin'] },
        csrfToken: grant.csrfToken,
        mfaEnrolmentRequired: true,
      });
    });

    it('ends a session left idle too long, and one past its absolute end', async () => {
      const user = await world.givenAccount();
      const idle = await world.sessions.open(user.id);
      const old = await world.sessions.open(user.id);
      const [idleRow, oldRow] = world.rows.sessions.sessions;
      idleRow.lastSeenAt = new Date(Date.now() - 31 * 60_000);
      oldRow.expiresAt = new Date(Date.now() - 1);

      for (const token of [idle.token, old.token]) {
        await expect(world.sessions.resolve(token)).rejects.toMatchObject({
          code: 'UNAUTHENTICATED',
          message: 'Your session has expired; sign in again',
        });
      }
      expect(world.rows.sessions.liveOf(user.id)).toHaveLength(0);
    });

    it('keeps a session in use alive by writing its activity', async () => {
      const user = await world.givenAccount();
      const grant = await world.sessions.open(user.id);
      const [row] = world.rows.sessions.sessions;
      row.lastSeenAt = new Date(Date.now() - 20 * 60_000);

      await world.sessions.resolve(grant.token);

      expect(Date.now() - row.lastSeenAt.getTime()).toBeLessThan(1_000);
    });

    it('ends the session of a disabled account, and knows no other token', async () => {
      const user = await world.givenAccount();
      const grant = await world.sessions.open(user.id);
      world.rows.accounts.rows[0].disabledAt = new Date();

      await expect(world.sessions.resolve(grant.token)).rejects.toMatchObject({ message: 'Sign in first' });
      await expect(world.sessions.resolve('unknown')).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
      expect(world.rows.sessions.liveOf(user.id)).toHaveLength(0);
    });
  });

  it('signs out once, and records it', async () => {
    const user = await world.givenAccount();
    const grant = await world.sessions.open(user.id);

    await expect(world.sessions.signOut(grant.token)).resolves.toEqual({ ended: true });
    await expect(world.sessions.signOut(grant.token)).resolves.toEqual({ ended: false });
    expect(world.log.entries).toEqual([
      expect.objectContaining({ actorId: user.id, action: 'session.sign_out', targetId: user.id }),
    ]);
  });

  describe('changing the password', () => {
    it('ends every other session of the account and keeps the current one', async () => {
      const user = await world.givenAccount({ email: 'vanna@example.org', password: PASSWORD });
      await world.sessions.open(user.id);
      await world.sessions.open(user.id);
      const current = await world.sessions.open(user.id);
      const caller = (await world.sessions.resolve(current.token)).caller;

      await expect(
        world.sessions.changePassword(caller, PASSWORD, 'second long passphrase'),
      ).resolves.toEqual({
        endedOtherSessions: 2,
      });
      expect(world.rows.sessions.liveOf(user.id)).toHaveLength(1);
      await expect(world.sessions.resolve(current.token)).resolves.toBeDefined();
      await expect(
        world.sessions.signIn({ email: 'vanna@example.org', password: 'second long passphrase' }),
      ).resolves.toMatchObject({ status: 'signed_in' });
      expect(world.log.entries[0]).toMatchObject({
        action: 'password.change',
        outcome: 'success',
        details: { endedOtherSessions: 2 },
      });
    });

    it('refuses a wrong current password, and records the failure', async () => {
      const user = await world.givenAccount({ password: PASSWORD });
      await expect(
        world.sessions.changePassword(callerOf(user), 'not it', 'second long passphrase'),
      ).rejects.toMatchObject({
        code: 'VALIDATION_FAILED',
        details: { issues: [expect.objectContaining({ path: 'current', code: 'wrong_password' })] },
      });
      expect(world.log.steps()).toEqual(['password.change failure']);
    });

    it('refuses a common new password, naming the field', async () => {
      const user = await world.givenAccount({ password: PASSWORD });
      await expect(
        world.sessions.changePassword(callerOf(user), PASSWORD, 'password1'),
      ).rejects.toMatchObject({
        code: 'VALIDATION_FAILED',
        details: { issues: [expect.objectContaining({ path: 'next', code: 'common_password' })] },
      });
      expect(world.log.entries).toHaveLength(0);
    });

    it('asks an anonymous caller to sign in', async () => {
      await expect(
        world.sessions.changePassword(ANONYMOUS, 'a', 'second long passphrase'),
      ).rejects.toMatchObject({
        code: 'UNAUTHENTICATED',
      });
    });
  });
});
