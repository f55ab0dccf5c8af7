import { randomUUID } from 'node:crypto';
import type { Caller } from '@bandanh/contracts';
import { CallerRefused, CallerSigner, CallerVerifier, generateServiceKey } from '../auth/caller-token';
import { ReusedCallerTokens, VerifiedCallerTokens } from './caller-token-cache';

const STAFF: Caller = { kind: 'staff', userId: randomUUID(), roles: ['coordinator'] };
const SUBJECT = 'test.network.cbo.list';
const TTL_SECONDS = 60;

async function keys() {
  const { privateJwk, trusted } = await generateServiceKey('gateway');
  const signer = await CallerSigner.fromJwk('gateway', privateJwk, TTL_SECONDS);
  const verifier = await CallerVerifier.fromTrusted({ keys: [trusted] });
  return { signer, verifier };
}

const reasonOf = (promise: Promise<unknown>) =>
  promise.then(
    () => 'accepted',
    (error: unknown) => (error instanceof CallerRefused ? error.reason : String(error)),
  );

describe('signed callers, each signature made and checked once per message', () => {
  afterEach(() => jest.useRealTimers());

  it('sends the same token for the same caller, subject and payload, and a new one for any other', async () => {
    const { signer } = await keys();
    const tokens = new ReusedCallerTokens(signer);
    const first = await tokens.sign(STAFF, SUBJECT, { limit: 20 });
    expect(await tokens.sign(STAFF, SUBJECT, { limit: 20 })).toBe(first);
    const others = await Promise.all([
      tokens.sign(STAFF, SUBJECT, { limit: 21 }),
      tokens.sign(STAFF, 'test.network.cbo.get', { limit: 20 }),
      tokens.sign({ ...STAFF, roles: ['admin'] }, SUBJECT, { limit: 20 }),
      tokens.sign(STAFF, SUBJECT, { limit: 20, offset: 0 }),
    ]);
    expect(new Set([first, ...others]).size).toBe(5);
  });

  it('signs again once half of the lifetime is gone, so a receiver never gets a token about to expire', async () => {
    const { signer } = await keys();
    const tokens = new ReusedCallerTokens(signer);
    jest.useFakeTimers({ now: new Date('2026-12-02T10:00:00Z'), doNotFake: ['nextTick', 'setImmediate'] });
    const first = await tokens.sign(STAFF, SUBJECT, {});
    jest.setSystemTime(new Date('2026-12-02T10:00:29Z'));
    expect(await tokens.sign(STAFF, SUBJECT, {})).toBe(first);
    jest.setSystemTime(new Date('2026-12-02T10:00:31Z'));
    expect(await tokens.sign(STAFF, SUBJECT, {})).not.toBe(first);
  });

  it('checks the signature of a token it has seen once only, and a caller of its own each time', async () => {
    const { signer, verifier } = await keys();
    const verify = jest.spyOn(verifier, 'verify');
    const verified = new VerifiedCallerTokens(verifier);
    const token = await signer.sign(STAFF, SUBJECT, { limit: 20 });
    const first = await verified.verify(token, SUBJECT, { limit: 20 });
    const again = await verified.verify(token, SUBJECT, { limit: 20 });
    expect(again).toEqual(STAFF);
    expect(again).not.toBe(first);
    expect(verify).toHaveBeenCalledTimes(1);
  });

  it('still refuses a token it has seen on another subject, with another payload, or once expired', async () => {
    const { signer, verifier } = await keys();
    const verified = new VerifiedCallerTokens(verifier);
    jest.useFakeTimers({ now: new Date('2026-12-02T10:00:00Z'), doNotFake: ['nextTick', 'setImmediate'] });
    const token = await signer.sign(STAFF, SUBJECT, { limit: 20 });
    await expect(verified.verify(token, SUBJECT, { limit: 20 })).resolves.toEqual(STAFF);

    expect(await reasonOf(verified.verify(token, 'test.identity.audit.list', { limit: 20 }))).toBe('claims');
    expect(await reasonOf(verified.verify(token, SUBJECT, { limit: 100 }))).toBe('payload_digest');
    expect(await reasonOf(verified.verify(token, SUBJECT, { limit: 20, extra: true }))).toBe(
      'payload_digest',
    );
    jest.setSystemTime(new Date('2026-12-02T10:01:10Z'));
    expect(await reasonOf(verified.verify(token, SUBJECT, { limit: 20 }))).toBe('expired');
  });

  it('remembers only tokens that verified', async () => {
    const { verifier } = await keys();
    const outsider = await keys();
    const verify = jest.spyOn(verifier, 'verify');
    const verified = new VerifiedCallerTokens(verifier);
    const forged = await outsider.signer.sign(STAFF, SUBJECT, {});
    expect(await reasonOf(verified.verify(forged, SUBJECT, {}))).toBe('unknown_key');
    expect(await reasonOf(verified.verify(forged, SUBJECT, {}))).toBe('unknown_key');
    expect(await reasonOf(verified.verify(undefined, SUBJECT, {}))).toBe('unsigned');
    expect(verify).toHaveBeenCalledTimes(3);
  });
});
