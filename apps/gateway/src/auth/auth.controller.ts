import { Controller, Module, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import {
  acceptInvitation,
  getInvitation,
  beginMfa,
  changePassword,
  confirmMfa,
  signIn,
  signOut,
  signUp,
  type Caller,
  type ResolvedSession,
} from '@bandanh/contracts';
import { ANONYMOUS, NatsRpc } from '@bandanh/platform';
import { CurrentCaller, CurrentSession } from '../http/caller.decorator';
import { Endpoint, Input, type RouteInput } from '../http/route';
import { ROUTES } from '../http/routes';
import { clearSessionCookie, setSessionCookie } from '../http/session-cookie';

@Controller()
export class AuthController {
  constructor(private readonly rpc: NatsRpc) {}

  @Endpoint(ROUTES.signIn)
  async signIn(
    @Input(ROUTES.signIn) { body }: RouteInput<typeof ROUTES.signIn>,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const result = await this.rpc.send(signIn, body, ANONYMOUS);
    if (result.status === 'signed_in') setSessionCookie(reply, result.session);
    return result;
  }

  @Endpoint(ROUTES.signUp)
  async signUp(
    @Input(ROUTES.signUp) { body }: RouteInput<typeof ROUTES.signUp>,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const result = await this.rpc.send(signUp, body, ANONYMOUS);
    setSessionCookie(reply, result.session);
    return result;
  }

  @Endpoint(ROUTES.getInvitation)
  invitation(@Input(ROUTES.getInvitation) { params }: RouteInput<typeof ROUTES.getInvitation>) {
    return this.rpc.send(getInvitation, { token: params.token }, ANONYMOUS);
  }

  @Endpoint(ROUTES.acceptInvitation)
  async accept(
    @Input(ROUTES.acceptInvitation) { body }: RouteInput<typeof ROUTES.acceptInvitation>,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const result = await this.rpc.send(acceptInvitation, body, ANONYMOUS);
    setSessionCookie(reply, result.session);
    return result;
  }

  @Endpoint(ROUTES.signOut)
  async signOut(
    @CurrentSession() { token }: { token?: string },
    @CurrentCaller() caller: Caller,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    clearSessionCookie(reply);
    return this.rpc.send(signOut, { token: token ?? '' }, caller);
  }

  @Endpoint(ROUTES.me)
  me(@CurrentSession() { session }: { session?: ResolvedSession }) {
    const { account, csrfToken, expiresAt, mfaEnrolmentRequired } = session!;
    return { account, csrfToken, expiresAt, mfaEnrolmentRequired };
  }

  @Endpoint(ROUTES.changePassword)
  changePassword(
    @Input(ROUTES.changePassword) { body }: RouteInput<typeof ROUTES.changePassword>,
    @CurrentCaller() caller: Caller,
  ) {
    return this.rpc.send(changePassword, body, caller);
  }

  @Endpoint(ROUTES.beginMfa)
  beginMfa(@CurrentCaller() caller: Caller) {
    return this.rpc.send(beginMfa, {}, caller);
  }

  @Endpoint(ROUTES.confirmMfa)
  confirmMfa(
    @Input(ROUTES.confirmMfa) { body }: RouteInput<typeof ROUTES.confirmMfa>,
    @CurrentCaller() caller: Caller,
  ) {
    return this.rpc.send(confirmMfa, body, caller);
  }
}

@Module({ controllers: [AuthController] })
export class AuthModule {}
