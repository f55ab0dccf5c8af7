import {
  certificateUrl,
  CERTIFICATE_CODE_PREFIX,
  generateCertificateCode,
  normaliseCertificateCode,
} from './verification-code';

describe('certificate verification codes', () => {
  it("generates 'CRT-' and ten Crockford base32 characters", () => {
    const codes = Array.from({ length: 200 }, () => generateCertificateCode());

    for (const code of codes) expect(code).toMatch(/^CRT-[0-9ABCDEFGHJKMNPQRSTVWXYZ]{10}$/);
    expect(new Set(codes).size).toBe(codes.length);
  });

  it('maps every byte onto the alphabet', () => {
    const bytes = Uint8Array.from([0, 31, 32, 255, 10, 18, 19, 20, 21, 26]);

    expect(generateCertificateCode(() => bytes)).toBe('CRT-0Z0ZAJKMNT');
  });

  it('reads a typed code in any case, with spaces, O as 0 and I or L as 1', () => {
    expect(normaliseCertificateCode('crt-7m2kq 9xd4t')).toBe('CRT-7M2KQ9XD4T');
    expect(normaliseCertificateCode(' CRT 7M2K Q9XD 4T ')).toBe('CRT-7M2KQ9XD4T');
    expect(normaliseCertificateCode('7m2kq-9xd4t')).toBe('CRT-7M2KQ9XD4T');
    expect(normaliseCertificateCode('CRT-OOIILL1234')).toBe('CRT-0011111234');
    expect(normaliseCertificateCode('crt-oilabcdefg')).toBe('CRT-011ABCDEFG');
  });

  it('refuses what cannot be a code', () => {
    expect(normaliseCertificateCode('')).toBeNull();
    expect(normaliseCertificateCode('CRT-')).toBeNull();
    expect(normaliseCertificateCode('CRT-7M2KQ9XD4')).toBeNull();
    expect(normaliseCertificateCode('CRT-7M2KQ9XD4TT')).toBeNull();
    expect(normaliseCertificateCode('CRT-7M2KQ9XD4U')).toBeNull();
    expect(normaliseCertificateCode('CRT-7M2KQ9XD4!')).toBeNull();
    expect(normaliseCertificateCode('XYZ-7M2KQ9XD4T')).toBeNull();
  });

  it('reads back every generated code as itself', () => {
    for (let i = 0; i < 50; i++) {
      const code = generateCertificateCode();
      expect(normaliseCertificateCode(code.toLowerCase())).toBe(code);
      expect(normaliseCertificateCode(code.slice(CERTIFICATE_CODE_PREFIX.length))).toBe(code);
    }
  });

  it('builds the public verification address', () => {
    expect(certificateUrl('https://bandanh.example/', 'km', 'CRT-7M2KQ9XD4T')).toBe(
      'https://bandanh.example/km/certificates/CRT-7M2KQ9XD4T',
    );
  });
});
