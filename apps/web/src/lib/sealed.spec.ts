import { randomBytes } from 'node:crypto';
import { seal, unseal } from './sealed';

describe('sealed values', () => {
  const secret = { email: 'someone@example.org', password: 'a long passphrase' };

  it('opens what it sealed, before it expires', () => {
    expect(unseal(seal(secret, 60_000))).toEqual(secret);
  });

  it('does not show the value in the sealed text', () => {
    const sealed = seal(secret, 60_000);
    expect(sealed).not.toContain('passphrase');
    expect(Buffer.from(sealed, 'base64url').toString('utf8')).not.toContain('passphrase');
  });

  it('refuses a sealed value past its time', () => {
    const now = Date.now();
    expect(unseal(seal(secret, 60_000, now), now + 60_001)).toBeUndefined();
  });

  it('refuses a changed value, another key, and rubbish', () => {
    const sealed = seal(secret, 60_000);
    const flipped = Buffer.from(sealed, 'base64url');
    flipped[flipped.length - 1] ^= 1;
    expect(unseal(flipped.toString('base64url'))).toBeUndefined();
    expect(unseal(seal(secret, 60_000, Date.now(), randomBytes(32)))).toBeUndefined();
    expect(unseal('not sealed')).toBeUndefined();
    expect(unseal(undefined)).toBeUndefined();
  });
});
