/**
 * The PDF file itself: a small object writer (objects, deflated streams, the cross-reference
 * table) and one font of a document, with its character codes, subset program and ToUnicode map.
 */
import { createHash } from 'node:crypto';
import { deflateSync } from 'node:zlib';
import { advance, type Face } from './fonts';

export class PdfWriter {
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
export function num(value: number): string {
  const rounded = Math.round(value * 1000) / 1000;
  return Object.is(rounded, -0) ? '0' : String(rounded);
}

/** A text string for the document information: UTF-16BE with a byte order mark, in hex. */
export function pdfText(text: string): string {
  const units = Buffer.from(text, 'utf16le').swap16();
  return `<FEFF${units.toString('hex').toUpperCase()}>`;
}

export function hex4(value: number): string {
  return value.toString(16).toUpperCase().padStart(4, '0');
}

/** One weight of the font in one document: the character codes it handed out, and then the font objects. */
export class PdfFont {
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

/** A date as the document information writes it, in UTC. */
export function pdfDate(date: Date): string {
  const iso = date.toISOString();
  return `D:${iso.slice(0, 4)}${iso.slice(5, 7)}${iso.slice(8, 10)}${iso.slice(11, 13)}${iso.slice(14, 16)}${iso.slice(17, 19)}Z`;
}
