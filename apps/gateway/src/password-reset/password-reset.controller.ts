import { Controller } from '@nestjs/common';
import { checkPasswordReset, completePasswordReset, requestPasswordReset } from '@bandanh/contracts';
import { ANONYMOUS, NatsRpc } from '@bandanh/platform';
import { Call } from '../http/call';
import { Endpoint } from '../http/route';
import { PASSWORD_RESET_ROUTES } from './password-reset.routes';

/** Public routes, sent as nobody even when a session comes along: the link is the only proof. */
@Controller()
export class PasswordResetController {
  constructor(private readonly rpc: NatsRpc) {}

  @Endpoint(PASSWORD_RESET_ROUTES.requestPasswordReset)
  request(@Call() { body }: Call<typeof PASSWORD_RESET_ROUTES.requestPasswordReset>) {
    return this.rpc.send(requestPasswordReset, body, ANONYMOUS);
  }

  @Endpoint(PASSWORD_RESET_ROUTES.checkPasswordReset)
  check(@Call() { body }: Call<typeof PASSWORD_RESET_ROUTES.checkPasswordReset>) {
    return this.rpc.send(checkPasswordReset, body, ANONYMOUS);
  }

  @Endpoint(PASSWORD_RESET_ROUTES.completePasswordReset)
  complete(@Call() { body }: Call<typeof PASSWORD_RESET_ROUTES.completePasswordReset>) {
    return this.rpc.send(completePasswordReset, body, ANONYMOUS);
  }
}
