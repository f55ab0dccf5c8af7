import { writeFileSync } from 'node:fs';
import path from 'node:path';
import en from '../../../messages/en/trainingPdf.json';
import km from '../../../messages/km/trainingPdf.json';
import { pdfPages } from '../../../test/pdf-text';
import { renderSignInSheetPdf, type SignInSheetInput, type SignInSheetParticipant } from './sign-in-sheet';

const KHMER_NAMES: SignInSheetParticipant[] = [
  { name: 'សុខ ស្រីពៅ', cbo: 'សហគមន៍នេសាទស្ទឹងសែន' },
  { name: 'ចាន់ ដារ៉ា', cbo: 'ក្រុមសហគមន៍ការពារព្រៃឈើ' },
  { name: 'កែវ សុភ័ក្ត្រ', cbo: 'សហគមន៍នេសាទកំពង់ភ្លុក' },
];

function input(locale: 'km' | 'en', participants: SignInSheetParticipant[]): SignInSheetInput {
  return {
    locale,
    moduleTitle: locale === 'km' ? 'សិទ្ធិមនុស្ស' : 'Human rights',
    moduleTitleOther: locale === 'km' ? 'Human rights' : 'សិទ្ធិមនុស្ស',
    when:
      locale === 'km' ? 'ថ្ងៃព្រហស្បតិ៍ ទី៤ ខែធ្នូ ឆ្នាំ២០២៦ ម៉ោង ៨:០០–១២:០០' : 'Thursday 4 December 2026, 08:00–12:00',
    venue: locale === 'km' ? 'សាលាឃុំតាសាញ ស្រុកសំឡូត' : 'Ta Sanh commune hall, Samlout',
    trainer: locale === 'km' ? 'ចាន់ ដារ៉ា' : 'Chan Dara',
    participants,
    labels: (locale === 'km' ? km : en).signInSheet,
  };
}

const words = (text: string) => text.replace(/\s+/gu, ' ');

function save(name: string, pdf: Buffer): void {
  // To look at it: PDF_OUT_DIR=/tmp/pdfs pnpm exec jest … writes the file there.
  if (process.env.PDF_OUT_DIR) writeFileSync(path.join(process.env.PDF_OUT_DIR, name), pdf);
}

describe('renderSignInSheetPdf', () => {
  it('writes the session and the Khmer names as text, with Khmer digits, in a Khmer session', async () => {
    const pdf = await renderSignInSheetPdf(input('km', KHMER_NAMES));
    save('sign-in-km.pdf', pdf);

    expect(pdf.toString('latin1')).toContain('/MediaBox [0 0 595.28 841.89]');
    const pages = await pdfPages(pdf);
    expect(pages).toHaveLength(1);
    const text = words(pages[0]);
    for (const expected of [
      ...KHMER_NAMES.flatMap(({ name, cbo }) => [name, cbo]),
      'សិទ្ធិមនុស្ស',
      'Human rights',
      'សាលាឃុំតាសាញ ស្រុកសំឡូត',
      'ចាន់ ដារ៉ា',
      km.signInSheet.title,
      km.signInSheet.signature,
      km.signInSheet.walkIns,
      'ទំព័រ ១ នៃ ១',
    ]) {
      expect(text).toContain(expected);
    }
    // The boxes' headings, which may wrap between words in their narrow columns.
    const compact = text.replace(/ /gu, '');
    for (const mark of ['present', 'late', 'absent', 'excused'] as const) {
      expect(compact).toContain(km.signInSheet[mark]);
    }
    // Rows are numbered in Khmer digits, the walk-ins' rows after the expected ones.
    expect(text).toMatch(/(^| )១ /u);
    expect(text).toMatch(/(^| )១១( |$)/u);
    expect(text).not.toMatch(/(^| )11( |$)/u);
    expect(text).not.toMatch(/[\u200B\u2060]/u);
  }, 30_000);

  it('uses Latin digits in an English session', async () => {
    const pdf = await renderSignInSheetPdf(input('en', KHMER_NAMES));

    const text = words((await pdfPages(pdf))[0]);
    expect(text).toContain('សុខ ស្រីពៅ');
    expect(text).toContain('Page 1 of 1');
    for (const mark of ['present', 'late', 'absent', 'excused'] as const) {
      expect(text).toContain(en.signInSheet[mark]);
    }
    expect(text).not.toMatch(/[០-៩]/u);
  }, 30_000);

  it('spreads 40 participants over pages, with the session and the header on each', async () => {
    const participants = Array.from({ length: 40 }, (_, i) => ({
      name: `សុខ ស្រីពៅ ${i + 1}`,
      cbo: i % 2 ? 'សហគមន៍នេសាទស្ទឹងសែន' : 'ក្រុមសហគមន៍ការពារព្រៃឈើ',
    }));
    const pdf = await renderSignInSheetPdf({ ...input('km', participants), blankRows: 10 });
    save('sign-in-40.pdf', pdf);

    const pages = (await pdfPages(pdf)).map(words);
    expect(pages.length).toBeGreaterThanOrEqual(2);
    for (const [index, page] of pages.entries()) {
      expect(page).toContain('សិទ្ធិមនុស្ស');
      expect(page).toContain(km.signInSheet.signature);
      expect(page).toContain(
        `ទំព័រ ${(index + 1).toLocaleString('km-KH-u-nu-khmr')} នៃ ${pages.length.toLocaleString('km-KH-u-nu-khmr')}`,
      );
    }
    // Every participant once, the first on the first page and the last on a later one.
    const all = pages.join(' ');
    for (let i = 1; i <= 40; i++) expect(all.split(`សុខ ស្រីពៅ ${i} `).length - 1).toBe(1);
    expect(pages[0]).toContain('សុខ ស្រីពៅ 1 ');
    expect(pages[0]).not.toContain('សុខ ស្រីពៅ 40 ');
    expect(pages.slice(1).join(' ')).toContain('សុខ ស្រីពៅ 40 ');
    // The rows are numbered on across the pages, up to the last walk-in's row.
    expect(all).toMatch(/(^| )៥០( |$)/u);
  }, 30_000);
});
