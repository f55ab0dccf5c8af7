import { writeFileSync } from 'node:fs';
import path from 'node:path';
import en from '../../../messages/en/trainingPdf.json';
import km from '../../../messages/km/trainingPdf.json';
import { qrTextOf } from '../../../test/pdf-qr';
import { pdfPages } from '../../../test/pdf-text';
import { qrMatrix, renderCertificatePdf, type CertificateInput, type CertificateWords } from './certificate';
import { certificateUrl } from './verification-code';

const CODE = 'CRT-7M2KQ9XD4T';
const URL = certificateUrl('https://bandanh.example', 'km', CODE);

function side(locale: 'km' | 'en'): CertificateWords {
  const words = (locale === 'km' ? km : en).certificate;
  return {
    ...words,
    dates: words.dates.replace('{dates}', locale === 'km' ? '៤ និង ៥ ធ្នូ ២០២៦' : '4 and 5 December 2026'),
    memberName: locale === 'km' ? 'សុខ ស្រីពៅ' : 'Sok Sreypov',
    cboName: locale === 'km' ? 'សហគមន៍នេសាទស្ទឹងសែន' : 'Stung Sen Fishing Community',
    moduleTitle: locale === 'km' ? 'សិទ្ធិមនុស្ស' : 'Human rights',
    trainerName: locale === 'km' ? 'ចាន់ ដារ៉ា' : 'Chan Dara',
  };
}

const input = (locale: 'km' | 'en'): CertificateInput => ({
  locale,
  km: side('km'),
  en: side('en'),
  code: CODE,
  verificationUrl: URL,
});

const words = (text: string) => text.replace(/\s+/gu, ' ');

describe('renderCertificatePdf', () => {
  it.each(['km', 'en'] as const)(
    'writes the names, the module, the trainer and the code as text, in both languages (%s first)',
    async (locale) => {
      const pdf = await renderCertificatePdf(input(locale));
      // To look at it: PDF_OUT_DIR=/tmp/pdfs pnpm exec jest … writes the file there.
      if (process.env.PDF_OUT_DIR)
        writeFileSync(path.join(process.env.PDF_OUT_DIR, `certificate-${locale}.pdf`), pdf);

      expect(pdf.subarray(0, 8).toString('latin1')).toBe('%PDF-1.7');
      expect(pdf.toString('latin1')).toContain('/MediaBox [0 0 841.89 595.28]');
      const pages = await pdfPages(pdf);
      expect(pages).toHaveLength(1);
      const text = words(pages[0]);
      for (const expected of [
        'សុខ ស្រីពៅ',
        'សហគមន៍នេសាទស្ទឹងសែន',
        'Sok Sreypov',
        'Stung Sen Fishing Community',
        'សិទ្ធិមនុស្ស',
        'Human rights',
        'ចាន់ ដារ៉ា',
        'Chan Dara',
        '៤ និង ៥ ធ្នូ ២០២៦',
        '4 and 5 December 2026',
        km.certificate.title,
        en.certificate.title,
        CODE,
      ]) {
        expect(text).toContain(expected);
      }
      expect(text).toContain(words(en.certificate.issuer));
      expect(text).toContain(words(km.certificate.issuer));
      expect(text).not.toMatch(/[\u200B\u2060]/u);
    },
    30_000,
  );

  it('draws a QR code that reads as the verification address', async () => {
    const pdf = await renderCertificatePdf(input('km'));

    expect(qrTextOf(pdf)).toBe('https://bandanh.example/km/certificates/CRT-7M2KQ9XD4T');
  }, 30_000);

  it('draws the QR code of another address for another certificate', async () => {
    const other = certificateUrl('https://bandanh.example', 'en', 'CRT-0000000000');
    const pdf = await renderCertificatePdf({
      ...input('en'),
      code: 'CRT-0000000000',
      verificationUrl: other,
    });

    expect(qrTextOf(pdf)).toBe(other);
  }, 30_000);

  it('makes a square matrix of the address', () => {
    const matrix = qrMatrix(URL);

    expect(matrix.length).toBeGreaterThanOrEqual(21);
    for (const row of matrix) expect(row).toHaveLength(matrix.length);
    // The finder pattern's corner is dark.
    expect(matrix[0][0]).toBe(true);
  });
});
