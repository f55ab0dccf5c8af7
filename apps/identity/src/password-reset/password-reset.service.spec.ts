import { sendNotification } from '@bandanh/contracts';
import { sha256 } from '@bandanh/platform';
import { identityWorld, type IdentityWorld } from '../testing/world';

const RESET_ANSWERS_AT_ONCE = { PASSWORD_RESET_ANSWER_MS: '0' };

describe('password reset by email', () => {
  let world: IdentityWorld;

  beforeEach(() => {
    world = identityWorld(RESET_ANSWERS_AT_ONCE);
  });

  /** The links mailed so far, with their token (read from the link, as the recipient would). */
  const mailed = () =>
    world.outbox.of(sendNotification).map((message) => ({
      ...message,
      token: String(message.params.link).split('/').pop()!,
    }));

  it('mails an active account a single link in its language, stored only as a hash, and audits it', async () => {
    const user = await world.givenAccount({ email: 'dara@bandanh.test', displayName: 'Dara', locale: 'en' });
    await expect(world.passwordReset.request('dara@bandanh.test')).resolves.toEqual({ accepted: true });

    const [message] = mailed();
    expect(message).toMatchObject({
      kind: 'password_reset',
      locale: 'en',
      recipient: { email: 'dara@bandanh.test', userId: user.id },
      params: { name: 'Dara', minutes: '30' },
    });
    const [link] = world.rows.resetLinks.rows;
    expect(message.key).toBe(`password-reset-${link.id}`);
    expect(message.params.link).toBe(`http://localhost:3000/en/password-reset/${message.token}`);
    expect(link.tokenHash).toBe(sha256(message.token));
    expect(JSON.stringify(world.rows.resetLinks.rows)).not.toContain(message.token);
    expect(link.expiresAt.getTime() - Date.now()).toBeGreaterThan(29 * 60_000);
    expect(link.expiresAt.getTime() - Date.now()).toBeLessThanOrEqual(30 * 60_000);
    expect(world.outbox.kicks).toBe(1);
    expect(world.log.steps()).toEqual(['password_reset.request success']);
  });

  it('writes the link in Khmer, with Khmer digits, for an account that reads Khmer', async () => {
    await world.givenAccount({ email: 'sokha@bandanh.test' });
    await world.passwordReset.request('sokha@bandanh.test');
    expect(mailed()[0]).toMatchObject({ locale: 'km', params: { minutes: '៣០' } });
    expect(String(mailed()[0].params.link)).toContain('/km/password-reset/');
  });

  it('answers an unknown or disabled address exactly alike, sends nothing, and records the ask', async () => {
    await world.givenAccount({ email: 'gone@bandanh.test', disabledAt: new Date() });
    await expect(world.passwordReset.request('nobody@bandanh.test')).resolves.toEqual({ accepted: true });
    await expect(world.passwordReset.request('gone@bandanh.test')).resolves.toEqual({ accepted: true });
    expect(world.outbox.messages).toEqual([]);
    expect(world.rows.resetLinks.rows).toEqual([]);
    expect(world.log.steps()).toEqual(['password_reset.request failure', 'password_reset.request failure']);
    // The address is kept as its hash: the log does not collect who asked about which address.
    expect(JSON.stringify(world.log.entries)).not.toContain('nobody@bandanh.test');
  });

  it('takes at least the configured time to answer, known address or not', async () => {
    world = identityWorld({ PASSWORD_RESET_ANSWER_MS: '150' });
    await world.givenAccount({ email: 'dara@bandanh.test' });
    for (const email of ['dara@bandanh.test', 'nobody@bandanh.test']) {
      const started = Date.now();
      await world.passwordReset.request(email);
      expect(Date.now() - started).toBeGreaterThanOrEqual(145);
    }
  });

  it('ends the older links of the account when a new one is asked for', async () => {
    await world.givenAccount({ email: 'dara@bandanh.test' });
    await world.passwordReset.request('dara@bandanh.test');
    await world.passwordReset.request('dara@bandanh.test');
    const [first, second] = mailed();
    await expect(world.passwordReset.check(first.token)).rejects.toMatchObject({
      code: 'NOT_FOUND',
      details: { reason: 'reset_link_invalid' },
    });
    await expect(world.passwordReset.check(second.token)).resolves.toHaveProperty('expiresAt');
  });

  it('sends an address no more than PASSWORD_RESET_LIMIT links per window, answering the same', async () => {
    world = identityWorld({ ...RESET_ANSWERS_AT_ONCE, PASSWORD_RESET_LIMIT: '2' });
    await world.givenAccount({ email: 'dara@bandanh.test' });
    for (let i = 0; i < 4; i++) {
      await expect(world.passwordReset.request('dara@bandanh.test')).resolves.toEqual({ accepted: true });
    }
    expect(mailed()).toHaveLength(2);
    expect(world.log.steps()).toEqual([
      'password_reset.request success',
      'password_reset.request success',
      'password_reset.request failure',
      'password_reset.request failure',
    ]);
    expect(world.log.entries[2].details).toMatchObject({ reason: 'too_many_requests' });
  });

  it('sets the new password, spends the link, ends every session and pending sign-in, and audits it', async () => {
    const user = await world.givenAccount({ email: 'dara@bandanh.test', password: 'the old passphrase' });
    await world.sessions.open(user.id);
    await world.sessions.open(user.id);
    await world.rows.sessions.createChallenge({
      tokenHash: 'pending',
      userId: user.id,
      email: user.email,
      expiresAt: new Date(Date.now() + 60_000),
    });
    await world.rows.sessions.recordFailure(user.email, 1, new Date(Date.now() + 60_000));
    await world.passwordReset.request('dara@bandanh.test');
    const { token } = mailed()[0];

    await expect(world.passwordReset.complete(token, 'a brand new passphrase')).resolves.toEqual({
      endedSessions: 2,
    });
    expect(world.rows.sessions.liveOf(user.id)).toEqual([]);
    expect(world.rows.sessions.challenges[0].usedAt).toBeInstanceOf(Date);
    expect(world.rows.sessions.attemptsByEmail.has(user.email)).toBe(false);
    await expect(
      world.sessions.signIn({ email: user.email, password: 'the old passphrase' }),
    ).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
    await expect(
      world.sessions.signIn({ email: user.email, password: 'a brand new passphrase' }),
    ).resolves.toMatchObject({ status: 'signed_in' });
    expect(world.log.steps()).toContain('password_reset.complete success');

    // Used once: the same link is refused, changes nothing, and the refusal is recorded.
    await expect(world.passwordReset.complete(token, 'yet another passphrase')).rejects.toMatchObject({
      code: 'NOT_FOUND',
      details: { reason: 'reset_link_invalid' },
    });
    expect(world.log.entries.at(-1)).toMatchObject({
      action: 'password_reset.complete',
      outcome: 'failure',
      targetId: user.id,
      details: { reason: 'used' },
    });
  });

  it('keeps two-factor authentication on after a reset', async () => {
    const user = await world.givenAccount({ email: 'dara@bandanh.test', totpSecret: 'JBSWY3DPEHPK3PXP' });
    await world.passwordReset.request(user.email);
    await world.passwordReset.complete(mailed()[0].token, 'a brand new passphrase');
    await expect(
      world.sessions.signIn({ email: user.email, password: 'a brand new passphrase' }),
    ).resolves.toMatchObject({ status: 'mfa_required' });
  });

  it('refuses an expired link and an unknown one alike', async () => {
    await world.givenAccount({ email: 'dara@bandanh.test' });
    await world.passwordReset.request('dara@bandanh.test');
    world.rows.resetLinks.rows[0].expiresAt = new Date(Date.now() - 1000);
    for (const token of [mailed()[0].token, 'not-a-link-anyone-was-sent']) {
      await expect(world.passwordReset.complete(token, 'a brand new passphrase')).rejects.toMatchObject({
        code: 'NOT_FOUND',
        details: { reason: 'reset_link_invalid' },
      });
    }
    expect(world.log.entries.slice(-2).map((entry) => entry.details.reason)).toEqual([
      'expired',
      'unknown_link',
    ]);
  });

  it('holds the new password to the usual rules, and leaves the link usable after a refusal', async () => {
    await world.givenAccount({ email: 'dara@bandanh.test' });
    await world.passwordReset.request('dara@bandanh.test');
    const { token } = mailed()[0];
    for (const weak of ['password123', 'dara@bandanh.test']) {
      await expect(world.passwordReset.complete(token, weak)).rejects.toMatchObject({
        code: 'VALIDATION_FAILED',
        details: { issues: [expect.objectContaining({ path: 'password', code: 'common_password' })] },
      });
    }
    await expect(world.passwordReset.complete(token, 'a brand new passphrase')).resolves.toBeDefined();
  });

  it('does not sign anyone in: the person signs in with the new password', async () => {
    const user = await world.givenAccount({ email: 'dara@bandanh.test' });
    await world.passwordReset.request(user.email);
    const answer = await world.passwordReset.complete(mailed()[0].token, 'a brand new passphrase');
    expect(answer).not.toHaveProperty('session');
    expect(world.rows.sessions.liveOf(user.id)).toEqual([]);
  });
});
