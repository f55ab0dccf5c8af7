/** Keys under `grantsMember.files.errors` for what an upload's refusal says. */
export type UploadErrorKey =
  | 'fileType'
  | 'fileTooLarge'
  | 'filesTooLarge'
  | 'notEditable'
  | 'kindRequired'
  | 'fileRequired'
  | 'uploadFailed';

export const UPLOAD_ERROR_KEYS: readonly UploadErrorKey[] = [
  'fileType',
  'fileTooLarge',
  'filesTooLarge',
  'notEditable',
  'kindRequired',
  'fileRequired',
  'uploadFailed',
];

/**
 * What an upload's refusal from the gateway means for the member, from its status and its body
 * (the one error shape: `{ code, message, details: { reason } }`).
 */
export function uploadErrorOf(status: number, body: string): UploadErrorKey {
  let reason: unknown;
  let code: unknown;
  try {
    const parsed = JSON.parse(body) as { code?: unknown; details?: { reason?: unknown } };
    code = parsed.code;
    reason = parsed.details?.reason;
  } catch {
    // Not the error shape: the status says it.
  }
  if (reason === 'attachments_too_large') return 'filesTooLarge';
  if (reason === 'not_editable') return 'notEditable';
  if (reason === 'file_too_large' || status === 413) return 'fileTooLarge';
  if (reason === 'file_type' || reason === 'unsupported_type' || status === 415) return 'fileType';
  if (code === 'VALIDATION_FAILED' && /type/i.test(body)) return 'fileType';
  return 'uploadFailed';
}
