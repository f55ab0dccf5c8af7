/**
 * Fonts and shaping for the web's PDFs: Noto Sans Khmer (regular and bold) loaded once per
 * process, text shaped by HarfBuzz (harfbuzzjs), and each shaped glyph given the slice of text it
 * stands for, so that the PDF reads back in logical order (see ../directory-pdf.ts and
 * docs/decisions/0003-pdf-engine.md for why).
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import * as fontkit from 'fontkit';
// harfbuzzjs 0.5 ships no type declarations. Its module is a promise of the API: imported
// statically, as a dynamic import() of a module that is a promise is awaited wrongly by bundlers.
// @ts-expect-error -- see above; the part used here is typed by HarfBuzz below.
import harfbuzz from 'harfbuzzjs';

/** The font package: Noto Sans Khmer as TrueType (OFL-1.1), which also covers Latin script. */
const FONT_PACKAGE = '@expo-google-fonts/noto-sans-khmer';
const FONT_FILES = {
  regular: '400Regular/NotoSansKhmer_400Regular.ttf',
  bold: '700Bold/NotoSansKhmer_700Bold.ttf',
} as const;
export type Weight = keyof typeof FONT_FILES;

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

export interface Face {
  weight: Weight;
  hb: HarfBuzz;
  hbFont: object;
  font: fontkit.Font;
  unitsPerEm: number;
  advances: Map<number, number>;
}

export interface Engine {
  faces: Record<Weight, Face>;
}

let engine: Promise<Engine> | undefined;

export function loadEngine(): Promise<Engine> {
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

export function advance(face: Face, gid: number): number {
  let width = face.advances.get(gid);
  if (width === undefined) {
    width = face.font.getGlyph(gid).advanceWidth;
    face.advances.set(gid, width);
  }
  return width;
}

/** One glyph to draw, in font units, with the slice of text its character code stands for. */
export interface ShapedGlyph {
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

export function shape(face: Face, text: string): ShapedGlyph[] {
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

export function wordWidth(face: Face, word: string): number {
  const key = `${face.weight}\u0000${word}`;
  let width = wordWidths.get(key);
  if (width === undefined) {
    width = shape(face, word).reduce((sum, glyph) => sum + glyph.ax, 0);
    if (wordWidths.size > 50_000) wordWidths.clear();
    wordWidths.set(key, width);
  }
  return width;
}
