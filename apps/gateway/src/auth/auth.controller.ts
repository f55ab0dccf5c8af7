import { Controller } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import {
  acceptInvitation,
  getInvitation,
  beginMfa,
  changePassword,
  confirmMfa,
  getMfaStatus,
  regenerateRecoveryCodes,
  resetMfa,
  signIn,
  signOut,
  signUp,
  type ResolvedSession,
} from '@bandanh/contracts';
import { ANONYMOUS, NatsRpc } from '@bandanh/platform';
import { Call, CurrentSession, Reply } from '../http/call';
import { Endpoint } from '../http/route';
import { clearSessionCookie, signingIn } from '../http/session-cookie';
import { AUTH_ROUTES } from './auth.routes';

/** Public routes send as nobody, even when a session comes along: signing in starts afresh. */
@Controller()
export class AuthController {
  constructor(private readonly rpc: NatsRpc) {}

  @Endpoint(AUTH_ROUTES.signIn)
  signIn(@Call() { body }: Call<typeof AUTH_ROUTES.signIn>, @Reply() reply: FastifyReply) {
    return signingIn(reply, this.rpc.send(signIn, body, ANONYMOUS));
  }

  @Endpoint(AUTH_ROUTES.signUp)
  signUp(@Call() { body }: Call<typeof AUTH_ROUTES.signUp>, @Reply() reply: FastifyReply) {
    return signingIn(reply, this.rpc.send(signUp, body, ANONYMOUS));
  }

  @Endpoint(AUTH_ROUTES.getInvitation)
  invitation(@Call() { params }: Call<typeof AUTH_ROUTES.getInvitation>) {
    return this.rpc.send(getInvitation, { token: params.token }, ANONYMOUS);
  }

  @Endpoint(AUTH_ROUTES.acceptInvitation)
  accept(@Call() { body }: Call<typeof AUTH_ROUTES.acceptInvitation>, @Reply() reply: FastifyReply) {
    return signingIn(reply, this.rpc.send(acceptInvitation, body, ANONYMOUS));
  }

  @Endpoint(AUTH_ROUTES.signOut)
  signOut(
    @CurrentSession() { token }: { token?: string },
    @Call() { caller }: Call<typeof AUTH_ROUTES.signOut>,
    @Reply() reply: FastifyReply,
  ) {
    clearSessionCookie(reply);
    return this.rpc.send(signOut, { token: token ?? '' }, caller);
  }

  @Endpoint(AUTH_ROUTES.me)
  me(@CurrentSession() { session }: { session?: ResolvedSession }) {
    const { account, csrfToken, expiresAt, mfaEnrolmentRequired } = session!;
    return { account, csrfToken, expiresAt, mfaEnrolmentRequired };
  }

  @Endpoint(AUTH_ROUTES.changePassword)
  changePassword(@Call() { body, caller }: Call<typeof AUTH_ROUTES.changePassword>) {
    return this.rpc.send(changePassword, body, caller);
  }

  @Endpoint(AUTH_ROUTES.beginMfa)
  beginMfa(@Call() { caller }: Call<typeof AUTH_ROUTES.beginMfa>) {
    return this.rpc.send(beginMfa, {}, caller);
  }

  @Endpoint(AUTH_ROUTES.confirmMfa)
  confirmMfa(@Call() { body, caller }: Call<typeof AUTH_ROUTES.confirmMfa>) {
    return this.rpc.send(confirmMfa, body, caller);
  }

  @Endpoint(AUTH_ROUTES.getMfaStatus)
  mfaStatus(@Call() { caller }: Call<typeof AUTH_ROUTES.getMfaStatus>) {
    return this.rpc.send(getMfaStatus, {}, caller);
  }

  @Endpoint(AUTH_ROUTES.regenerateRecoveryCodes)
  regenerateRecoveryCodes(@Call() { body, caller }: Call<typeof AUTH_ROUTES.regenerateRecoveryCodes>) {
    return this.rpc.send(regenerateRecoveryCodes, body, caller);
  }

  @Endpoint(AUTH_ROUTES.resetMfa)
  resetMfa(@Call() { params, caller }: Call<typeof AUTH_ROUTES.resetMfa>) {
    return this.rpc.send(resetMfa, { userId: params.id }, caller);
  }
}
