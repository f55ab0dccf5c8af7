/**
 * The layout primitives shared by the web's PDFs (the directory, certificates, sign-in sheets):
 * a document of pages in the embedded Noto Sans Khmer, lines of shaped text that read back as
 * text, line breaking between words (ICU's Khmer dictionary finds them), rules, rectangles, and
 * a flow of rows that breaks pages. Coordinates are in points, measured from the top left of the
 * page, as a layout thinks of them; the PDF's own coordinates (from the bottom) stay in here.
 *
 * Every visible string comes in from the caller; this module holds none.
 */
import { advance, loadEngine, shape, wordWidth, type Engine, type Weight } from './fonts';
import { hex4, num, PdfFont, pdfDate, pdfText, PdfWriter } from './writer';

export type { Weight } from './fonts';
export { num } from './writer';

export type Rgb = readonly [number, number, number];

export interface TextStyle {
  weight: Weight;
  size: number;
  color: Rgb;
}

export interface PageSize {
  width: number;
  height: number;
}

export const A4_PORTRAIT: PageSize = { width: 595.28, height: 841.89 };
export const A4_LANDSCAPE: PageSize = { width: 841.89, height: 595.28 };

/** Khmer stacks a subscript consonant, and sometimes a vowel, below the base: lines need room. */
export const LEADING = 1.6;

/** A bookmark of the PDF's outline: the page (index) and how far down it points. */
export interface Bookmark {
  title: string;
  page: number;
  top: number;
}

export interface FinishOptions {
  /** The document information's title. */
  title: string;
  /** The document's language, e.g. 'km'. */
  lang: string;
  /** Drawn on each page once the number of pages is known (a footer with "page 2 of 5"). */
  footer?: (ops: string[], page: number, pages: number) => void;
  bookmarks?: Bookmark[];
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

/** One PDF being written: its fonts (regular as F1, bold as F2), its pages, then the file. */
export class PdfDocument {
  private readonly writer = new PdfWriter();
  private readonly fonts: Record<Weight, PdfFont>;
  private readonly pages: PageRefs[] = [];
  private readonly pagesId: number;
  private ops: string[] | undefined;

  private constructor(
    private readonly engine: Engine,
    readonly size: PageSize,
  ) {
    this.fonts = {
      regular: new PdfFont(engine.faces.regular, 'F1', this.writer),
      bold: new PdfFont(engine.faces.bold, 'F2', this.writer),
    };
    this.pagesId = this.writer.allocate();
  }

  /** A new document; the fonts are loaded once per process. */
  static async create(size: PageSize): Promise<PdfDocument> {
    return new PdfDocument(await loadEngine(), size);
  }

  // --- pages

  /** Whether a page is open to draw on. */
  get hasPage(): boolean {
    return this.ops !== undefined;
  }

  /** The drawing operations of the open page (opens the first page if none is). */
  get page(): string[] {
    this.ops ??= [];
    return this.ops;
  }

  /** The index of the open page (or of the next one, when none is open). */
  get pageIndex(): number {
    return this.pages.length;
  }

  /** Ends the open page, if any, and opens a new one. */
  newPage(): void {
    this.endPage();
    this.ops = [];
  }

  endPage(): void {
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

  /** Ends the open page and writes the file. */
  finish(options: FinishOptions): Buffer {
    this.endPage();
    const { writer, size } = this;
    const total = this.pages.length;
    const footers = this.pages.map((_, index) => {
      const ops: string[] = [];
      options.footer?.(ops, index + 1, total);
      return ops.join('\n');
    });
    const resources = `<< /Font << /F1 ${this.fonts.regular.id} 0 R /F2 ${this.fonts.bold.id} 0 R >> >>`;
    this.pages.forEach((refs, index) => {
      writer.stream(refs.footer, '', footers[index]);
      writer.object(
        refs.page,
        `<< /Type /Page /Parent ${this.pagesId} 0 R /MediaBox [0 0 ${num(size.width)} ${num(size.height)}] /Resources ${resources} /Contents [${refs.body} 0 R ${refs.footer} 0 R] >>`,
      );
    });
    this.fonts.regular.write(writer);
    this.fonts.bold.write(writer);
    writer.object(
      this.pagesId,
      `<< /Type /Pages /Kids [${this.pages.map((refs) => `${refs.page} 0 R`).join(' ')}] /Count ${total} >>`,
    );
    const outlines = this.outlines(options.bookmarks ?? []);
    const root = writer.allocate();
    writer.object(
      root,
      `<< /Type /Catalog /Pages ${this.pagesId} 0 R /Lang (${options.lang})${
        outlines ? ` /Outlines ${outlines} 0 R /PageMode /UseOutlines` : ''
      } >>`,
    );
    const info = writer.allocate();
    writer.object(
      info,
      `<< /Title ${pdfText(options.title)} /Producer (Bandanh) /CreationDate (${pdfDate(new Date())}) >>`,
    );
    return writer.finish(root, info);
  }

  /** Bookmarks to places in the document, or nothing when there are none. */
  private outlines(bookmarks: Bookmark[]): number | undefined {
    const { writer } = this;
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
          this.size.height - top + 4,
        )} 0] >>`,
      );
    });
    writer.object(
      root,
      `<< /Type /Outlines /First ${ids[0]} 0 R /Last ${ids[ids.length - 1]} 0 R /Count ${ids.length} >>`,
    );
    return root;
  }

  // --- lines and shapes

  /** A straight line from (x1, top1) to (x2, top2). */
  line(ops: string[], x1: number, top1: number, x2: number, top2: number, color: Rgb, width: number): void {
    const { height } = this.size;
    ops.push(
      `${color.map(num).join(' ')} RG ${num(width)} w ${num(x1)} ${num(height - top1)} m ${num(x2)} ${num(height - top2)} l S`,
    );
  }

  /** A horizontal rule `width` thick whose top is at `top`. */
  rule(ops: string[], x: number, top: number, length: number, color: Rgb, width: number): void {
    const y = top + width / 2;
    this.line(ops, x, y, x + length, y, color, width);
  }

  /** A rectangle, filled, outlined, or both. */
  rect(
    ops: string[],
    x: number,
    top: number,
    width: number,
    height: number,
    paint: { fill?: Rgb; stroke?: Rgb; lineWidth?: number },
  ): void {
    const box = `${num(x)} ${num(this.size.height - top - height)} ${num(width)} ${num(height)} re`;
    const parts: string[] = [];
    if (paint.fill) parts.push(`${paint.fill.map(num).join(' ')} rg`);
    if (paint.stroke) parts.push(`${paint.stroke.map(num).join(' ')} RG ${num(paint.lineWidth ?? 1)} w`);
    const operator = paint.fill && paint.stroke ? 'B' : paint.fill ? 'f' : 'S';
    ops.push(`${parts.join(' ')} ${box} ${operator}`);
  }

  /**
   * Many rectangles filled in one colour as one path (a QR code's modules), in a group of their
   * own: `q <colour> rg <x y w h re>… f Q`.
   */
  fillRects(
    ops: string[],
    rects: { x: number; top: number; width: number; height: number }[],
    color: Rgb,
  ): void {
    if (rects.length === 0) return;
    const boxes = rects.map(
      ({ x, top, width, height }) =>
        `${num(x)} ${num(this.size.height - top - height)} ${num(width)} ${num(height)} re`,
    );
    ops.push(`q ${color.map(num).join(' ')} rg\n${boxes.join('\n')}\nf Q`);
  }

  // --- text

  /**
   * Draws one line of text with its baseline `baseline` points from the top of the page. The line
   * is marked with its text as ActualText too, for readers that take the text from there.
   */
  text(ops: string[], line: string, style: TextStyle, x: number, baseline: number): void {
    const font = this.fonts[style.weight];
    const { unitsPerEm } = font.face;
    const glyphs = shape(font.face, line);
    if (glyphs.length === 0) return;
    const scale = style.size / unitsPerEm;
    const y = this.size.height - baseline;
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

  /** One line centred on `centre`. */
  centredText(ops: string[], line: string, style: TextStyle, centre: number, baseline: number): void {
    this.text(ops, line, style, centre - this.width(line, style) / 2, baseline);
  }

  /** One line ending at `right`. */
  rightText(ops: string[], line: string, style: TextStyle, right: number, baseline: number): void {
    this.text(ops, line, style, right - this.width(line, style), baseline);
  }

  /** The width of a line of text, in points. */
  width(text: string, style: TextStyle): number {
    const face = this.engine.faces[style.weight];
    return (shape(face, text).reduce((sum, glyph) => sum + glyph.ax, 0) * style.size) / face.unitsPerEm;
  }

  /** Breaks text into lines that fit `maxWidth`: between words (found by ICU's Khmer dictionary too). */
  wrap(text: string, style: TextStyle, maxWidth: number): string[] {
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
  fitLine(text: string, style: TextStyle, maxWidth: number): string {
    return this.wrap(text, style, maxWidth)[0] ?? '';
  }

  /** Wrapped lines as rows of a flow, each `style.size * LEADING` high. */
  paragraph(text: string, style: TextStyle, x: number, width: number): Row[] {
    return this.wrap(text, style, width).map((line) => ({
      height: style.size * LEADING,
      paint: (ops, top) => this.text(ops, line, style, x, top + style.size * 1.15),
    }));
  }
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

// ---------------------------------------------------------------------------------------------
// A flow of rows down the pages

/** A horizontal slice of a page: drawn with its top at `top`, measured from the top of the page. */
export interface Row {
  height: number;
  /** Space between blocks: dropped at the top of a page. */
  spacer?: boolean;
  paint?: (ops: string[], top: number) => void;
}

export function height(rows: Row[]): number {
  return rows.reduce((sum, row) => sum + row.height, 0);
}

export interface FlowOptions {
  /** Where the rows start on each page, from its top. */
  top: number;
  /** The room kept free at the bottom of each page. */
  bottom: number;
  /** Rows placed at the top of every new page, before any other (a table's header, repeated). */
  pageHeader?: () => Row[];
}

/** Places rows down the pages of a document, opening a new page when the next row does not fit. */
export class RowFlow {
  private cursor: number;

  constructor(
    private readonly doc: PdfDocument,
    private readonly options: FlowOptions,
  ) {
    this.cursor = options.top;
  }

  /** How far down the open page the next row goes. */
  get top(): number {
    return this.cursor;
  }

  /** The height rows can take on one page. */
  get bodyHeight(): number {
    return this.doc.size.height - this.options.top - this.options.bottom;
  }

  fits(rowsHeight: number): boolean {
    return this.doc.hasPage && this.cursor + rowsHeight <= this.doc.size.height - this.options.bottom;
  }

  /** Places rows; a block kept together moves whole to the next page when it fits on one. */
  place(rows: Row[], keepTogether: boolean): void {
    if (keepTogether && !this.fits(height(rows)) && height(rows) <= this.bodyHeight) this.newPage();
    for (const row of rows) {
      if (!this.fits(row.height)) this.newPage();
      if (row.spacer && this.cursor === this.options.top) continue;
      row.paint?.(this.doc.page, this.cursor);
      this.cursor += row.height;
    }
  }

  newPage(): void {
    this.doc.newPage();
    this.cursor = this.options.top;
    const header = this.options.pageHeader?.();
    if (header) {
      for (const row of header) {
        row.paint?.(this.doc.page, this.cursor);
        this.cursor += row.height;
      }
    }
  }
}
