import { Controller } from '@nestjs/common';
import {
  beginMfa,
  confirmMfa,
  getMfaStatus,
  regenerateRecoveryCodes,
  resetMfa,
  type Caller,
  type ParsedRequestOf,
} from '@bandanh/contracts';
import { Handles } from '@bandanh/platform';
import { MfaService } from './mfa.service';

@Controller()
export class MfaHandlers {
  constructor(private readonly mfa: MfaService) {}

  @Handles(beginMfa)
  begin(_: ParsedRequestOf<typeof beginMfa>, caller: Caller) {
    return this.mfa.begin(caller);
  }

  @Handles(confirmMfa)
  confirm({ code }: ParsedRequestOf<typeof confirmMfa>, caller: Caller) {
    return this.mfa.confirm(caller, code);
  }

  @Handles(getMfaStatus)
  status(_: ParsedRequestOf<typeof getMfaStatus>, caller: Caller) {
    return this.mfa.status(caller);
  }

  @Handles(regenerateRecoveryCodes)
  regenerate({ code }: ParsedRequestOf<typeof regenerateRecoveryCodes>, caller: Caller) {
    return this.mfa.regenerateRecoveryCodes(caller, code);
  }

  @Handles(resetMfa)
  reset({ userId }: ParsedRequestOf<typeof resetMfa>, caller: Caller) {
    return this.mfa.reset(caller, userId);
  }
}
