import type { GrantApplication } from '@bandanh/contracts';
import { DomainError } from '@bandanh/platform';
import {
  checkApplicationTakes,
  checkUploadLength,
  contentDisposition,
  parseUploadMetadata,
  toUploadErrorBody,
  unsupportedType,
  uploadLocation,
  uploadStatusFor,
} from './upload-rules';

const APPLICATION_ID = '0b5c2f4e-8a43-4f7e-9a51-3f1d2c6b7e90';
const CBO_ID = '7d9e1a2b-3c4d-4e5f-8a6b-9c0d1e2f3a4b';
const MiB = 1024 * 1024;

function refusal(attempt: () => unknown): DomainError {
  try {
    attempt();
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error('It was not refused');
}

const application = (overrides: Partial<GrantApplication> = {}) =>
  ({
    id: APPLICATION_ID,
    cboId: CBO_ID,
    stage: 'draft',
    attachments: [],
    ...overrides,
  }) as GrantApplication;

const attachment = (size: number) => ({
  id: '1f2e3d4c-5b6a-4789-8abc-def012345678',
  kind: 'photo' as const,
  fileName: 'a.jpg',
  contentType: 'image/jpeg' as const,
  size,
  uploadedAt: '2026-12-01T00:00:00.000Z',
});

describe('the metadata of an upload', () => {
  it('names the application, the kind and the file name', () => {
    expect(
      parseUploadMetadata({
        applicationId: APPLICATION_ID,
        kind: 'photo',
        filename: ' រូបថត.jpg ',
        filetype: 'x',
      }),
    ).toEqual({ applicationId: APPLICATION_ID, kind: 'photo', filename: 'រូបថត.jpg' });
  });

  it('refuses a missing or wrong field, naming each in the Upload-Metadata header', () => {
    const error = refusal(() =>
      parseUploadMetadata({ applicationId: 'nope', kind: 'video', filename: null }),
    );
    expect(error.code).toBe('VALIDATION_FAILED');
    expect(error.details?.issues?.map((issue) => [issue.in, issue.path])).toEqual([
      ['header', 'upload-metadata.applicationId'],
      ['header', 'upload-metadata.kind'],
      ['header', 'upload-metadata.filename'],
    ]);
    expect(refusal(() => parseUploadMetadata(undefined)).details?.issues).toHaveLength(3);
  });
});

describe('the size of an upload', () => {
  it('takes a file up to the limit', () => {
    expect(() => checkUploadLength(10 * MiB, 10 * MiB)).not.toThrow();
  });

  it('refuses one over the limit with 413, saying the limit', () => {
    const error = refusal(() => checkUploadLength(10 * MiB + 1, 10 * MiB));
    expect(uploadStatusFor(error)).toBe(413);
    expect(error.toBody()).toMatchObject({
      code: 'VALIDATION_FAILED',
      message: 'A file may be at most 10 MiB',
      details: {
        reason: 'file_too_large',
        limit: 10 * MiB,
        issues: [{ in: 'header', path: 'upload-length' }],
      },
    });
  });

  it('refuses an upload that does not say its size', () => {
    const error = refusal(() => checkUploadLength(undefined, 10 * MiB));
    expect(uploadStatusFor(error)).toBe(400);
    expect(error.details?.issues?.[0]).toMatchObject({ path: 'upload-length', code: 'required' });
  });

  it('answers 415 for a type not taken, and the code status otherwise', () => {
    expect(uploadStatusFor(unsupportedType())).toBe(415);
    expect(unsupportedType().details).toMatchObject({ reason: 'unsupported_type' });
    expect(uploadStatusFor(new DomainError('CONFLICT', 'no', { reason: 'not_editable' }))).toBe(409);
    expect(uploadStatusFor(new DomainError('NOT_FOUND', 'no'))).toBe(404);
  });
});

describe('whether the application takes the file', () => {
  it('takes it into an editable application of the member’s CBO with room left', () => {
    expect(() => checkApplicationTakes(application(), CBO_ID, MiB, 30 * MiB)).not.toThrow();
    expect(() =>
      checkApplicationTakes(application({ stage: 'returned' }), CBO_ID, MiB, 30 * MiB),
    ).not.toThrow();
  });

  it('hides another CBO’s application, and one from a member with no CBO', () => {
    expect(
      refusal(() => checkApplicationTakes(application(), '9d9e1a2b-3c4d-4e5f-8a6b-9c0d1e2f3a4b', 1, 30 * MiB))
        .code,
    ).toBe('NOT_FOUND');
    expect(refusal(() => checkApplicationTakes(application(), null, 1, 30 * MiB)).code).toBe('NOT_FOUND');
  });

  it('refuses a submitted application: not_editable', () => {
    for (const stage of ['submitted', 'review', 'agreement', 'declined'] as const) {
      expect(
        refusal(() => checkApplicationTakes(application({ stage }), CBO_ID, 1, 30 * MiB)).details,
      ).toEqual({
        reason: 'not_editable',
      });
    }
  });

  it('refuses a file that would take the application over its limit: attachments_too_large', () => {
    const full = application({ attachments: [attachment(20 * MiB), attachment(5 * MiB)] });
    expect(() => checkApplicationTakes(full, CBO_ID, 5 * MiB, 30 * MiB)).not.toThrow();
    const error = refusal(() => checkApplicationTakes(full, CBO_ID, 5 * MiB + 1, 30 * MiB));
    expect(error.code).toBe('CONFLICT');
    expect(error.details).toEqual({ reason: 'attachments_too_large', limit: 30 * MiB, used: 25 * MiB });
  });
});

describe('where an upload continues', () => {
  it('is relative, under the configured public path', () => {
    expect(uploadLocation(null, '/api/uploads', 'abc123')).toBe('/api/uploads/abc123');
  });

  it('follows a proxy’s X-Forwarded-Prefix when it is a plain path', () => {
    expect(uploadLocation('/uploads', '/api/uploads', 'abc123')).toBe('/uploads/abc123');
    expect(uploadLocation('/web/uploads/', '/api/uploads', 'abc123')).toBe('/web/uploads/abc123');
  });

  it('ignores a prefix that is not a plain path (no other host, no scheme, no dots)', () => {
    for (const prefix of ['//evil.example', 'https://evil.example', '/../admin', 'uploads', '']) {
      expect(uploadLocation(prefix, '/api/uploads', 'abc123')).toBe('/api/uploads/abc123');
    }
  });
});

describe('the error shape of the upload server', () => {
  it('keeps our own bodies, and wraps tus’s plain text with the status’s code', () => {
    const ours = { code: 'CONFLICT', message: 'no', details: { reason: 'not_editable' } };
    expect(toUploadErrorBody(409, JSON.stringify(ours))).toEqual(ours);
    expect(toUploadErrorBody(409, 'Upload-Offset header does not match\n')).toEqual({
      code: 'CONFLICT',
      message: 'Upload-Offset header does not match',
      details: { reason: 'offset_mismatch' },
    });
    expect(toUploadErrorBody(412, 'Tus-Resumable Required\n')).toEqual({
      code: 'CONFLICT',
      message: 'Tus-Resumable Required',
    });
    expect(toUploadErrorBody(404, '')).toEqual({ code: 'NOT_FOUND', message: 'The upload was refused' });
    expect(toUploadErrorBody(500, '{"not":"ours"}').code).toBe('INTERNAL');
  });
});

describe('how a file is downloaded', () => {
  it('always as an attachment, with an ASCII name and the real one encoded', () => {
    expect(contentDisposition('quote.pdf')).toBe(
      `attachment; filename="quote.pdf"; filename*=UTF-8''quote.pdf`,
    );
    expect(contentDisposition('តម្លៃ "1".pdf')).toBe(
      `attachment; filename="_____ _1_.pdf"; filename*=UTF-8''%E1%9E%8F%E1%9E%98%E1%9F%92%E1%9E%9B%E1%9F%83%20%221%22.pdf`,
    );
    expect(contentDisposition("it's (1).pdf")).toContain(`filename*=UTF-8''it%27s%20%281%29.pdf`);
  });
});
