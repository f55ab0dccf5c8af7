import type { AttachmentType } from '@bandanh/contracts';

/** How many leading bytes `sniffContentType` needs to tell every type it knows. */
export const SNIFF_BYTES = 12;

const startsWith = (bytes: Uint8Array, signature: readonly number[], at = 0) =>
  bytes.length >= at + signature.length && signature.every((byte, index) => bytes[at + index] === byte);

const ascii = (text: string) => [...text].map((char) => char.charCodeAt(0));

/**
 * The type of a file told by its first bytes (its magic number), never by its name: a JPEG
 * (FF D8 FF), a PNG (89 50 4E 47 0D 0A 1A 0A), a WebP (`RIFF`, four bytes of size, `WEBP`) or a
 * PDF (`%PDF-`). Anything else is null, and is refused.
 */
export function sniffContentType(bytes: Uint8Array): AttachmentType | null {
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'image/jpeg';
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png';
  if (startsWith(bytes, ascii('RIFF')) && startsWith(bytes, ascii('WEBP'), 8)) return 'image/webp';
  if (startsWith(bytes, ascii('%PDF-'))) return 'application/pdf';
  return null;
}
