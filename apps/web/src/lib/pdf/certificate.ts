/**
 * A training certificate: one A4 landscape page, in Khmer and English both, with the verification
 * code and a QR code of the public page that checks it. The QR code's modules are drawn as filled
 * rectangles (vector, sharp at any size; no image).
 *
 * Every visible string comes in through `input` (the message catalogs and the data, each already
 * worded in its language); this file holds none.
 */
import QRCode from 'qrcode';
import { A4_LANDSCAPE, LEADING, PdfDocument, type Rgb, type TextStyle } from './document';

/** The certificate's words in one language. */
export interface CertificateWords {
  /** e.g. "Certificate of Training". */
  title: string;
  /** e.g. "This certifies that". */
  certifies: string;
  memberName: string;
  /** e.g. "a member of". */
  memberOf: string;
  cboName: string;
  /** e.g. "has completed the training module". */
  completed: string;
  moduleTitle: string;
  /** The session date(s), already worded, e.g. "held on 4 and 5 December 2026". */
  dates: string;
  /** e.g. "Trainer". */
  trainerLabel: string;
  trainerName: string;
  /** The issuing organisation line. */
  issuer: string;
  /** e.g. "Verification code". */
  codeLabel: string;
  /** e.g. "Scan the code, or enter it on our website, to check this certificate." */
  verifyHint: string;
}

export interface CertificateInput {
  /** The language shown first (and the document's language); the other comes below it. */
  locale: 'km' | 'en';
  km: CertificateWords;
  en: CertificateWords;
  /** The verification code, e.g. 'CRT-7M2KQ9XD4T' (see ./verification-code). */
  code: string;
  /** What the QR code encodes: the public verification page (see certificateUrl). */
  verificationUrl: string;
}

/** The QR code of a text as rows of dark (true) and light modules, without the quiet zone. */
export function qrMatrix(text: string): boolean[][] {
  const { modules } = QRCode.create(text, { errorCorrectionLevel: 'M' });
  return Array.from({ length: modules.size }, (_, row) =>
    Array.from({ length: modules.size }, (_, column) => Boolean(modules.get(row, column))),
  );
}

/** Renders the certificate as a one-page A4 landscape PDF. */
export async function renderCertificatePdf(input: CertificateInput): Promise<Buffer> {
  const doc = await PdfDocument.create(A4_LANDSCAPE);
  drawCertificate(doc, input);
  return doc.finish({ title: `${words(input).first.title} · ${input.code}`, lang: input.locale });
}

// ---------------------------------------------------------------------------------------------
// Layout

const INK: Rgb = [0.11, 0.11, 0.13];
const MUTED: Rgb = [0.36, 0.37, 0.4];
const ACCENT: Rgb = [0.05, 0.33, 0.45];
const FRAME: Rgb = [0.72, 0.6, 0.32];
const DARK: Rgb = [0, 0, 0];

const STYLES = {
  title: { weight: 'bold', size: 26, color: ACCENT },
  titleOther: { weight: 'regular', size: 15, color: ACCENT },
  joiner: { weight: 'regular', size: 10.5, color: MUTED },
  name: { weight: 'bold', size: 24, color: INK },
  nameOther: { weight: 'regular', size: 13, color: MUTED },
  cbo: { weight: 'bold', size: 15, color: INK },
  cboOther: { weight: 'regular', size: 11, color: MUTED },
  module: { weight: 'bold', size: 17, color: ACCENT },
  moduleOther: { weight: 'regular', size: 12, color: MUTED },
  dates: { weight: 'regular', size: 10.5, color: INK },
  person: { weight: 'bold', size: 11, color: INK },
  personOther: { weight: 'regular', size: 9, color: MUTED },
  label: { weight: 'regular', size: 8, color: MUTED },
  code: { weight: 'bold', size: 10, color: INK },
  hint: { weight: 'regular', size: 7, color: MUTED },
} satisfies Record<string, TextStyle>;

const FRAME_INSET = 24;
const CONTENT_TOP = 62;
const CONTENT_WIDTH = 620;
const QR_SIZE = 92;
const MARGIN = 64;
const BOTTOM_TOP = 398;

function words(input: CertificateInput): { first: CertificateWords; second: CertificateWords } {
  return input.locale === 'km'
    ? { first: input.km, second: input.en }
    : { first: input.en, second: input.km };
}

function drawCertificate(doc: PdfDocument, input: CertificateInput): void {
  const ops = doc.page;
  const { width: pageWidth, height: pageHeight } = doc.size;
  const centre = pageWidth / 2;
  const { first, second } = words(input);

  // The frame: a strong border and a fine one inside it.
  doc.rect(ops, FRAME_INSET, FRAME_INSET, pageWidth - 2 * FRAME_INSET, pageHeight - 2 * FRAME_INSET, {
    stroke: FRAME,
    lineWidth: 2.4,
  });
  doc.rect(
    ops,
    FRAME_INSET + 7,
    FRAME_INSET + 7,
    pageWidth - 2 * (FRAME_INSET + 7),
    pageHeight - 2 * (FRAME_INSET + 7),
    { stroke: FRAME, lineWidth: 0.6 },
  );

  let top = CONTENT_TOP;
  /** Centred lines, wrapped to the content's width; at most `maxLines` of them. */
  const centred = (text: string, style: TextStyle, maxLines = 2) => {
    for (const line of doc.wrap(text, style, CONTENT_WIDTH).slice(0, maxLines)) {
      doc.centredText(ops, line, style, centre, top + style.size * 1.15);
      top += style.size * LEADING;
    }
  };
  /** The first language's text, then the second's when it says something else. */
  const pair = (a: string, b: string, style: TextStyle, otherStyle: TextStyle) => {
    centred(a, style);
    if (b.trim() && b.trim() !== a.trim()) centred(b, otherStyle);
  };
  const joiner = (a: string, b: string) => centred(a && b ? `${a} · ${b}` : a || b, STYLES.joiner);

  pair(first.title, second.title, STYLES.title, STYLES.titleOther);
  top += 12;
  joiner(first.certifies, second.certifies);
  top += 2;
  pair(first.memberName, second.memberName, STYLES.name, STYLES.nameOther);
  top += 2;
  joiner(first.memberOf, second.memberOf);
  pair(first.cboName, second.cboName, STYLES.cbo, STYLES.cboOther);
  top += 4;
  joiner(first.completed, second.completed);
  pair(first.moduleTitle, second.moduleTitle, STYLES.module, STYLES.moduleOther);
  top += 2;
  centred(first.dates, STYLES.dates, 1);
  if (second.dates.trim()) centred(second.dates, { ...STYLES.dates, color: MUTED, size: 9.5 }, 1);

  // The trainer, on the left: a line to sign on, the name under it.
  const personWidth = 220;
  const lineTop = BOTTOM_TOP + 44;
  doc.line(ops, MARGIN, lineTop, MARGIN + personWidth, lineTop, MUTED, 0.6);
  let personTop = lineTop + 4;
  const personLine = (text: string, style: TextStyle) => {
    const line = doc.fitLine(text, style, personWidth);
    if (line) doc.text(ops, line, style, MARGIN, personTop + style.size * 1.15);
    personTop += style.size * LEADING;
  };
  personLine(first.trainerName, STYLES.person);
  if (second.trainerName.trim() && second.trainerName.trim() !== first.trainerName.trim())
    personLine(second.trainerName, STYLES.personOther);
  personLine(`${first.trainerLabel} · ${second.trainerLabel}`, STYLES.label);

  // The issuing organisation, in the middle at the foot.
  const issuerWidth = 300;
  let issuerTop = lineTop + 4;
  for (const [text, style] of [
    [first.issuer, STYLES.person],
    [second.issuer, STYLES.personOther],
  ] as const) {
    for (const line of doc.wrap(text, style, issuerWidth).slice(0, 2)) {
      doc.centredText(ops, line, style, centre, issuerTop + style.size * 1.15);
      issuerTop += style.size * LEADING;
    }
  }

  // The QR code on the right, the code and how to check it under it.
  const qrRight = pageWidth - MARGIN;
  const qrLeft = qrRight - QR_SIZE;
  const qrTop = BOTTOM_TOP - 14;
  drawQr(doc, ops, qrMatrix(input.verificationUrl), qrLeft, qrTop, QR_SIZE);
  const qrCentre = qrLeft + QR_SIZE / 2;
  const hintWidth = 170;
  let codeTop = qrTop + QR_SIZE + 13;
  doc.centredText(
    ops,
    `${first.codeLabel} · ${second.codeLabel}`,
    STYLES.label,
    qrCentre,
    codeTop + 8 * 1.15,
  );
  codeTop += 8 * LEADING;
  doc.centredText(ops, input.code, STYLES.code, qrCentre, codeTop + 10 * 1.15);
  codeTop += 10 * LEADING;
  for (const line of doc.wrap(first.verifyHint, STYLES.hint, hintWidth).slice(0, 2)) {
    doc.rightText(ops, line, STYLES.hint, qrRight + 6, codeTop + 7 * 1.15);
    codeTop += 7 * LEADING;
  }
}

/** The dark modules as filled rectangles, one per run of dark modules in a row. */
function drawQr(
  doc: PdfDocument,
  ops: string[],
  matrix: boolean[][],
  x: number,
  top: number,
  size: number,
): void {
  const module = size / matrix.length;
  const rects: { x: number; top: number; width: number; height: number }[] = [];
  matrix.forEach((row, r) => {
    for (let c = 0; c < row.length;) {
      if (!row[c]) {
        c++;
        continue;
      }
      const start = c;
      while (c < row.length && row[c]) c++;
      rects.push({
        x: x + start * module,
        top: top + r * module,
        width: (c - start) * module,
        height: module,
      });
    }
  });
  doc.fillRects(ops, rects, DARK);
}
