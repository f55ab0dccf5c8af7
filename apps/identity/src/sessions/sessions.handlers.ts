import { Controller } from '@nestjs/common';
import {
  changePassword,
  resolveSession,
  signIn,
  signOut,
  type Caller,
  type ParsedRequestOf,
} from '@bandanh/contracts';
import { Handles } from '@bandanh/platform';
import { SessionsService } from './sessions.service';

@Controller()
export class SessionsHandlers {
  constructor(private readonly sessions: SessionsService) {}

  @Handles(signIn)
  signIn(request: ParsedRequestOf<typeof signIn>) {
    return this.sessions.signIn(request);
  }

  @Handles(resolveSession)
  resolve({ token }: ParsedRequestOf<typeof resolveSession>) {
    return this.sessions.resolve(token);
  }

  @Handles(signOut)
  signOut({ token }: ParsedRequestOf<typeof signOut>) {
    return this.sessions.signOut(token);
  }

  @Handles(changePassword)
  changePassword({ current, next }: ParsedRequestOf<typeof changePassword>, caller: Caller) {
    return this.sessions.changePassword(caller, current, next);
  }
}
