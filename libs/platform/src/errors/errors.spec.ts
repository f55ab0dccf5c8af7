import { z } from 'zod';
import { ERROR_CODES } from '@bandanh/contracts';
import { DomainError, toErrorBody } from './domain-error';
import { httpStatusFor } from './http-status';

describe('error mapping', () => {
  it('gives every error code an HTTP status', () => {
    const statuses = Object.fromEntries(ERROR_CODES.map((code) => [code, httpStatusFor(code)]));
    expect(statuses).toEqual({
      VALIDATION_FAILED: 400,
      UNAUTHENTICATED: 401,
      FORBIDDEN: 403,
      NOT_FOUND: 404,
      CONFLICT: 409,
      IDEMPOTENCY_KEY_REUSED: 422,
      RATE_LIMITED: 429,
      UNAVAILABLE: 503,
      INTERNAL: 500,
    });
  });

  it('turns a zod failure into VALIDATION_FAILED naming the first field in the message', () => {
    const result = z.object({ name: z.string().min(1, 'Name is required') }).safeParse({ name: '' });
    const error = DomainError.validation(result.error!);
    expect(error.code).toBe('VALIDATION_FAILED');
    expect(error.message).toBe('The request is not valid: name: Name is required');
    expect(error.details?.issues).toEqual([{ path: 'name', code: 'too_small', message: 'Name is required' }]);
  });

  it('keeps the code, message and details of a domain error on the wire', () => {
    const error = DomainError.notFound('CBO', 'abc');
    expect(toErrorBody(error)).toEqual({
      code: 'NOT_FOUND',
      message: 'CBO abc was not found',
      details: { id: 'abc', resource: 'CBO' },
    });
    expect(DomainError.fromBody(toErrorBody(error))).toMatchObject({
      code: 'NOT_FOUND',
      message: error.message,
    });
  });

  it('never passes on the text of an unexpected error', () => {
    expect(toErrorBody(new Error('password=hunter2 at db.internal'))).toEqual({
      code: 'INTERNAL',
      message: 'Something went wrong on our side',
    });
  });
});
