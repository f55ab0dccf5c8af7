import { inflateSync } from 'node:zlib';
import jsQR from 'jsqr';

/** Every content stream of a PDF of ours (see src/lib/pdf/writer.ts), inflated. */
function contentStreams(pdf: Buffer): string[] {
  const raw = pdf.toString('latin1');
  const streams: string[] = [];
  for (const match of raw.matchAll(/<< +\/Length (\d+) \/Filter \/FlateDecode >>\nstream\n/g)) {
    const start = (match.index ?? 0) + match[0].length;
    streams.push(inflateSync(pdf.subarray(start, start + Number(match[1]))).toString('latin1'));
  }
  return streams;
}

/**
 * What the QR code of a certificate PDF reads as: its one group of filled rectangles (how
 * src/lib/pdf/certificate.ts draws it) painted onto a white bitmap with a quiet zone, at four
 * pixels a point, and decoded. Null when there is no such group or it does not decode.
 */
export function qrTextOf(pdf: Buffer): string | null {
  const groups = contentStreams(pdf).flatMap((stream) => [
    ...stream.matchAll(/q [\d. ]+ rg\n([\s\S]*?)\nf Q/g),
  ]);
  if (groups.length !== 1) return null;
  const rects = groups[0][1].split('\n').map((line) => {
    const [x, y, w, h] = line.split(' ').slice(0, 4).map(Number);
    return { x, y, w, h };
  });
  const minX = Math.min(...rects.map((r) => r.x));
  const minY = Math.min(...rects.map((r) => r.y));
  const maxX = Math.max(...rects.map((r) => r.x + r.w));
  const maxY = Math.max(...rects.map((r) => r.y + r.h));
  const scale = 4;
  const quiet = 16 * scale;
  const width = Math.ceil((maxX - minX) * scale) + 2 * quiet;
  const height = Math.ceil((maxY - minY) * scale) + 2 * quiet;
  const data = new Uint8ClampedArray(width * height * 4).fill(255);
  for (const { x, y, w, h } of rects) {
    // PDF's y grows upwards, the bitmap's downwards.
    const left = Math.round((x - minX) * scale) + quiet;
    const right = Math.round((x + w - minX) * scale) + quiet;
    const top = Math.round((maxY - (y + h)) * scale) + quiet;
    const bottom = Math.round((maxY - y) * scale) + quiet;
    for (let py = top; py < bottom; py++) {
      for (let px = left; px < right; px++) {
        const at = (py * width + px) * 4;
        data[at] = data[at + 1] = data[at + 2] = 0;
      }
    }
  }
  return jsQR(data, width, height)?.data ?? null;
}
