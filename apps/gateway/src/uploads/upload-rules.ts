import { z } from 'zod';
import {
  AttachmentKind,
  toFieldIssues,
  type ErrorBody,
  type ErrorCode,
  type GrantApplication,
} from '@bandanh/contracts';
import { EDITABLE_APPLICATION_STAGES } from '@bandanh/contracts/constants';
import { DomainError, httpStatusFor } from '@bandanh/platform';

/*
 * The rules of an attachment's upload, without tus or HTTP in them: what its metadata must say,
 * what the application must allow, where the Location points, and the one error shape.
 */

/** What the client declares in Upload-Metadata (tus: comma-separated `key base64value` pairs). */
export const UploadMetadata = z.object({
  applicationId: z.uuid({ error: 'Name the application (applicationId, a UUID)' }),
  kind: AttachmentKind,
  filename: z
    .string({ error: 'Give the file name (filename)' })
    .trim()
    .min(1, 'Give the file name (filename)')
    .max(200, 'The file name must be at most 200 characters'),
});
export type UploadMetadata = z.infer<typeof UploadMetadata>;

/** Metadata keys the gateway writes itself; never taken from the client. */
export const OWNER_KEY = 'bandanhOwner';

/** The declared metadata, checked; a wrong field is VALIDATION_FAILED naming it (`in: header`). */
export function parseUploadMetadata(metadata: Record<string, string | null> | undefined): UploadMetadata {
  const result = UploadMetadata.safeParse({
    applicationId: metadata?.applicationId ?? undefined,
    kind: metadata?.kind ?? undefined,
    filename: metadata?.filename ?? undefined,
  });
  if (result.success) return result.data;
  throw DomainError.invalid(
    toFieldIssues(result.error).map((issue) => ({
      ...issue,
      in: 'header' as const,
      path: `upload-metadata.${issue.path}`,
    })),
    'The upload metadata is not valid',
  );
}

const MiB = 1024 * 1024;
const sizeText = (bytes: number) =>
  bytes >= MiB ? `${Number((bytes / MiB).toFixed(1))} MiB` : `${Math.ceil(bytes / 1024)} KiB`;

/** The declared length within the per-file limit (413 otherwise, said in the one error shape). */
export function checkUploadLength(size: number | undefined, limit: number): void {
  if (size === undefined) {
    throw DomainError.invalid(
      [
        {
          in: 'header',
          path: 'upload-length',
          code: 'required',
          message: 'Give the file size (Upload-Length)',
        },
      ],
      'The upload must say its size',
    );
  }
  if (size > limit) throw tooLarge(limit);
}

export function tooLarge(limit: number): DomainError {
  return new DomainError('VALIDATION_FAILED', `A file may be at most ${sizeText(limit)}`, {
    reason: 'file_too_large',
    limit,
    issues: [
      {
        in: 'header',
        path: 'upload-length',
        code: 'too_big',
        message: `A file may be at most ${sizeText(limit)}`,
      },
    ],
  });
}

/**
 * Whether the application takes this file: editable (a draft, or returned for changes), of the
 * member's own CBO, and with room left under the application's limit.
 */
export function checkApplicationTakes(
  application: GrantApplication,
  cboId: string | null,
  size: number,
  applicationLimit: number,
): void {
  if (cboId === null || application.cboId !== cboId) {
    throw new DomainError('NOT_FOUND', 'No such application', { resource: 'application' });
  }
  if (!(EDITABLE_APPLICATION_STAGES as readonly string[]).includes(application.stage)) {
    throw new DomainError('CONFLICT', 'The application is submitted: it can no longer be changed', {
      reason: 'not_editable',
    });
  }
  const used = application.attachments.reduce((sum, attachment) => sum + attachment.size, 0);
  if (used + size > applicationLimit) {
    throw new DomainError(
      'CONFLICT',
      `An application's files may be at most ${sizeText(applicationLimit)} together`,
      { reason: 'attachments_too_large', limit: applicationLimit, used },
    );
  }
}

/**
 * Where the client continues an upload (the tus Location): relative, under the prefix the
 * request came through — a proxy's `X-Forwarded-Prefix` when it names a plain path (the web
 * at `/uploads`), else the configured public path.
 */
export function uploadLocation(forwardedPrefix: string | null, publicPath: string, id: string): string {
  const prefix = forwardedPrefix?.trim().replace(/\/+$/, '');
  const base = prefix && /^(\/[\w-]+)+$/.test(prefix) ? prefix : publicPath;
  return `${base}/${encodeURIComponent(id)}`;
}

/** A file whose content is none of the types an attachment may be (415). */
export function unsupportedType(): DomainError {
  const message = 'The file must be a JPEG, PNG or WebP picture or a PDF';
  return new DomainError('VALIDATION_FAILED', message, {
    reason: 'unsupported_type',
    issues: [{ path: 'file', code: 'unsupported_type', message }],
  });
}

/**
 * How the browser is told to save an attachment: as a download (never shown in the page), under
 * its name — an ASCII fallback, and the real name (Khmer too) encoded per RFC 5987.
 */
export function contentDisposition(fileName: string): string {
  const fallback =
    fileName
      .replace(/[^\x20-\x7e]/g, '_')
      .replace(/["\\]/g, '_')
      .trim() || 'file';
  const encoded = encodeURIComponent(fileName).replace(
    /['()*]/g,
    (char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}

/**
 * The status of a refusal: its code's, except a file over the limit (413 Payload Too Large) and
 * a file of a type not taken (415 Unsupported Media Type).
 */
export function uploadStatusFor(error: DomainError): number {
  const issues = error.details?.issues ?? [];
  if (issues.some((issue) => issue.code === 'too_big' && issue.path === 'upload-length')) return 413;
  if (issues.some((issue) => issue.code === 'unsupported_type' && issue.path === 'file')) return 415;
  return httpStatusFor(error.code);
}

function codeForStatus(status: number): ErrorCode {
  if (status === 400 || status === 413 || status === 415) return 'VALIDATION_FAILED';
  if (status === 401) return 'UNAUTHENTICATED';
  if (status === 403) return 'FORBIDDEN';
  if (status === 404 || status === 410) return 'NOT_FOUND';
  if (status === 409 || status === 412 || status === 423 || status === 460) return 'CONFLICT';
  if (status === 503) return 'UNAVAILABLE';
  return 'INTERNAL';
}

/**
 * An error answer of the upload server in the one error shape: ours already are; tus's own
 * (plain text: `Upload-Offset conflict`, `Maximum size exceeded`) are wrapped, keeping the status.
 */
export function toUploadErrorBody(status: number, text: string): ErrorBody {
  try {
    const parsed = JSON.parse(text) as ErrorBody;
    if (parsed && typeof parsed.code === 'string' && typeof parsed.message === 'string') return parsed;
  } catch {
    // tus's own text
  }
  const message = text.trim() || 'The upload was refused';
  const base: ErrorBody = { code: codeForStatus(status), message };
  if (status === 409 && /offset/i.test(message)) return { ...base, details: { reason: 'offset_mismatch' } };
  return base;
}
