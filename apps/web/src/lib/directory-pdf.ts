/**
 * The printable Network Directory: an A4 PDF of community-based organisations, grouped by province,
 * in Khmer or English, with Noto Sans Khmer embedded so it prints the same anywhere.
 *
 * Why not a PDF library's own text support: Khmer needs OpenType shaping (subscript consonants
 * after COENG, pre-base vowels drawn before their consonant, split vowels), and fontkit 2.0.4, the
 * shaper under pdfkit (pdf-lib uses an older fork of it), gets it wrong with Noto Sans Khmer: it
 * throws on common syllables such as កំ and ឃុំ, and draws an extra vowel in ស្ត្រី. So the text is
 * shaped by HarfBuzz (harfbuzzjs, the reference shaper), and this file writes the PDF itself: a
 * small object writer, one Type0/CIDFontType2 font per weight, subset by fontkit. The engine and its
 * layout primitives live in ./pdf/ (shared with the certificates and sign-in sheets); this file is
 * the directory's layout.
 *
 * Shaped Khmer draws glyphs in visual order, which is not the order of the characters: ក្រុម draws
 * the subscript RO before ក. So that a PDF reader still gets the words back as text, every drawn
 * glyph is given its own character code (CID), and the ToUnicode map of the font gives each code
 * one slice of its cluster's text, cut so that the slices, read in drawing order, spell the
 * cluster in logical order. The same glyph in another cluster gets another code, pointing at the
 * same glyph through the CIDToGIDMap. Each line is also marked with its text as ActualText, which
 * readers such as Poppler and Acrobat take instead of the glyphs.
 *
 * Every visible string comes in through `input`; this file holds none.
 */
import { PROVINCES, type DirectoryEntry, type FocusIssue } from '@bandanh/contracts';
import { numberingSystemOf } from '../components/notifications/numerals';
import {
  A4_PORTRAIT,
  height,
  LEADING,
  PdfDocument,
  RowFlow,
  type Bookmark,
  type Rgb,
  type Row,
  type TextStyle,
} from './pdf/document';

export interface DirectoryPdfLabels {
  issues: string;
  members: string;
  location: string;
  contacts: string;
  activities: string;
  participantSince: string;
  /** The footer's page number; `{page}` and `{pages}` are replaced, e.g. "Page {page} of {pages}". */
  page: string;
  /** Shown instead of the list when there is no entry. */
  empty: string;
  issueNames: Record<FocusIssue, string>;
}

export interface DirectoryPdfInput {
  locale: 'km' | 'en';
  entries: DirectoryEntry[];
  title: string;
  subtitle: string;
  /** Already worded, e.g. "Printed on 21 November 2026". */
  generatedOn: string;
  labels: DirectoryPdfLabels;
}

/** Renders the directory as an A4 PDF. */
export async function renderDirectoryPdf(input: DirectoryPdfInput): Promise<Buffer> {
  return new DirectoryDocument(await PdfDocument.create(A4_PORTRAIT), input).render();
}

// ---------------------------------------------------------------------------------------------
// Layout

const PAGE_WIDTH = A4_PORTRAIT.width;
const MARGIN_X = 50;
const TOP = 56;
const BOTTOM = 64;
const CONTENT_WIDTH = PAGE_WIDTH - 2 * MARGIN_X;
const INDENT = 10;
const LABEL_WIDTH = 118;
const LABEL_GAP = 8;

const INK: Rgb = [0.11, 0.11, 0.13];
const MUTED: Rgb = [0.36, 0.37, 0.4];
const ACCENT: Rgb = [0.05, 0.33, 0.45];
const RULE: Rgb = [0.8, 0.82, 0.85];

const STYLES = {
  title: { weight: 'bold', size: 20, color: INK },
  subtitle: { weight: 'regular', size: 11, color: MUTED },
  generated: { weight: 'regular', size: 9, color: MUTED },
  province: { weight: 'bold', size: 14, color: ACCENT },
  name: { weight: 'bold', size: 11.5, color: INK },
  otherName: { weight: 'regular', size: 9.5, color: MUTED },
  label: { weight: 'bold', size: 8.5, color: MUTED },
  value: { weight: 'regular', size: 9, color: INK },
  empty: { weight: 'regular', size: 11, color: MUTED },
  footer: { weight: 'regular', size: 8, color: MUTED },
} satisfies Record<string, TextStyle>;

class DirectoryDocument {
  private readonly flow: RowFlow;
  /** The province headings, for the PDF's bookmarks: the page (index) and how far down it starts. */
  private readonly bookmarks: Bookmark[] = [];

  constructor(
    private readonly doc: PdfDocument,
    private readonly input: DirectoryPdfInput,
  ) {
    this.flow = new RowFlow(doc, { top: TOP, bottom: BOTTOM });
  }

  render(): Buffer {
    const { input, flow } = this;
    flow.place(this.header(), false);
    if (input.entries.length === 0) {
      flow.place(this.paragraph(input.labels.empty, STYLES.empty, MARGIN_X, CONTENT_WIDTH), false);
    }
    for (const group of groupByProvince(input.entries, input.locale)) {
      const heading = this.provinceHeading(group.heading);
      // Keep the heading with its first entry.
      const first = this.entry(group.entries[0]);
      const needed = height(heading) + Math.min(height(first), flow.bodyHeight - height(heading));
      if (!flow.fits(needed)) flow.newPage();
      flow.place(heading, false);
      this.bookmarks.push({
        title: group.heading,
        page: this.doc.pageIndex,
        top: flow.top - height(heading),
      });
      flow.place(first, true);
      for (const entry of group.entries.slice(1)) flow.place(this.entry(entry), true);
    }
    return this.doc.finish({
      title: input.title,
      lang: input.locale,
      bookmarks: this.bookmarks,
      footer: (ops, page, pages) => this.footer(ops, page, pages),
    });
  }
  // --- the document's parts

  private header(): Row[] {
    const { input } = this;
    return [
      ...this.paragraph(input.title, STYLES.title, MARGIN_X, CONTENT_WIDTH),
      ...this.paragraph(input.subtitle, STYLES.subtitle, MARGIN_X, CONTENT_WIDTH),
      ...this.paragraph(input.generatedOn, STYLES.generated, MARGIN_X, CONTENT_WIDTH),
      { height: 6 },
      this.rule(ACCENT, 1.2),
      { height: 8 },
    ];
  }

  private provinceHeading(text: string): Row[] {
    return [
      { height: 14, spacer: true },
      ...this.paragraph(text, STYLES.province, MARGIN_X, CONTENT_WIDTH),
      this.rule(ACCENT, 0.6),
      { height: 8 },
    ];
  }

  private entry(entry: DirectoryEntry): Row[] {
    const { locale, labels } = this.input;
    const latin = entry.name.trim();
    const khmer = entry.nameKm?.trim() || '';
    const [first, second] = locale === 'km' ? [khmer || latin, khmer ? latin : ''] : [latin, khmer];
    const rows: Row[] = [...this.paragraph(first, STYLES.name, MARGIN_X, CONTENT_WIDTH)];
    if (second) rows.push(...this.paragraph(second, STYLES.otherName, MARGIN_X, CONTENT_WIDTH));
    rows.push({ height: 3 });

    const location = [entry.village, entry.commune, entry.district]
      .map((part) => part?.trim())
      .filter(Boolean)
      .join(', ');
    const issues = entry.focusIssues.map((issue) => labels.issueNames[issue] ?? issue).join(', ');
    const contacts = entry.contacts
      .map((contact) => {
        const who = contact.role ? `${contact.name} (${contact.role})` : contact.name;
        return contact.phone ? `${who}, ${contact.phone}` : who;
      })
      .join('\n');
    const fields: [string, string][] = [
      [labels.location, location],
      [labels.issues, issues],
      [labels.members, entry.membersCount === null ? '' : this.number(entry.membersCount)],
      [labels.activities, entry.activities?.trim() ?? ''],
      [labels.contacts, contacts],
      [labels.participantSince, this.date(entry.participantSince)],
    ];
    for (const [label, value] of fields) if (value) rows.push(...this.field(label, value));
    rows.push({ height: 7 }, this.rule(RULE, 0.5), { height: 8 });
    return rows;
  }

  /** A label on the left and its value beside it, both wrapped, line by line. */
  private field(label: string, value: string): Row[] {
    const x = MARGIN_X + INDENT;
    const valueX = x + LABEL_WIDTH + LABEL_GAP;
    const labelLines = this.wrap(label, STYLES.label, LABEL_WIDTH);
    const valueLines = this.wrap(value, STYLES.value, CONTENT_WIDTH - INDENT - LABEL_WIDTH - LABEL_GAP);
    const lineHeight = STYLES.value.size * LEADING;
    const rows: Row[] = [];
    for (let i = 0; i < Math.max(labelLines.length, valueLines.length); i++) {
      const labelLine = labelLines[i];
      const valueLine = valueLines[i];
      rows.push({
        height: lineHeight,
        paint: (ops, top) => {
          const baseline = top + STYLES.value.size * 1.15;
          if (labelLine) this.text(ops, labelLine, STYLES.label, x, baseline);
          if (valueLine) this.text(ops, valueLine, STYLES.value, valueX, baseline);
        },
      });
    }
    return rows;
  }

  private paragraph(text: string, style: TextStyle, x: number, width: number): Row[] {
    return this.doc.paragraph(text, style, x, width);
  }

  private rule(color: Rgb, width: number): Row {
    return {
      height: width,
      paint: (ops, top) => this.doc.rule(ops, MARGIN_X, top, CONTENT_WIDTH, color, width),
    };
  }

  private footer(ops: string[], page: number, pages: number): void {
    const style = STYLES.footer;
    const pageHeight = this.doc.size.height;
    const baseline = pageHeight - 38;
    const ruleTop = pageHeight - (BOTTOM - 14);
    this.doc.line(ops, MARGIN_X, ruleTop, MARGIN_X + CONTENT_WIDTH, ruleTop, RULE, 0.5);
    const template = this.input.labels.page;
    const label = /\{page\}/.test(template)
      ? template.replace('{page}', this.number(page)).replace('{pages}', this.number(pages))
      : `${template} ${this.number(page)}`;
    const width = this.width(label, style);
    const title = this.fitLine(this.input.title, style, CONTENT_WIDTH - width - 24);
    if (title) this.text(ops, title, style, MARGIN_X, baseline);
    this.text(ops, label, style, MARGIN_X + CONTENT_WIDTH - width, baseline);
  }

  private text(ops: string[], line: string, style: TextStyle, x: number, baseline: number): void {
    this.doc.text(ops, line, style, x, baseline);
  }

  private width(text: string, style: TextStyle): number {
    return this.doc.width(text, style);
  }

  private wrap(text: string, style: TextStyle, maxWidth: number): string[] {
    return this.doc.wrap(text, style, maxWidth);
  }

  private fitLine(text: string, style: TextStyle, maxWidth: number): string {
    return this.doc.fitLine(text, style, maxWidth);
  }

  private number(value: number): string {
    return new Intl.NumberFormat(this.input.locale === 'km' ? 'km-KH' : 'en-GB', {
      numberingSystem: numberingSystemOf(this.input.locale),
    }).format(value);
  }

  private date(iso: string | null): string {
    if (!iso) return '';
    const date = new Date(iso);
    if (Number.isNaN(date.getTime())) return '';
    return new Intl.DateTimeFormat(this.input.locale === 'km' ? 'km-KH' : 'en-GB', {
      day: 'numeric',
      month: 'long',
      year: 'numeric',
      timeZone: 'Asia/Phnom_Penh',
      numberingSystem: numberingSystemOf(this.input.locale),
    }).format(date);
  }
}

/** Entries by province, in the order of the reference list, each sorted by the name shown first. */
function groupByProvince(
  entries: DirectoryEntry[],
  locale: 'km' | 'en',
): { heading: string; entries: DirectoryEntry[] }[] {
  const byProvince = new Map<string, DirectoryEntry[]>();
  for (const entry of entries) {
    const group = byProvince.get(entry.provinceCode);
    if (group) group.push(entry);
    else byProvince.set(entry.provinceCode, [entry]);
  }
  const collator = new Intl.Collator(locale === 'km' ? 'km' : 'en', { numeric: true });
  const sortName = (entry: DirectoryEntry) => (locale === 'km' ? entry.nameKm || entry.name : entry.name);
  const order = [
    ...PROVINCES.map((province) => province.code),
    ...[...byProvince.keys()].filter((code) => !PROVINCES.some((province) => province.code === code)).sort(),
  ];
  return order.flatMap((code) => {
    const group = byProvince.get(code);
    if (!group) return [];
    const province = PROVINCES.find((candidate) => candidate.code === code);
    const heading = province ? (locale === 'km' ? province.nameKm : province.name) : code;
    group.sort((a, b) => collator.compare(sortName(a), sortName(b)));
    return [{ heading, entries: group }];
  });
}
