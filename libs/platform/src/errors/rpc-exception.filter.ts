import { Catch, Logger, type RpcExceptionFilter } from '@nestjs/common';
import { throwError, type Observable } from 'rxjs';
import type { ErrorBody } from '@bandanh/contracts';
import { DomainError, toErrorBody } from './domain-error';

/**
 * Every error a NATS handler throws leaves the service as `{ code, message, details }`.
 * Unexpected errors are logged here and reach the caller as INTERNAL, without their text.
 */
@Catch()
export class RpcErrorFilter implements RpcExceptionFilter<unknown> {
  private readonly logger = new Logger(RpcErrorFilter.name);

  catch(exception: unknown): Observable<ErrorBody> {
    if (!(exception instanceof DomainError)) {
      this.logger.error({ err: exception }, 'Unhandled error in a NATS handler');
    }
    return throwError(() => toErrorBody(exception));
  }
}
