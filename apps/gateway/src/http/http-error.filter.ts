import { Catch, HttpException, Logger, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import type { ErrorBody, ErrorCode } from '@bandanh/contracts';
import { DomainError, httpStatusFor, toErrorBody } from '@bandanh/platform';

function codeForStatus(status: number): ErrorCode {
  if (status === 400 || status === 413 || status === 415) return 'VALIDATION_FAILED';
  if (status === 401) return 'UNAUTHENTICATED';
  if (status === 403) return 'FORBIDDEN';
  if (status === 404 || status === 405) return 'NOT_FOUND';
  if (status === 409) return 'CONFLICT';
  if (status === 429) return 'RATE_LIMITED';
  if (status === 503) return 'UNAVAILABLE';
  return 'INTERNAL';
}

/** Every error leaves the API as `{ code, message, details }` with the status of its code. */
@Catch()
export class HttpErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger(HttpErrorFilter.name);

  catch(exception: unknown, host: ArgumentsHost): void {
    const reply = host.switchToHttp().getResponse<FastifyReply>();
    let status: number;
    let body: ErrorBody;
    if (exception instanceof DomainError) {
      status = httpStatusFor(exception.code);
      body = exception.toBody();
    } else if (exception instanceof HttpException) {
      status = exception.getStatus();
      body = { code: codeForStatus(status), message: exception.message };
    } else if (isFastifyClientError(exception)) {
      status = exception.statusCode;
      body = { code: codeForStatus(status), message: exception.message };
    } else {
      status = 500;
      body = toErrorBody(exception);
    }
    if (status >= 500 && !(exception instanceof DomainError && exception.code === 'UNAVAILABLE')) {
      this.logger.error({ err: exception }, 'Request failed');
    }
    void reply.status(status).header('content-type', 'application/json; charset=utf-8').send(body);
  }
}

/** Fastify's own refusals (a body that is not JSON, too large) carry a 4xx statusCode. */
function isFastifyClientError(error: unknown): error is Error & { statusCode: number } {
  const statusCode = error instanceof Error ? (error as { statusCode?: unknown }).statusCode : undefined;
  return typeof statusCode === 'number' && statusCode >= 400 && statusCode < 500;
}
