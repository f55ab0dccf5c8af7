import { Controller } from '@nestjs/common';
import { signUp, type ParsedRequestOf } from '@bandanh/contracts';
import { Handles } from '@bandanh/platform';
import { SignUpService } from './sign-up.service';

@Controller()
export class SignUpHandlers {
  constructor(private readonly signUps: SignUpService) {}

  @Handles(signUp)
  signUp({ email, displayName, password, locale }: ParsedRequestOf<typeof signUp>) {
    return this.signUps.signUp(email, displayName, password, locale);
  }
}
