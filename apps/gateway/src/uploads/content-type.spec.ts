import { SNIFF_BYTES, sniffContentType } from './content-type';

const bytes = (...parts: Array<string | number[]>) =>
  Buffer.concat(
    parts.map((part) => (typeof part === 'string' ? Buffer.from(part, 'latin1') : Buffer.from(part))),
  );

describe('telling a file type by its content', () => {
  it('knows a JPEG, a PNG, a WebP and a PDF by their first bytes', () => {
    expect(sniffContentType(bytes([0xff, 0xd8, 0xff, 0xe0, 0, 0x10], 'JFIF'))).toBe('image/jpeg');
    expect(sniffContentType(bytes([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]))).toBe(
      'image/png',
    );
    expect(sniffContentType(bytes('RIFF', [0x24, 0x08, 0, 0], 'WEBPVP8 '))).toBe('image/webp');
    expect(sniffContentType(bytes('%PDF-1.7\n%âãÏÓ'))).toBe('application/pdf');
  });

  it('refuses anything else, whatever it is called: a program, a RIFF that is not WebP, text, nothing', () => {
    expect(sniffContentType(bytes('MZ', [0x90, 0, 3, 0, 0, 0, 4, 0, 0, 0]))).toBeNull();
    expect(sniffContentType(bytes([0x7f], 'ELF', [2, 1, 1, 0, 0, 0, 0, 0]))).toBeNull();
    expect(sniffContentType(bytes('RIFF', [0x24, 0x08, 0, 0], 'WAVEfmt '))).toBeNull();
    expect(sniffContentType(bytes('GIF89a', [1, 0, 1, 0, 0, 0]))).toBeNull();
    expect(sniffContentType(bytes('<html><body>%PDF-'))).toBeNull();
    expect(sniffContentType(bytes(''))).toBeNull();
  });

  it('needs only a short head of the file, and a cut one is not mistaken', () => {
    expect(SNIFF_BYTES).toBeGreaterThanOrEqual(12);
    expect(sniffContentType(bytes([0x89, 0x50, 0x4e, 0x47]))).toBeNull();
    expect(sniffContentType(bytes('RIFF', [0x24, 0x08, 0, 0], 'WEB'))).toBeNull();
    expect(sniffContentType(bytes([0xff, 0xd8]))).toBeNull();
  });
});
