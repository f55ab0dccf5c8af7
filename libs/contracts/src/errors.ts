import { z } from 'zod';

/**
 * Every error that crosses a service boundary carries one of these codes.
 * The gateway maps each to an HTTP status with an exhaustive switch.
 */
export const ERROR_CODES = [
  'VALIDATION_FAILED',
  'NOT_FOUND',
  'CONFLICT',
  'IDEMPOTENCY_KEY_REUSED',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'RATE_LIMITED',
  'UNAVAILABLE',
  'INTERNAL',
] as const;

export const ErrorCode = z.enum(ERROR_CODES);
export type ErrorCode = z.infer<typeof ErrorCode>;

/** One problem with one field of the input; `path` is dotted (`contacts.0.phone`). */
export const FieldIssue = z.object({
  /** Where the field is, when it is not in the body. */
  in: z.enum(['path', 'query', 'header', 'body']).optional(),
  path: z.string(),
  code: z.string(),
  message: z.string(),
});
export type FieldIssue = z.infer<typeof FieldIssue>;

/** The one error shape on the wire, over NATS and HTTP alike. */
export const ErrorBody = z.object({
  code: ErrorCode,
  message: z.string(),
  details: z
    .object({
      issues: z.array(FieldIssue).optional(),
    })
    .catchall(z.unknown())
    .optional(),
});
export type ErrorBody = z.infer<typeof ErrorBody>;

export function isErrorBody(value: unknown): value is ErrorBody {
  return ErrorBody.safeParse(value).success;
}

/** Turns a zod error into field issues with dotted paths. */
export function toFieldIssues(error: z.ZodError): FieldIssue[] {
  return error.issues.map((issue) => ({
    path: issue.path.map(String).join('.'),
    code: issue.code,
    message: issue.message,
  }));
}
