import { uploadErrorOf } from './upload-errors';

describe("an upload's refusal in the member's words", () => {
  const body = (reason: string, code = 'VALIDATION_FAILED') =>
    JSON.stringify({ code, message: 'x', details: { reason } });

  it('tells the type, the file size and the application size apart', () => {
    expect(uploadErrorOf(415, body('unsupported_type'))).toBe('fileType');
    expect(uploadErrorOf(413, body('file_too_large'))).toBe('fileTooLarge');
    expect(uploadErrorOf(409, body('attachments_too_large', 'CONFLICT'))).toBe('filesTooLarge');
    expect(uploadErrorOf(409, body('not_editable', 'CONFLICT'))).toBe('notEditable');
  });

  it('reads the status when the body is not the error shape', () => {
    expect(uploadErrorOf(413, 'Maximum size exceeded')).toBe('fileTooLarge');
    expect(uploadErrorOf(415, '')).toBe('fileType');
    expect(uploadErrorOf(500, '')).toBe('uploadFailed');
  });
});
