import type { z } from 'zod';
import { toFieldIssues, type ErrorBody, type ErrorCode, type FieldIssue } from '@bandanh/contracts';

/**
 * An error with a code from the contracts, raised by rules anywhere in the back end.
 * It crosses NATS as `{ code, message, details }` and becomes an HTTP status in the gateway.
 */
export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: ErrorBody['details'],
  ) {
    super(message);
    this.name = 'DomainError';
  }

  static validation(error: z.ZodError, message = 'The request is not valid'): DomainError {
    return DomainError.invalid(toFieldIssues(error), message);
  }

  static invalid(issues: FieldIssue[], message = 'The request is not valid'): DomainError {
    const first = issues[0];
    const summary = first ? `${message}: ${first.path || 'input'}: ${first.message}` : message;
    return new DomainError('VALIDATION_FAILED', summary, { issues });
  }

  /** `details.resource` names what was missing, so a caller can tell one absence from another. */
  static notFound(what: string, id: string): DomainError {
    return new DomainError('NOT_FOUND', `${what} ${id} was not found`, { id, resource: what });
  }

  toBody(): ErrorBody {
    return this.details === undefined
      ? { code: this.code, message: this.message }
      : { code: this.code, message: this.message, details: this.details };
  }

  static fromBody(body: ErrorBody): DomainError {
    return new DomainError(body.code, body.message, body.details);
  }
}

/** Whatever was thrown, as the one error shape; unknown errors never leak their text. */
export function toErrorBody(error: unknown): ErrorBody {
  if (error instanceof DomainError) return error.toBody();
  return { code: 'INTERNAL', message: 'Something went wrong on our side' };
}
