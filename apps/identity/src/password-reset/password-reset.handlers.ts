import { Controller } from '@nestjs/common';
import {
  checkPasswordReset,
  completePasswordReset,
  requestPasswordReset,
  type ParsedRequestOf,
} from '@bandanh/contracts';
import { Handles } from '@bandanh/platform';
import { PasswordResetService } from './password-reset.service';

/** Anyone may ask (the gateway sends them as anonymous): the link itself is the proof. */
@Controller()
export class PasswordResetHandlers {
  constructor(private readonly passwordReset: PasswordResetService) {}

  @Handles(requestPasswordReset)
  request({ email }: ParsedRequestOf<typeof requestPasswordReset>) {
    return this.passwordReset.request(email);
  }

  @Handles(checkPasswordReset)
  check({ token }: ParsedRequestOf<typeof checkPasswordReset>) {
    return this.passwordReset.check(token);
  }

  @Handles(completePasswordReset)
  complete({ token, password }: ParsedRequestOf<typeof completePasswordReset>) {
    return this.passwordReset.complete(token, password);
  }
}
