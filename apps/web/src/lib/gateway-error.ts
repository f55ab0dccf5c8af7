import type { ErrorBody } from '@bandanh/contracts';

/** An answer from the gateway that is not a success, in the one error shape. */
export class GatewayError extends Error {
  constructor(
    readonly status: number,
    readonly body: ErrorBody,
  ) {
    super(body.message);
    this.name = 'GatewayError';
  }

  /** The gateway refuses everything but enrolment until the account has two-factor authentication. */
  get mfaEnrolmentRequired(): boolean {
    return this.status === 403 && this.body.details?.mfaEnrolmentRequired === true;
  }
}
