import { randomBytes } from 'node:crypto';
import { SecretBox } from './secret-box';
import { randomToken, safeEqual, sha256 } from './tokens';

const key = () => randomBytes(32).toString('base64');

describe('SecretBox', () => {
  it('opens what it sealed, and the sealed text does not contain the secret', () => {
    const box = new SecretBox({ k1: key() }, 'k1');
    const sealed = box.seal('JBSWY3DPEHPK3PXP', 'user-1');
    expect(sealed).not.toContain('JBSWY3DPEHPK3PXP');
    expect(sealed.startsWith('v1.k1.')).toBe(true);
    expect(box.open(sealed, 'user-1')).toBe('JBSWY3DPEHPK3PXP');
  });

  it('refuses a value sealed for another record or tampered with', () => {
    const box = new SecretBox({ k1: key() }, 'k1');
    const sealed = box.seal('secret', 'user-1');
    expect(() => box.open(sealed, 'user-2')).toThrow();
    // One bit of the ciphertext flipped (through its bytes: the last base64 letter carries unused
    // bits, so changing letters may change nothing).
    const [version, keyId, payload] = sealed.split('.');
    const raw = Buffer.from(payload, 'base64url');
    raw[raw.length - 1] ^= 1;
    const tampered = `${version}.${keyId}.${raw.toString('base64url')}`;
    expect(tampered).not.toBe(sealed);
    expect(() => box.open(tampered, 'user-1')).toThrow();
  });

  it('reads values sealed under an older key after rotation', () => {
    const old = key();
    const sealed = new SecretBox({ k1: old }, 'k1').seal('secret');
    const rotated = new SecretBox({ k1: old, k2: key() }, 'k2');
    expect(rotated.open(sealed)).toBe('secret');
    expect(rotated.seal('secret').startsWith('v1.k2.')).toBe(true);
  });

  it('refuses a key that is not 32 bytes', () => {
    expect(() => new SecretBox({ k1: Buffer.from('short').toString('base64') }, 'k1')).toThrow(/32 bytes/);
  });
});

describe('tokens', () => {
  it('are long, distinct, and stored as a hash', () => {
    const a = randomToken();
    expect(a).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(randomToken()).not.toBe(a);
    expect(sha256(a)).toMatch(/^[0-9a-f]{64}$/);
    expect(safeEqual(a, a)).toBe(true);
    expect(safeEqual(a, randomToken())).toBe(false);
  });
});
