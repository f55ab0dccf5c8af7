/**
 * The printable Network Directory: an A4 PDF of community-based organisations, grouped by province,
 * in Khmer or English, with Noto Sans Khmer embedded so it prints the same anywhere.
 *
 * Why not a PDF library's own text support: Khmer needs OpenType shaping (subscript consonants
 * after COENG, pre-base vowels drawn before their consonant, split vowels), and fontkit 2.0.4, the
 * shaper under pdfkit (pdf-lib uses an older fork of it), gets it wrong with Noto Sans Khmer: it
 * throws on common syllables such as កំ and ឃុំ, and draws an extra vowel in ស្ត្រី. So the text is
 * shaped by HarfBuzz (harfbuzzjs, the reference shaper), and this file writes the PDF itself: a
 * small object writer, one Type0/CIDFontType2 font per weight, subset by fontkit.
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
import { existsSync, readFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import path from 'node:path';
import { deflateSync } from 'node:zlib';
import * as fontkit from 'fontkit';
// harfbuzzjs 0.5 ships no type declarations. Its module is a promise of the API: imported
// statically, as a dynamic import() of a module that is a promise is awaited wrongly by bundlers.
// @ts-expect-error -- see above; the part used here is typed by HarfBuzz below.
import harfbuzz from 'harfbuzzjs';
import { PROVINCES, type DirectoryEntry, type FocusIssue } from '@bandanh/contracts';

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
  const engine = await loadEngine();
  return new DirectoryDocument(engine, input).render();
}

// ---------------------------------------------------------------------------------------------
// Fonts and shaping

/** The font package: Noto Sans Khmer as TrueType (OFL-1.1), which also covers Latin script. */
const FONT_PACKAGE = '@expo-google-fonts/noto-sans-khmer';
const FONT_FILES = {
  regular: '400Regular/NotoSansKhmer_400Regular.ttf',
  bold: '700Bold/NotoSansKhmer_700Bold.ttf',
} as const;
type Weight = keyof typeof FONT_FILES;

/** The part of harfbuzzjs 0.5 used here (the package ships no type declarations). */
interface HbGlyph {
  g: number;
  cl: number;
  ax: number;
  dx: number;
  dy: number;
}
interface HbBuffer {
  addText(text: string): void;
  guessSegmentProperties(): void;
  json(): HbGlyph[];
  destroy(): void;
}
interface HarfBuzz {
  createBlob(data: Uint8Array): object;
  createFace(blob: object, index: number): object;
  createFont(face: object): object;
  createBuffer(): HbBuffer;
  shape(font: object, buffer: HbBuffer, features?: string): void;
}

interface Face {
  weight: Weight;
  hb: HarfBuzz;
  hbFont: object;
  font: fontkit.Font;
  unitsPerEm: number;
  advances: Map<number, number>;
}

interface Engine {
  faces: Record<Weight, Face>;
}

let engine: Promise<Engine> | undefined;

function loadEngine(): Promise<Engine> {
  engine ??= createEngine().catch((error: unknown) => {
    engine = undefined;
    throw error;
  });
  return engine;
}

async function createEngine(): Promise<Engine> {
  const hb = await (harfbuzz as Promise<HarfBuzz>);
  const face = (weight: Weight): Face => {
    const data = readFileSync(fontFile(FONT_FILES[weight]));
    const font = fontkit.create(data) as fontkit.Font;
    const hbFont = hb.createFont(hb.createFace(hb.createBlob(data), 0));
    return { weight, hb, hbFont, font, unitsPerEm: font.unitsPerEm, advances: new Map() };
  };
  return { faces: { regular: face('regular'), bold: face('bold') } };
}

/**
 * The font file in node_modules, found from the working directory: `next start` runs in apps/web,
 * a test run from the repository's root. (A path under a fixed folder also lets Next's output
 * tracing include just the font package.)
 */
function fontFile(file: string): string {
  const candidates = [
    path.join(process.cwd(), 'node_modules', '@expo-google-fonts', 'noto-sans-khmer', file),
    path.join(process.cwd(), 'apps', 'web', 'node_modules', '@expo-google-fonts', 'noto-sans-khmer', file),
  ];
  const found = candidates.find((candidate) => existsSync(candidate));
  if (!found)
    throw new Error(`Cannot find the font ${FONT_PACKAGE}/${file}: install ${FONT_PACKAGE} in apps/web`);
  return found;
}

function advance(face: Face, gid: number): number {
  let width = face.advances.get(gid);
  if (width === undefined) {
    width = face.font.getGlyph(gid).advanceWidth;
    face.advances.set(gid, width);
  }
  return width;
}

/** One glyph to draw, in font units, with the slice of text its character code stands for. */
interface ShapedGlyph {
  gid: number;
  text: string;
  ax: number;
  dx: number;
  dy: number;
}

const KHMER = /[\u1780-\u17FF\u19E0-\u19FF]/u;
const WORD_JOINER = '\u2060';
const NEUTRAL = /[\s\p{P}\p{S}\p{N}\u200B-\u200D]/u;

/** Splits text where the script changes; spaces, digits and punctuation stay with the run they are in. */
function scriptRuns(text: string): string[] {
  const runs: string[] = [];
  let current = '';
  let script: 'khmer' | 'other' | undefined;
  for (const char of text) {
    const kind = KHMER.test(char) ? 'khmer' : NEUTRAL.test(char) ? undefined : 'other';
    if (kind && script && kind !== script && current) {
      runs.push(current);
      current = '';
    }
    if (kind) script = kind;
    current += char;
  }
  if (current) runs.push(current);
  return runs;
}

function shape(face: Face, text: string): ShapedGlyph[] {
  const glyphs: ShapedGlyph[] = [];
  for (const run of scriptRuns(text)) {
    const buffer = face.hb.createBuffer();
    let shaped: HbGlyph[];
    try {
      buffer.addText(run);
      buffer.guessSegmentProperties();
      face.hb.shape(face.hbFont, buffer);
      shaped = buffer.json();
    } finally {
      buffer.destroy();
    }
    spellClusters(run, shaped, glyphs);
  }
  return glyphs;
}

/**
 * Gives each glyph of a cluster a slice of the cluster's text: one character per glyph, the last
 * glyph the rest. Read in drawing order the slices spell the cluster as it was written, whatever
 * order the shaper drew its glyphs in. A cluster can have more glyphs than characters: a split
 * vowel such as ើ in ឈើ is drawn in two parts, one before the consonant. Its first glyphs then
 * stand for a WORD JOINER: invisible, no word break, and a format character, which pdf.js drops
 * from the text. (Other readers take the line from its ActualText.)
 */
function spellClusters(run: string, shaped: HbGlyph[], out: ShapedGlyph[]): void {
  for (let i = 0; i < shaped.length;) {
    const cluster = shaped[i].cl;
    let j = i + 1;
    while (j < shaped.length && shaped[j].cl === cluster) j++;
    const end = j < shaped.length && shaped[j].cl > cluster ? shaped[j].cl : run.length;
    const chars = Array.from(run.slice(cluster, end));
    const count = j - i;
    const textless = Math.max(0, count - chars.length);
    for (let k = 0; k < count; k++) {
      const n = k - textless;
      const text = n < 0 ? WORD_JOINER : k === count - 1 ? chars.slice(n).join('') : chars[n];
      const glyph = shaped[i + k];
      out.push({ gid: glyph.g, text, ax: glyph.ax, dx: glyph.dx, dy: glyph.dy });
    }
    i = j;
  }
}

/** Widths of words, in font units, shared by all renders (a directory repeats its words a lot). */
const wordWidths = new Map<string, number>();

function wordWidth(face: Face, word: string): number {
  const key = `${face.weight}\u0000${word}`;
  let width = wordWidths.get(key);
  if (width === undefined) {
    width = shape(face, word).reduce((sum, glyph) => sum + glyph.ax, 0);
    if (wordWidths.size > 50_000) wordWidths.clear();
    wordWidths.set(key, width);
  }
  return width;
}

// ---------------------------------------------------------------------------------------------
// The PDF file

class PdfWriter {
  private readonly chunks: Buffer[] = [];
  private length = 0;
  private readonly offsets: number[] = [];
  private nextId = 1;

  constructor() {
    this.push(Buffer.from('%PDF-1.7\n%\xE2\xE3\xCF\xD3\n', 'latin1'));
  }

  allocate(): number {
    return this.nextId++;
  }

  object(id: number, body: string): void {
    this.offsets[id] = this.length;
    this.push(Buffer.from(`${id} 0 obj\n${body}\nendobj\n`, 'latin1'));
  }

  stream(id: number, dictionary: string, data: Buffer | Uint8Array | string): void {
    const packed = deflateSync(typeof data === 'string' ? Buffer.from(data, 'latin1') : data);
    this.offsets[id] = this.length;
    this.push(
      Buffer.from(
        `${id} 0 obj\n<< ${dictionary} /Length ${packed.length} /Filter /FlateDecode >>\nstream\n`,
        'latin1',
      ),
    );
    this.push(packed);
    this.push(Buffer.from('\nendstream\nendobj\n', 'latin1'));
  }

  finish(root: number, info: number): Buffer {
    const size = this.nextId;
    const xref = this.length;
    // Each entry is 20 bytes: the offset, the generation, the kind, then a space and a line feed.
    const rows = ['xref', `0 ${size}`, '0000000000 65535 f '];
    for (let id = 1; id < size; id++) {
      const offset = this.offsets[id];
      rows.push(
        offset === undefined ? '0000000000 65535 f ' : `${String(offset).padStart(10, '0')} 00000 n `,
      );
    }
    const fileId = createHash('md5')
      .update(Buffer.concat(this.chunks.slice(0, 64)))
      .digest('hex');
    rows.push(
      'trailer',
      `<< /Size ${size} /Root ${root} 0 R /Info ${info} 0 R /ID [<${fileId}> <${fileId}>] >>`,
      'startxref',
      String(xref),
      '%%EOF',
      '',
    );
    this.push(Buffer.from(rows.join('\n'), 'latin1'));
    return Buffer.concat(this.chunks, this.length);
  }

  private push(chunk: Buffer): void {
    this.chunks.push(chunk);
    this.length += chunk.length;
  }
}

/** A number as PDF writes it: at most three decimals, no exponent. */
function num(value: number): string {
  const rounded = Math.round(value * 1000) / 1000;
  return Object.is(rounded, -0) ? '0' : String(rounded);
}

/** A text string for the document information: UTF-16BE with a byte order mark, in hex. */
function pdfText(text: string): string {
  const units = Buffer.from(text, 'utf16le').swap16();
  return `<FEFF${units.toString('hex').toUpperCase()}>`;
}

function hex4(value: number): string {
  return value.toString(16).toUpperCase().padStart(4, '0');
}

/** One weight of the font in one document: the character codes it handed out, and then the font objects. */
class PdfFont {
  readonly id: number;
  private readonly codes = new Map<string, number>();
  /** By character code: the glyph and the text it stands for. Code 0 is the missing glyph. */
  private readonly glyphs: { gid: number; text: string }[] = [{ gid: 0, text: '' }];
  private readonly firstCodeOfGlyph = new Map<number, number>();

  constructor(
    readonly face: Face,
    readonly resource: string,
    writer: PdfWriter,
  ) {
    this.id = writer.allocate();
  }

  code(gid: number, text: string): number {
    const key = `${gid}\u0000${text}`;
    let code = this.codes.get(key);
    if (code === undefined) {
      if (this.glyphs.length > 0xfffe) return this.firstCodeOfGlyph.get(gid) ?? 0;
      code = this.glyphs.length;
      this.glyphs.push({ gid, text });
      this.codes.set(key, code);
      if (!this.firstCodeOfGlyph.has(gid)) this.firstCodeOfGlyph.set(gid, code);
    }
    return code;
  }

  write(writer: PdfWriter): void {
    const { font, unitsPerEm } = this.face;
    const subset = font.createSubset();
    // fontkit's typings say includeGlyph answers a boolean; it answers the glyph's id in the subset.
    const subsetGid = (gid: number) => subset.includeGlyph(font.getGlyph(gid)) as unknown as number;
    const map = Buffer.alloc(this.glyphs.length * 2);
    const widths: string[] = [];
    this.glyphs.forEach(({ gid }, code) => {
      map.writeUInt16BE(subsetGid(gid), code * 2);
      widths.push(num((advance(this.face, gid) * 1000) / unitsPerEm));
    });
    const program = subset.encode();

    const usedGids = this.glyphs.map((glyph) => glyph.gid).join(',');
    const tag = Array.from(createHash('sha1').update(`${this.face.weight}:${usedGids}`).digest())
      .slice(0, 6)
      .map((byte) => String.fromCharCode(65 + (byte % 26)))
      .join('');
    const name = `${tag}+${font.postscriptName}`;
    const scale = 1000 / unitsPerEm;
    const bbox = font.bbox;

    const [descendant, descriptor, file, cidToGid, toUnicode] = [1, 2, 3, 4, 5].map(() => writer.allocate());
    writer.stream(file, `/Length1 ${program.length}`, program);
    writer.stream(cidToGid, '', map);
    writer.stream(toUnicode, '', this.toUnicode());
    writer.object(
      descriptor,
      `<< /Type /FontDescriptor /FontName /${name} /Flags 4 /FontBBox [${[
        bbox.minX,
        bbox.minY,
        bbox.maxX,
        bbox.maxY,
      ]
        .map((v) => num(v * scale))
        .join(' ')}] /ItalicAngle ${num(font.italicAngle)} /Ascent ${num(font.ascent * scale)} /Descent ${num(
        font.descent * scale,
      )} /CapHeight ${num((font.capHeight || font.ascent) * scale)} /StemV ${this.face.weight === 'bold' ? 140 : 80} /FontFile2 ${file} 0 R >>`,
    );
    writer.object(
      descendant,
      `<< /Type /Font /Subtype /CIDFontType2 /BaseFont /${name} /CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> /FontDescriptor ${descriptor} 0 R /DW 0 /W [0 [${widths.join(
        ' ',
      )}]] /CIDToGIDMap ${cidToGid} 0 R >>`,
    );
    writer.object(
      this.id,
      `<< /Type /Font /Subtype /Type0 /BaseFont /${name} /Encoding /Identity-H /DescendantFonts [${descendant} 0 R] /ToUnicode ${toUnicode} 0 R >>`,
    );
  }

  private toUnicode(): string {
    const mappings = this.glyphs
      .map(({ text }, code) => ({ code, text }))
      .filter(({ code, text }) => code > 0 && text !== '')
      .map(
        ({ code, text }) =>
          `<${hex4(code)}> <${Buffer.from(text, 'utf16le').swap16().toString('hex').toUpperCase()}>`,
      );
    const blocks: string[] = [];
    for (let i = 0; i < mappings.length; i += 100) {
      const block = mappings.slice(i, i + 100);
      blocks.push(`${block.length} beginbfchar\n${block.join('\n')}\nendbfchar`);
    }
    return [
      '/CIDInit /ProcSet findresource begin',
      '12 dict begin',
      'begincmap',
      '/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def',
      '/CMapName /Adobe-Identity-UCS def',
      '/CMapType 2 def',
      '1 begincodespacerange',
      '<0000> <FFFF>',
      'endcodespacerange',
      ...blocks,
      'endcmap',
      'CMapName currentdict /CMap defineresource pop',
      'end',
      'end',
    ].join('\n');
  }
}

// ---------------------------------------------------------------------------------------------
// Layout

const PAGE_WIDTH = 595.28;
const PAGE_HEIGHT = 841.89;
const MARGIN_X = 50;
const TOP = 56;
const BOTTOM = 64;
const CONTENT_WIDTH = PAGE_WIDTH - 2 * MARGIN_X;
const BODY_HEIGHT = PAGE_HEIGHT - TOP - BOTTOM;
const INDENT = 10;
const LABEL_WIDTH = 118;
const LABEL_GAP = 8;
/** Khmer stacks a subscript consonant, and sometimes a vowel, below the base: lines need room. */
const LEADING = 1.6;

type Rgb = readonly [number, number, number];
const INK: Rgb = [0.11, 0.11, 0.13];
const MUTED: Rgb = [0.36, 0.37, 0.4];
const ACCENT: Rgb = [0.05, 0.33, 0.45];
const RULE: Rgb = [0.8, 0.82, 0.85];

interface TextStyle {
  weight: Weight;
  size: number;
  color: Rgb;
}

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

/** A horizontal slice of a page: drawn with its top at `top`, measured from the top of the page. */
interface Row {
  height: number;
  /** Space between blocks: dropped at the top of a page. */
  spacer?: boolean;
  paint?: (ops: string[], top: number) => void;
}

interface PageRefs {
  page: number;
  body: number;
  footer: number;
}

const wordSegmenter = new Intl.Segmenter('km', { granularity: 'word' });
const graphemeSegmenter = new Intl.Segmenter('km', { granularity: 'grapheme' });
const NO_BREAK_BEFORE = /^[\p{Pe}\p{Pf}\p{Po}\u17D4-\u17DA]/u;
const BLANK = /^\s+$/u;

class DirectoryDocument {
  private readonly writer = new PdfWriter();
  private readonly fonts: Record<Weight, PdfFont>;
  private readonly pages: PageRefs[] = [];
  private ops: string[] | undefined;
  private cursor = TOP;
  private readonly pagesId: number;
  /** The province headings, for the PDF's bookmarks: the page (index) and how far down it starts. */
  private readonly bookmarks: { title: string; page: number; top: number }[] = [];

  constructor(
    private readonly engine: Engine,
    private readonly input: DirectoryPdfInput,
  ) {
    this.fonts = {
      regular: new PdfFont(engine.faces.regular, 'F1', this.writer),
      bold: new PdfFont(engine.faces.bold, 'F2', this.writer),
    };
    this.pagesId = this.writer.allocate();
  }

  render(): Buffer {
    const { input } = this;
    this.place(this.header(), false);
    if (input.entries.length === 0) {
      this.place(this.paragraph(input.labels.empty, STYLES.empty, MARGIN_X, CONTENT_WIDTH), false);
    }
    for (const group of groupByProvince(input.entries, input.locale)) {
      const heading = this.provinceHeading(group.heading);
      // Keep the heading with its first entry.
      const first = this.entry(group.entries[0]);
      const needed = height(heading) + Math.min(height(first), BODY_HEIGHT - height(heading));
      if (!this.fits(needed)) this.newPage();
      this.place(heading, false);
      this.bookmarks.push({
        title: group.heading,
        page: this.pages.length,
        top: this.cursor - height(heading),
      });
      this.place(first, true);
      for (const entry of group.entries.slice(1)) this.place(this.entry(entry), true);
    }
    this.endPage();
    return this.finish();
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
    return this.wrap(text, style, width).map((line) => ({
      height: style.size * LEADING,
      paint: (ops, top) => this.text(ops, line, style, x, top + style.size * 1.15),
    }));
  }

  private rule(color: Rgb, width: number): Row {
    return {
      height: width,
      paint: (ops, top) => {
        const y = PAGE_HEIGHT - top - width / 2;
        ops.push(
          `${color.map(num).join(' ')} RG ${num(width)} w ${num(MARGIN_X)} ${num(y)} m ${num(MARGIN_X + CONTENT_WIDTH)} ${num(y)} l S`,
        );
      },
    };
  }

  // --- pages

  private fits(rowsHeight: number): boolean {
    return this.ops !== undefined && this.cursor + rowsHeight <= PAGE_HEIGHT - BOTTOM;
  }

  /** Places rows; a block kept together moves whole to the next page when it fits on one. */
  private place(rows: Row[], keepTogether: boolean): void {
    if (keepTogether && !this.fits(height(rows)) && height(rows) <= BODY_HEIGHT) this.newPage();
    for (const row of rows) {
      if (!this.fits(row.height)) this.newPage();
      if (row.spacer && this.cursor === TOP) continue;
      row.paint?.(this.ops as string[], this.cursor);
      this.cursor += row.height;
    }
  }

  private newPage(): void {
    this.endPage();
    this.ops = [];
    this.cursor = TOP;
  }

  private endPage(): void {
    if (!this.ops) return;
    const refs = {
      page: this.writer.allocate(),
      body: this.writer.allocate(),
      footer: this.writer.allocate(),
    };
    this.writer.stream(refs.body, '', this.ops.join('\n'));
    this.pages.push(refs);
    this.ops = undefined;
  }

  private finish(): Buffer {
    const { writer, input } = this;
    const total = this.pages.length;
    const footers = this.pages.map((_, index) => this.footer(index + 1, total).join('\n'));
    const resources = `<< /Font << /F1 ${this.fonts.regular.id} 0 R /F2 ${this.fonts.bold.id} 0 R >> >>`;
    this.pages.forEach((refs, index) => {
      writer.stream(refs.footer, '', footers[index]);
      writer.object(
        refs.page,
        `<< /Type /Page /Parent ${this.pagesId} 0 R /MediaBox [0 0 ${num(PAGE_WIDTH)} ${num(PAGE_HEIGHT)}] /Resources ${resources} /Contents [${refs.body} 0 R ${refs.footer} 0 R] >>`,
      );
    });
    this.fonts.regular.write(writer);
    this.fonts.bold.write(writer);
    writer.object(
      this.pagesId,
      `<< /Type /Pages /Kids [${this.pages.map((refs) => `${refs.page} 0 R`).join(' ')}] /Count ${total} >>`,
    );
    const outlines = this.outlines();
    const root = writer.allocate();
    writer.object(
      root,
      `<< /Type /Catalog /Pages ${this.pagesId} 0 R /Lang (${input.locale})${
        outlines ? ` /Outlines ${outlines} 0 R /PageMode /UseOutlines` : ''
      } >>`,
    );
    const info = writer.allocate();
    writer.object(
      info,
      `<< /Title ${pdfText(input.title)} /Producer (Bandanh) /CreationDate (${pdfDate(new Date())}) >>`,
    );
    return writer.finish(root, info);
  }

  /** Bookmarks to the province headings, or nothing for a directory without entries. */
  private outlines(): number | undefined {
    const { writer, bookmarks } = this;
    if (bookmarks.length === 0) return undefined;
    const root = writer.allocate();
    const ids = bookmarks.map(() => writer.allocate());
    bookmarks.forEach(({ title, page, top }, i) => {
      const links = [
        i > 0 ? `/Prev ${ids[i - 1]} 0 R` : '',
        i < ids.length - 1 ? `/Next ${ids[i + 1]} 0 R` : '',
      ].join(' ');
      writer.object(
        ids[i],
        `<< /Title ${pdfText(title)} /Parent ${root} 0 R ${links} /Dest [${this.pages[page].page} 0 R /XYZ 0 ${num(
          PAGE_HEIGHT - top + 4,
        )} 0] >>`,
      );
    });
    writer.object(
      root,
      `<< /Type /Outlines /First ${ids[0]} 0 R /Last ${ids[ids.length - 1]} 0 R /Count ${ids.length} >>`,
    );
    return root;
  }

  private footer(page: number, pages: number): string[] {
    const ops: string[] = [];
    const style = STYLES.footer;
    const baseline = PAGE_HEIGHT - 38;
    const ruleY = BOTTOM - 14;
    ops.push(
      `${RULE.map(num).join(' ')} RG 0.5 w ${num(MARGIN_X)} ${num(ruleY)} m ${num(MARGIN_X + CONTENT_WIDTH)} ${num(ruleY)} l S`,
    );
    const template = this.input.labels.page;
    const label = /\{page\}/.test(template)
      ? template.replace('{page}', this.number(page)).replace('{pages}', this.number(pages))
      : `${template} ${this.number(page)}`;
    const width = this.width(label, style);
    const title = this.fitLine(this.input.title, style, CONTENT_WIDTH - width - 24);
    if (title) this.text(ops, title, style, MARGIN_X, baseline);
    this.text(ops, label, style, MARGIN_X + CONTENT_WIDTH - width, baseline);
    return ops;
  }

  // --- text

  /**
   * Draws one line of text with its baseline `baseline` points from the top of the page. The line
   * is marked with its text as ActualText too, for readers that take the text from there.
   */
  private text(ops: string[], line: string, style: TextStyle, x: number, baseline: number): void {
    const font = this.fonts[style.weight];
    const { unitsPerEm } = font.face;
    const glyphs = shape(font.face, line);
    if (glyphs.length === 0) return;
    const scale = style.size / unitsPerEm;
    const y = PAGE_HEIGHT - baseline;
    const parts = [
      `/Span << /ActualText ${pdfText(line)} >> BDC`,
      `${style.color.map(num).join(' ')} rg`,
      `BT /${font.resource} ${num(style.size)} Tf ${num(x)} ${num(y)} Td`,
    ];
    let items: string[] = [];
    let hex = '';
    let pen = 0;
    let expected = 0;
    let rise = 0;
    const flushHex = () => {
      if (hex) items.push(`<${hex}>`);
      hex = '';
    };
    const flushShow = () => {
      flushHex();
      if (items.length) parts.push(`[${items.join('')}] TJ`);
      items = [];
    };
    for (const glyph of glyphs) {
      const at = pen + glyph.dx;
      pen += glyph.ax;
      if (glyph.dy !== rise) {
        flushShow();
        rise = glyph.dy;
        parts.push(`${num(rise * scale)} Ts`);
      }
      const shift = at - expected;
      if (Math.abs(shift) > 0.01) {
        flushHex();
        items.push(` ${num((-shift * 1000) / unitsPerEm)} `);
      }
      hex += hex4(font.code(glyph.gid, glyph.text));
      expected = at + advance(font.face, glyph.gid);
    }
    flushShow();
    if (rise !== 0) parts.push('0 Ts');
    parts.push('ET', 'EMC');
    ops.push(parts.join(' '));
  }

  private width(text: string, style: TextStyle): number {
    const face = this.engine.faces[style.weight];
    return (shape(face, text).reduce((sum, glyph) => sum + glyph.ax, 0) * style.size) / face.unitsPerEm;
  }

  /** Breaks text into lines that fit `maxWidth`: between words (found by ICU's Khmer dictionary too). */
  private wrap(text: string, style: TextStyle, maxWidth: number): string[] {
    const face = this.engine.faces[style.weight];
    const scale = style.size / face.unitsPerEm;
    const lines: string[] = [];
    for (const paragraph of text.split(/\r?\n/)) {
      let line = '';
      let lineWidth = 0;
      const breakLine = () => {
        if (line.trim()) lines.push(line.trimEnd());
        line = '';
        lineWidth = 0;
      };
      for (const { segment } of wordSegmenter.segment(paragraph.replace(/\s+/gu, ' '))) {
        const segmentWidth = wordWidth(face, segment) * scale;
        const blank = BLANK.test(segment);
        if (line && lineWidth + segmentWidth > maxWidth && !blank && !NO_BREAK_BEFORE.test(segment))
          breakLine();
        if (!line && blank) continue;
        if (segmentWidth > maxWidth) {
          // A word longer than the line: break between letters, never after a COENG.
          for (const piece of letters(segment)) {
            const pieceWidth = wordWidth(face, piece) * scale;
            if (line && lineWidth + pieceWidth > maxWidth) breakLine();
            line += piece;
            lineWidth += pieceWidth;
          }
          continue;
        }
        line += segment;
        lineWidth += segmentWidth;
      }
      breakLine();
    }
    return lines;
  }

  /** The first line of text, cut to fit. */
  private fitLine(text: string, style: TextStyle, maxWidth: number): string {
    return this.wrap(text, style, maxWidth)[0] ?? '';
  }

  private number(value: number): string {
    return new Intl.NumberFormat(this.input.locale === 'km' ? 'km-KH' : 'en-GB').format(value);
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
    }).format(date);
  }
}

function height(rows: Row[]): number {
  return rows.reduce((sum, row) => sum + row.height, 0);
}

/** Grapheme clusters, with a COENG kept with the consonant after it. */
function letters(word: string): string[] {
  const pieces: string[] = [];
  for (const { segment } of graphemeSegmenter.segment(word)) {
    const last = pieces.length - 1;
    if (last >= 0 && pieces[last].endsWith('\u17D2')) pieces[last] += segment;
    else pieces.push(segment);
  }
  return pieces;
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

function pdfDate(date: Date): string {
  const iso = date.toISOString();
  return `D:${iso.slice(0, 4)}${iso.slice(5, 7)}${iso.slice(8, 10)}${iso.slice(11, 13)}${iso.slice(14, 16)}${iso.slice(17, 19)}Z`;
}
