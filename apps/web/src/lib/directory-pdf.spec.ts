import type { DirectoryEntry } from '@bandanh/contracts';
import en from '../../messages/en/directoryPdf.json';
import km from '../../messages/km/directoryPdf.json';
import { pdfPages } from '../../test/pdf-text';
import { renderDirectoryPdf, type DirectoryPdfInput } from './directory-pdf';

/** The labels from the message catalogs, as the route handler passes them. */
const labels = (locale: 'km' | 'en'): DirectoryPdfInput['labels'] => {
  const { issues, members, location, contacts, activities, participantSince, page, empty, issueNames } =
    locale === 'km' ? km : en;
  return { issues, members, location, contacts, activities, participantSince, page, empty, issueNames };
};

function entry(overrides: Partial<DirectoryEntry>): DirectoryEntry {
  return {
    id: '00000000-0000-4000-8000-000000000000',
    name: 'Community',
    nameKm: null,
    provinceCode: 'KH-2',
    district: null,
    commune: null,
    village: null,
    focusIssues: [],
    membersCount: null,
    activities: null,
    contacts: [],
    participantSince: null,
    ...overrides,
  };
}

const FISHING = entry({
  id: '00000000-0000-4000-8000-000000000001',
  name: 'Kampong Phluk Fishing Community',
  nameKm: 'សហគមន៍នេសាទកំពង់ភ្លុក',
  provinceCode: 'KH-17',
  district: 'Prasat Bakong',
  commune: 'Kampong Phluk',
  village: 'Kampong Phluk',
  focusIssues: ['fisheries', 'land'],
  membersCount: 148,
  activities: 'Patrols the flooded forest and keeps a fish conservation area. ស្ត្រី កោះ សៀម ឃុំ ប៉ុន្តែ ស៊ើប',
  contacts: [{ name: 'Sok Dara', role: 'Chair', phone: '012 345 678' }],
  participantSince: '2021-03-15T00:00:00.000Z',
});

const FOREST = entry({
  id: '00000000-0000-4000-8000-000000000002',
  name: 'Community Forest Protection Group',
  nameKm: 'ក្រុមសហគមន៍ការពារព្រៃឈើ',
  provinceCode: 'KH-2',
  district: 'Samlout',
  focusIssues: ['land', 'other'],
  membersCount: 52,
  activities: 'ល្បាតព្រៃសហគមន៍ និងចុះបញ្ជីដីធ្លីសហគមន៍ជនជាតិដើមភាគតិច។',
  contacts: [{ name: 'ស្រី ពៅ', role: undefined, phone: '097 111 2222' }],
});

const LATIN_ONLY = entry({
  id: '00000000-0000-4000-8000-000000000003',
  name: 'Garment Workers Solidarity',
  provinceCode: 'KH-12',
  focusIssues: ['labour'],
});

function input(locale: 'km' | 'en', entries: DirectoryEntry[]): DirectoryPdfInput {
  return {
    locale,
    entries,
    title: (locale === 'km' ? km : en).title,
    subtitle: (locale === 'km' ? km : en).subtitleAll,
    generatedOn: locale === 'km' ? 'បោះពុម្ពនៅថ្ងៃទី 21 វិច្ឆិកា 2026' : 'Printed on 21 November 2026',
    labels: labels(locale),
  };
}

/** Words as text: every run of white space, line breaks too, reads as one space. */
const words = (text: string) => text.replace(/\s+/gu, ' ');

describe('renderDirectoryPdf', () => {
  it.each(['km', 'en'] as const)(
    'writes the Khmer and the Latin names as text (%s)',
    async (locale) => {
      const pdf = await renderDirectoryPdf(input(locale, [FISHING, FOREST, LATIN_ONLY]));

      expect(pdf.subarray(0, 8).toString('latin1')).toBe('%PDF-1.7');
      const text = words((await pdfPages(pdf)).join('\n'));
      for (const name of [
        'សហគមន៍នេសាទកំពង់ភ្លុក',
        'ក្រុមសហគមន៍ការពារព្រៃឈើ',
        'Kampong Phluk Fishing Community',
        'Community Forest Protection Group',
        'Garment Workers Solidarity',
      ]) {
        expect(text).toContain(name);
      }
      // Province headings in the reader's language, issues and the contact.
      if (locale === 'km') {
        expect(text).toContain('សៀមរាប');
        expect(text).toContain('បាត់ដំបង');
        expect(text).toContain('នេសាទ, ដីធ្លី');
        expect(text).toContain('ទំព័រ ១ នៃ ១');
        expect(text).toContain('១៤៨');
      } else {
        expect(text).toContain('Siem Reap');
        expect(text).toContain('Battambang');
        expect(text).toContain('Fisheries, Land');
        expect(text).toContain('Page 1 of 1');
      }
      expect(text).toContain('Sok Dara (Chair), 012 345 678');
      // Reordered in drawing (COENG RO, pre-base and split vowels), yet read in the order written.
      for (const word of ['ល្បាតព្រៃសហគមន៍', 'ជនជាតិដើមភាគតិច។', 'ស្ត្រី', 'កោះ', 'សៀម', 'ឃុំ', 'ប៉ុន្តែ', 'ស៊ើប']) {
        expect(text).toContain(word);
      }
      expect(text).not.toMatch(/[\u200B\u2060]/u);
    },
    30_000,
  );

  it('embeds Noto Sans Khmer as a TrueType font program', async () => {
    const pdf = (await renderDirectoryPdf(input('km', [FISHING]))).toString('latin1');

    const descriptors = [
      ...pdf.matchAll(/\/FontName \/[A-Z]{6}\+(NotoSansKhmer-\w+).*?\/FontFile2 (\d+) 0 R/g),
    ];
    expect(descriptors.map((match) => match[1]).sort()).toEqual([
      'NotoSansKhmer-Bold',
      'NotoSansKhmer-Regular',
    ]);
    for (const [, , file] of descriptors) {
      const stream = new RegExp(
        `\\n${file} 0 obj\\n<< /Length1 (\\d+) /Length (\\d+) /Filter /FlateDecode >>\\nstream\\n`,
      );
      const [, length1, length] = pdf.match(stream) ?? [];
      expect(Number(length1)).toBeGreaterThan(1000);
      expect(Number(length)).toBeGreaterThan(500);
    }
    expect(pdf).toContain('/Subtype /CIDFontType2');
    expect(pdf).toContain('/ToUnicode');
  }, 30_000);

  it('says so when the directory is empty', async () => {
    const inKhmer = words((await pdfPages(await renderDirectoryPdf(input('km', [])))).join('\n'));
    const inEnglish = words((await pdfPages(await renderDirectoryPdf(input('en', [])))).join('\n'));

    expect(inKhmer).toContain(km.empty);
    expect(inKhmer).toContain('បញ្ជីឈ្មោះបណ្ដាញ');
    expect(inEnglish).toContain(en.empty);
  }, 30_000);

  it('renders a directory of thousands of entries over many pages', async () => {
    const issues = ['land', 'labour', 'fisheries', 'other'] as const;
    const entries = Array.from({ length: 3000 }, (_, i) =>
      entry({
        id: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
        name: `Community ${i}`,
        nameKm: i % 2 ? `សហគមន៍នេសាទកំពង់ភ្លុក ${i}` : `ក្រុមសហគមន៍ការពារព្រៃឈើ ${i}`,
        provinceCode: `KH-${(i % 25) + 1}`,
        district: 'Samlout',
        commune: 'Ta Sanh',
        focusIssues: [issues[i % 4]],
        membersCount: i,
        activities: i % 3 ? null : 'ល្បាតព្រៃសហគមន៍ និងចុះបញ្ជីដីធ្លីសហគមន៍ជនជាតិដើមភាគតិច។',
        contacts: [{ name: 'Sok Dara', role: undefined, phone: '012 345 678' }],
      }),
    );

    const pdf = await renderDirectoryPdf(input('km', entries));

    const pages = Number(/\/Type \/Pages \/Kids \[[^\]]*\] \/Count (\d+)/.exec(pdf.toString('latin1'))?.[1]);
    expect(pages).toBeGreaterThan(1);
    const text = await pdfPages(pdf);
    expect(text).toHaveLength(pages);
    expect(words(text[text.length - 1])).toContain(
      `ទំព័រ ${pages.toLocaleString('km-KH-u-nu-khmr')} នៃ ${pages.toLocaleString('km-KH-u-nu-khmr')}`,
    );
  }, 120_000);
});
